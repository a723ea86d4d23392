using System.Text.Json.Serialization;
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
        [JsonRequired] public bool Agreed { get; init; }
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
