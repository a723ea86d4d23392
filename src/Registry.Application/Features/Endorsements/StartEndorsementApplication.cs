using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Discipline;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Endorsements;

/// <summary>
/// The holder of a credential in force applies for one of its program's endorsements that the credential does not
/// carry; the application is reviewed like the others and its approval grants the endorsement.
/// </summary>
public static class StartEndorsementApplication
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid CredentialId, string Code) : ICommand<Started>, ICredentialScoped;

    public sealed record Started(Guid ApplicationId, string CredentialNumber, string EndorsementCode);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(8).WithName("Endorsement");
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Started>
    {
        public async Task<Started> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == credential.ProgramId, cancellationToken);
            var open = ApplicationStatusRules.OpenStatuses;
            var openApplications = await db.Applications.AsNoTracking()
                .Where(a => a.PersonId == credential.HolderPersonId && a.ProgramId == credential.ProgramId && open.Contains(a.Status))
                .ToListAsync(cancellationToken);
            var application = CertificationApplication.StartEndorsement(credential, program.Requirements, command.Code,
                openApplications.Where(a => a.CredentialId == credential.Id), user.UserId!.Value, clock.GetUtcNow());
            // As the database's unique index says: one open application per person and program.
            if (openApplications.Count > 0)
                throw new ConflictException("You already have an open application for this program; finish or withdraw it first.");
            db.Applications.Add(application);
            return new Started(application.Id, credential.Number.Value, application.EndorsementCode!);
        }
    }
}
