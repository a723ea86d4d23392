using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Confirmations;

namespace Registry.Application.Features.Records;

/// <summary>
/// What a confirmation link asks its holder (a supervisor or referee, without an account) to confirm.
/// A used, expired or altered link is refused with a plain sentence.
/// </summary>
public static class GetConfirmation
{
    [PublicRequest]
    public sealed record Query(string Token) : IRequest<Model>;

    public sealed record Model(ConfirmationPurpose Purpose, string ApplicantName, string Email, DateTimeOffset ExpiresAt,
        IReadOnlyList<SessionModel> Sessions, ReferenceModel? Reference);

    public sealed record SessionModel(DateOnly HeldOn, decimal Hours, SupervisionFormat Format, string Topics);

    public sealed record ReferenceModel(string RefereeName, string Relationship);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Token).NotEmpty().MaximumLength(2000).WithMessage(ConfirmationLetters.NotValid);
    }

    public sealed class Handler(IRegistryDbContext db, IConfirmationLinks links, TimeProvider clock) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var request = await db.RequestForAsync(links, query.Token, clock.GetUtcNow(), track: false, cancellationToken);
            var application = await db.Applications.AsNoTracking()
                .Include(a => a.SupervisionLogs).Include(a => a.References)
                .SingleAsync(a => a.Id == request.ApplicationId, cancellationToken);
            var applicantName = await db.ApplicantNameAsync(application.PersonId, cancellationToken);

            if (request.Purpose == ConfirmationPurpose.Supervision)
            {
                var sessions = application.SupervisionLogs.Where(l => request.SubjectIds.Contains(l.Id)).OrderBy(l => l.HeldOn)
                    .Select(l => new SessionModel(l.HeldOn, l.Hours, l.Format, l.Topics)).ToList();
                if (sessions.Count == 0) throw new DomainRuleException("The sessions in this link are no longer on the application; nothing is needed.");
                return new Model(request.Purpose, applicantName, request.Email, request.ExpiresAt, sessions, null);
            }

            var reference = application.References.SingleOrDefault(r => request.SubjectIds.Contains(r.Id))
                ?? throw new DomainRuleException("This reference is no longer on the application; nothing is needed.");
            return new Model(request.Purpose, applicantName, request.Email, request.ExpiresAt, [], new ReferenceModel(reference.RefereeName, reference.Relationship));
        }
    }
}
