using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Uploads;
using Registry.Application.Features.Employers;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Verification;

/// <summary>
/// An approved employer uploads a roster (.xlsx or CSV) of credential numbers, or of names and states, and
/// gets back an .xlsx with each row's match, status, expiry and public actions, or the reason it did not
/// match. Lookups are batched: one query per thousand numbers or names, whatever the roster's size. The
/// result is kept as a completed <see cref="RosterVerification"/>, as a roster verified in the background is,
/// so the page can show its summary and the workbook downloads as the API's does, until it expires.
/// </summary>
public static class VerifyRoster
{
    public const int MaximumRows = 10_000;
    public const int MaximumBytes = 10 * 1024 * 1024;

    private static readonly SpreadsheetUpload Upload = new(nameof(Command.File), MaximumBytes, MaximumRows);

    [AllowedRoles(Roles.Employer)]
    public sealed record Command(Stream File, string FileName) : ICommand<Verified>;

    /// <summary>The kept result's id (for <see cref="GetRosterVerification"/> and <see cref="DownloadRosterVerificationResult"/>) and the matched numbers, for the watch-list.</summary>
    public sealed record Verified(Guid ResultId, int Rows, int Matched, IReadOnlyList<string> MatchedNumbers);

    /// <summary>Each row's result, and the .xlsx that lists them.</summary>
    public sealed record Outcome(IReadOnlyList<RosterResultRow> Rows, byte[] Workbook)
    {
        public int Matched => Rows.Count(r => r.Match is not null);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.FileName).MaximumLength(255);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, IRosterReader reader, IRosterWorkbook workbook, TimeProvider clock)
        : IRequestHandler<Command, Verified>
    {
        public async Task<Verified> Handle(Command command, CancellationToken cancellationToken)
        {
            var employer = await EmployerAccess.ApprovedEmployerAsync(db, user, cancellationToken);
            var bytes = await ReadAsync(command.File, cancellationToken);
            var outcome = await VerifyAsync(db, reader, workbook, bytes, cancellationToken);

            var at = clock.GetUtcNow();
            var kept = new RosterVerification(employer.Id, Path.GetFileName(command.FileName.Trim()) is { Length: > 0 } name ? name : "roster", bytes, at);
            kept.Start(at);
            kept.Complete(outcome.Rows.Count, outcome.Matched, outcome.Workbook, at);
            db.RosterVerifications.Add(kept);
            var matched = outcome.Rows.Where(r => r.Match is not null).Select(r => r.Match!.CredentialNumber).Distinct().ToList();
            return new Verified(kept.Id, outcome.Rows.Count, outcome.Matched, matched);
        }
    }

    /// <summary>The uploaded roster's bytes; refused when empty or larger than the limit.</summary>
    public static Task<byte[]> ReadAsync(Stream file, CancellationToken cancellationToken) =>
        Upload.ReadAsync(file, "Choose a roster file; the file chosen is empty.",
            "The file is larger than 10 MB; split the roster into smaller files.", cancellationToken);

    /// <summary>Each row of a roster matched (the page's answer, and the background job's for the API); refused when the sheet cannot be read or has too many rows.</summary>
    public static async Task<Outcome> VerifyAsync(IRegistryDbContext db, IRosterReader reader, IRosterWorkbook workbook, byte[] bytes, CancellationToken cancellationToken)
    {
        var sheet = reader.Read(bytes);
        Upload.CheckSheet(sheet.Problem, sheet.Rows.Count, "The file has a header row but no rows under it.",
            $"The roster has {sheet.Rows.Count:N0} rows; at most {MaximumRows:N0} can be verified at once. Split it into smaller files.");

        var byNumber = await VerifyCredentials.FindAsync(db,
            sheet.Rows.Select(r => CredentialNumber.TryParse(r.CredentialNumber, out var n) ? n : null).OfType<CredentialNumber>().Distinct().ToList(),
            cancellationToken);
        var byName = await Matching.NamesAsync(db, sheet.Rows.Where(r => string.IsNullOrWhiteSpace(r.CredentialNumber)).ToList(), cancellationToken);

        var results = sheet.Rows.Select(row => Matching.Match(row, byNumber, byName)).ToList();
        return new Outcome(results, workbook.Write(results));
    }

    private static class Matching
    {
        public static RosterResultRow Match(RosterRow row, Dictionary<string, PublicCredential> byNumber, ILookup<(string State, string Last), Holder> byName)
        {
            if (!string.IsNullOrWhiteSpace(row.CredentialNumber))
            {
                if (!CredentialNumber.TryParse(row.CredentialNumber, out var number))
                    return new(row, null, $"'{SpreadsheetUpload.Shorten(row.CredentialNumber)}' is not a credential number (e.g. TN-CPRS-000123).", null);
                if (!byNumber.TryGetValue(number!.Value, out var credential))
                    return new(row, null, "No credential has this number.", null);
                var note = !string.IsNullOrWhiteSpace(row.LastName) && !credential.HolderName.EndsWith(row.LastName.Trim(), StringComparison.OrdinalIgnoreCase)
                    ? $"The roster's last name ({SpreadsheetUpload.Shorten(row.LastName)}) differs from the holder's name on the credential."
                    : null;
                return new(row, credential, null, note);
            }

            if (string.IsNullOrWhiteSpace(row.LastName))
                return new(row, null, "The row has neither a credential number nor a last name.", null);
            if (!StateCode.TryParse(row.State, out var state))
                return new(row, null, string.IsNullOrWhiteSpace(row.State) ? "A name needs its state (e.g. TN) to be matched." : $"'{SpreadsheetUpload.Shorten(row.State)}' is not a two-letter state code.", null);

            var candidates = byName[(state.Value, row.LastName.Trim().ToLowerInvariant())]
                .Where(h => string.IsNullOrWhiteSpace(row.FirstName) || string.Equals(h.FirstName, row.FirstName.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Credential)
                .ToList();
            var name = $"{row.FirstName?.Trim()} {row.LastName.Trim()}".Trim();
            return candidates.Count switch
            {
                0 => new(row, null, $"No credential in {state} is held by someone named {SpreadsheetUpload.Shorten(name)}.", null),
                1 => new(row, candidates[0], null, null),
                _ => new(row, null, $"{candidates.Count} credentials in {state} match {SpreadsheetUpload.Shorten(name)}; add the credential number to tell them apart.", null),
            };
        }

        /// <summary>Every credential whose holder's last name and state appear in the rows, by (state, lower-case last name), with the first name.</summary>
        public static async Task<ILookup<(string State, string Last), Holder>> NamesAsync(IRegistryDbContext db, IReadOnlyList<RosterRow> rows, CancellationToken cancellationToken)
        {
            var wanted = rows
                .Where(r => !string.IsNullOrWhiteSpace(r.LastName) && StateCode.TryParse(r.State, out _))
                .Select(r => (State: StateCode.Parse(r.State), Last: r.LastName!.Trim().ToLowerInvariant()))
                .Distinct().ToList();
            var holders = new List<(string State, string Last, string First, CredentialNumber Number)>();
            foreach (var state in wanted.GroupBy(w => w.State))
                foreach (var chunk in state.Select(w => w.Last).Chunk(PublicCredentials.QueryChunk))
                {
                    var found = await db.Credentials.AsNoTracking().Where(c => c.StateCode == state.Key)
                        .Join(db.People.Where(p => chunk.Contains(p.LegalLastName.ToLower())), c => c.HolderPersonId, p => p.Id,
                            (c, p) => new { c.Number, p.LegalFirstName, p.LegalLastName })
                        .ToListAsync(cancellationToken);
                    holders.AddRange(found.Select(f => (state.Key.Value, f.LegalLastName.ToLowerInvariant(), f.LegalFirstName, f.Number)));
                }
            var credentials = await VerifyCredentials.FindAsync(db, holders.Select(h => h.Number).Distinct().ToList(), cancellationToken);
            return holders.ToLookup(h => (h.State, h.Last), h => new Holder(h.First, credentials[h.Number.Value]));
        }

        public sealed record Holder(string FirstName, PublicCredential Credential);
    }
}
