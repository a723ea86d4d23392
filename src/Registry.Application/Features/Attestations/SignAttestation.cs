using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Attestations;

namespace Registry.Application.Features.Attestations;

/// <summary>The applicant signs one of the program's attestations or answers a disclosure question, on the current wording.</summary>
public static class SignAttestation
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<Signed>, IApplicationScoped
    {
        public Guid ApplicationId { get; init; }
        public string Code { get; init; } = "";
        public bool Agreed { get; init; }
        public bool? DisclosedYes { get; init; }
        public string? Statement { get; init; }
    }

    public sealed record Signed(string Code, int WordingVersion, DateTimeOffset SignedAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(64);
            RuleFor(c => c.Statement).MaximumLength(4000).WithMessage("A statement can be at most 4000 characters.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Command, Signed>
    {
        public async Task<Signed> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            var required = (await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken)).Requirements.RequiredAttestations;
            if (!required.Contains(command.Code)) throw new NotFoundException("Attestation", command.Code);
            var wording = await CurrentWordingAsync(db, command.Code, cancellationToken) ?? throw new NotFoundException("Attestation", command.Code);

            var signature = application.Sign(wording, command.Agreed, command.DisclosedYes, command.Statement, clock.GetUtcNow());
            return new Signed(signature.Code, signature.WordingVersion, signature.SignedAt);
        }
    }

    public static Task<AttestationWording?> CurrentWordingAsync(IRegistryDbContext db, string code, CancellationToken cancellationToken) =>
        db.AttestationWordings.Where(w => w.Code == code).OrderByDescending(w => w.Version).FirstOrDefaultAsync(cancellationToken);
}

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
