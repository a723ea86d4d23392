using System.Text.Unicode;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Verification;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>
/// An approved employer's system hands in a roster (.xlsx or CSV, the limits of <see cref="VerifyRoster"/>) to
/// be verified in the background by <see cref="RunRosterVerification"/>; it polls the answer's id. A file
/// that is not a spreadsheet at all (neither a zip nor UTF-8 text, or a zip that is no workbook), empty, too
/// large, or beyond the import limits once unpacked (a workbook bomb) is refused here; what is wrong inside a spreadsheet (no header row, too many
/// rows) becomes the job's problem.
/// </summary>
public static class SubmitRosterVerification
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Command(Stream File, string FileName) : ICommand<Submitted>;

    public sealed record Submitted(Guid Id, RosterVerificationStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.FileName).MaximumLength(255);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRosterVerificationQueue queue, IRosterReader reader)
        : IRequestHandler<Command, Submitted>
    {
        public async Task<Submitted> Handle(Command command, CancellationToken cancellationToken)
        {
            var employer = await EmployerAccess.ApprovedEmployerAsync(db, user, cancellationToken);
            var bytes = await VerifyRoster.ReadAsync(command.File, cancellationToken);
            if (!IsSpreadsheet(bytes))
                throw new ValidationException([new ValidationFailure(nameof(Command.File), "The file is neither an Excel workbook (.xlsx) nor a CSV text file.")]);
            // Read once here (within the limits, so cheaply) so that a bomb is the caller's 400, not a job's failure.
            if (reader.Read(bytes) is { IsRefusedUnread: true, Problem: { } refusal })
                throw new ValidationException([new ValidationFailure(nameof(Command.File), refusal)]);

            var verification = new RosterVerification(employer.Id, Path.GetFileName(command.FileName.Trim()) is { Length: > 0 } name ? name : "roster", bytes, clock.GetUtcNow());
            db.RosterVerifications.Add(verification);
            // Saved before it is queued: a job server may take it at once, and must find it.
            await db.SaveChangesAsync(cancellationToken);
            queue.Enqueue(verification.Id);
            return new Submitted(verification.Id, verification.Status);
        }

        /// <summary>An .xlsx is a zip; a CSV is UTF-8 text without NULs.</summary>
        private static bool IsSpreadsheet(byte[] bytes) =>
            bytes is [0x50, 0x4B, 0x03, 0x04, ..] || (Utf8.IsValid(bytes) && !bytes.AsSpan().Contains((byte)0));
    }
}
