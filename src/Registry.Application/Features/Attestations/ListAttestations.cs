using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Attestations;

namespace Registry.Application.Features.Attestations;

/// <summary>The words the applicant is asked to sign now, or the words they signed, for each of the program's attestations.</summary>
public static class ListAttestations
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ApplicationId) : IRequest<IReadOnlyList<Model>>, IApplicationScoped;

    public sealed record Model(string Code, string Title, AttestationKind Kind, string Text, int Version, bool AsksForStatement,
        bool IsSigned, DateTimeOffset? SignedAt, bool? DisclosedYes, string? Statement);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking().Include(a => a.Attestations)
                .SingleAsync(a => a.Id == query.ApplicationId, cancellationToken);
            var required = (await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken)).Requirements.RequiredAttestations;
            var wordings = await db.AttestationWordings.AsNoTracking().Where(w => required.Contains(w.Code)).ToListAsync(cancellationToken);

            return required.Select(code =>
            {
                if (application.Attestations.SingleOrDefault(a => a.Code == code) is { } signed)
                    return new Model(code, signed.Title, signed.Kind, signed.SignedText, signed.WordingVersion, false, true, signed.SignedAt, signed.DisclosedYes, signed.Statement);
                var current = wordings.Where(w => w.Code == code).MaxBy(w => w.Version)
                    ?? throw new InvalidOperationException($"No wording is published for the attestation '{code}'.");
                return new Model(code, current.Title, current.Kind, current.Text, current.Version, current.AsksForStatement, false, null, null, null);
            }).ToList();
        }
    }
}
