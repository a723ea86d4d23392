using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Documents;

namespace Registry.Application.Features.Records;

/// <summary>
/// The applicant uploads a certificate or letter. Its type is read from its first bytes, not its name:
/// a PNG named .pdf is kept as a PNG, and a text file named .pdf is refused. A person keeps at most
/// <see cref="EvidenceLimits.QuotaBytesPerPerson"/> bytes, and at most <see cref="EvidenceLimits.MaxUnattachedPerPerson"/>
/// files that no record points at yet.
/// </summary>
public static class UploadEvidence
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Stream Evidence, string FileName, long Length) : ICommand<Uploaded>;

    public sealed record Uploaded(Guid DocumentId, string FileName, EvidenceFileType Type, long SizeBytes, string Sha256);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Length).GreaterThan(0).WithMessage(Empty).OverridePropertyName(nameof(Command.Evidence));
            RuleFor(c => c.Length).LessThanOrEqualTo(EvidenceDocument.MaximumBytes).WithMessage(TooLarge).OverridePropertyName(nameof(Command.Evidence));
            RuleFor(c => c.FileName).MaximumLength(255);
        }
    }

    private const string Empty = "Choose a file to upload; the file chosen is empty.";
    private const string TooLarge = "The file is larger than 10 MB; please upload a smaller scan or photo.";
    private const string NotAllowed = "The file is not a PDF, PNG or JPEG, whatever its name says; please upload one of those.";

    public sealed class Handler(IRegistryDbContext db, IDocumentStore store, ICurrentUser user, TimeProvider clock, EvidenceLimits limits) : IRequestHandler<Command, Uploaded>
    {
        public async Task<Uploaded> Handle(Command command, CancellationToken cancellationToken)
        {
            var owner = user.PersonId ?? throw new ForbiddenException("Complete your profile before uploading evidence.");
            // The declared length is only a claim: the bytes themselves are measured and sniffed.
            var bytes = await ReadAtMostAsync(command.Evidence, EvidenceDocument.MaximumBytes + 1, cancellationToken);
            if (bytes.Length == 0) throw Refused(Empty);
            if (bytes.Length > EvidenceDocument.MaximumBytes) throw Refused(TooLarge);
            var type = EvidenceFileTypes.Detect(bytes) ?? throw Refused(NotAllowed);
            await RequireRoomAsync(owner, bytes.Length, cancellationToken);

            var now = clock.GetUtcNow();
            var key = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
            var document = new EvidenceDocument(owner, command.FileName, type, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), key, now);
            await store.SaveAsync(key, new MemoryStream(bytes, writable: false), cancellationToken);
            db.Documents.Add(document);
            try
            {
                // Saved here, not only by the unit of work, because the bytes sit outside the transaction:
                // if the row cannot be written, the file must go too.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                await store.DeleteAsync(key, CancellationToken.None);
                throw;
            }
            return new Uploaded(document.Id, document.FileName, document.Type, document.SizeBytes, document.Sha256);
        }

        /// <summary>Two uploads at the same instant may both pass; the limits bound what one person can pile up, not to the byte.</summary>
        private async Task RequireRoomAsync(Guid owner, long size, CancellationToken cancellationToken)
        {
            var used = await db.Documents.Where(d => d.OwnerPersonId == owner).SumAsync(d => (long?)d.SizeBytes, cancellationToken) ?? 0;
            if (used + size > limits.QuotaBytesPerPerson)
                throw Refused($"You have used {Megabytes(used)} of your {Megabytes(limits.QuotaBytesPerPerson)} for evidence, and this file would go past it. " +
                    "Remove an entry whose file you no longer need, or upload a smaller scan.");
            var unattached = await EvidenceLimits.Unattached(db).CountAsync(d => d.OwnerPersonId == owner, cancellationToken);
            if (unattached >= limits.MaxUnattachedPerPerson)
                throw Refused($"You have {unattached} uploaded files that no entry uses yet (at most {limits.MaxUnattachedPerPerson}). " +
                    $"Add them to entries, or wait: unused files are removed after {limits.UnattachedDays} days.");
        }

        private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

        private static ValidationException Refused(string message) => new([new ValidationFailure(nameof(Command.Evidence), message)]);

        private static async Task<byte[]> ReadAtMostAsync(Stream source, long limit, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length < limit && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
                buffer.Write(chunk, 0, read);
            return buffer.ToArray();
        }
    }
}
