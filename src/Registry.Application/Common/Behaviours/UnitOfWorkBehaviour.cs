using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// A command's changes are saved once, after its handler returns, in one transaction with their audit
/// entries; a handler that throws leaves nothing written.
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IRegistryDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>) return await next();
        var response = await next();
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }
}
