using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// An employer's roster: an .xlsx workbook or CSV text read by <see cref="SpreadsheetRows"/> (so within the import
/// limits). The header row names the columns, in any order: a credential number, or a last name and a state (a first
/// name narrows the match). Reading stops at the row limit plus one, so a longer roster is refused unread.
/// </summary>
internal sealed class RosterReader(ImportLimits limits) : IRosterReader
{
    private const string NoHeader = "The file has no header row naming its columns: it needs a 'Credential number' column, or 'Last name' and 'State' (and optionally 'First name').";
    private const int RowLimit = Application.Features.Verification.VerifyRoster.MaximumRows + 1;

    public RosterSheet Read(byte[] content)
    {
        if (content.Length == 0) return RosterSheet.Unreadable("The file is empty.");
        try
        {
            using var rows = new SpreadsheetRows(limits).Read(content).GetEnumerator();
            if (!SpreadsheetRows.FirstRow(rows, out var first)) return RosterSheet.Unreadable(SpreadsheetRows.Empty(content));
            var header = first.Number == 1 ? Columns.Find(SpreadsheetRows.Names(first)) : null;
            if (header is null) return RosterSheet.Unreadable(NoHeader);

            var found = new List<RosterRow>();
            while (found.Count < RowLimit && rows.MoveNext())
            {
                var row = rows.Current;
                string? Text(int? column) => column is { } c ? row.Cell(c + 1)?.Text : null;
                if (header.All.All(c => string.IsNullOrWhiteSpace(Text(c)))) continue;
                found.Add(new RosterRow(row.Number, Text(header.Number), Text(header.FirstName), Text(header.LastName), Text(header.State)));
            }
            return new RosterSheet(found);
        }
        catch (ImportRefusedException e)
        {
            return RosterSheet.RefusedUnread(e.Message);
        }
    }

    /// <summary>Where the columns are (zero-based); names are matched ignoring case, spaces and punctuation.</summary>
    private sealed record Columns(int? Number, int? FirstName, int? LastName, int? State)
    {
        public IEnumerable<int> All => new[] { Number, FirstName, LastName, State }.OfType<int>();

        public static Columns? Find(IReadOnlyList<string> names)
        {
            var normalised = names.Select(n => new string(n.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant()).ToList();
            int? At(params string[] options) => normalised.FindIndex(options.Contains) is var i and >= 0 ? i : null;
            var number = At("credentialnumber", "credential", "credentialno", "certificationnumber", "certificatenumber", "licensenumber", "number");
            var first = At("firstname", "givenname", "first");
            var last = At("lastname", "surname", "familyname", "last");
            var state = At("state", "statecode");
            return number is null && (last is null || state is null) ? null : new Columns(number, first, last, state);
        }
    }
}
