using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Domain.Common;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// A command's changes are saved once, after its handler returns, in one transaction with their audit
/// entries and with whatever the domain events it raised lead to (outbox notifications): a handler that
/// throws leaves nothing written, and no message goes out for a change that was not saved. A command that
/// saves in steps (<see cref="ISavesInSteps"/>) gets the same guarantee from an explicit transaction.
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IRegistryDbContext db, IMediator mediator, IDatabaseTransactions transactions)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>) return await next();
        if (request is ISavesInSteps) return await transactions.InTransactionAsync(ct => SaveAsync(next, ct), cancellationToken);
        return await SaveAsync(next, cancellationToken);
    }

    private async Task<TResponse> SaveAsync(RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next();
        // Reactions may raise events of their own; they are handled in the same unit of work.
        for (var events = db.TakeDomainEvents(); events.Count > 0; events = db.TakeDomainEvents())
            foreach (var domainEvent in events)
                await mediator.Publish(DomainEventNotification.For(domainEvent), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }
}

/// <summary>Carries a domain event through MediatR, so the domain needs no MediatR reference.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent Event) : INotification where TEvent : IDomainEvent;

public static class DomainEventNotification
{
    public static INotification For(IDomainEvent domainEvent) =>
        (INotification)Activator.CreateInstance(typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
}
