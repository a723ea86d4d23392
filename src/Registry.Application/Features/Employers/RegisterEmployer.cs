using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Employers;

/// <summary>An organisation registers to verify credentials; it waits for its state's administrators to approve it.</summary>
public static class RegisterEmployer
{
    [PublicRequest]
    public sealed record Command : ICommand<Guid>
    {
        public string Name { get; init; } = "";
        public string ContactEmail { get; init; } = "";
        public string StateCode { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryDbContext db)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter your organisation's name.").MaximumLength(200);
            RuleFor(c => c.ContactEmail).NotEmpty().WithMessage("Enter a contact e-mail address.").EmailAddress().WithMessage("Enter a valid e-mail address.").MaximumLength(256);
            RuleFor(c => c.StateCode).MustAsync(async (code, ct) => Domain.Jurisdictions.StateCode.TryParse(code, out var state) && await db.Jurisdictions.AnyAsync(j => j.Code == state, ct))
                .WithMessage("Choose the state your organisation works in.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock, RequestScope scope) : IRequestHandler<Command, Guid>
    {
        public Task<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var employer = new Employer(command.Name, command.ContactEmail, state, clock.GetUtcNow());
            db.Employers.Add(employer);
            scope.StateCode = state;
            return Task.FromResult(employer.Id);
        }
    }
}

/// <summary>Registered organisations, for the administrators who approve them: StateAdmins see their state's, SystemAdmins all.</summary>
public static class ListEmployers
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Name, string ContactEmail, string State, EmployerStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset? ApprovedAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employers = db.Employers.AsNoTracking();
            if (!user.IsInRole(Roles.SystemAdmin)) employers = employers.Where(e => e.StateCode == user.StateCode);
            var rows = await employers.ToListAsync(cancellationToken);
            return rows.OrderBy(e => e.Status != EmployerStatus.PendingApproval).ThenBy(e => e.Name).Select(e => new Row(e.Id, e.Name, e.ContactEmail, e.StateCode.Value, e.Status, e.RegisteredAt, e.ApprovedAt)).ToList();
        }
    }
}

/// <summary>A StateAdmin of the organisation's state, or a SystemAdmin, approves it; its contact is told by e-mail.</summary>
public static class ApproveEmployer
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command(Guid EmployerId) : ICommand<Unit>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, RequestScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == command.EmployerId, cancellationToken);
            // Another state's organisation is none of this administrator's business, so it "does not exist".
            if (employer is null || (!user.IsInRole(Roles.SystemAdmin) && employer.StateCode != user.StateCode))
                throw new NotFoundException("Employer", command.EmployerId);
            var now = clock.GetUtcNow();
            employer.Approve(user.UserId, now);
            scope.StateCode = employer.StateCode;
            db.Notifications.Add(Outbox.Message(employer.ContactEmail, new EmployerApprovedMessage(employer.Name), now,
                deduplicationKey: $"employer-approved:{employer.Id}"));
            return Unit.Value;
        }
    }
}
