using ClosedXML.Excel;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Exports;

/// <summary>The roster verification result: the employer's own columns, then the public record or the reason there is none.</summary>
internal sealed class RosterWorkbook : IRosterWorkbook
{
    private static readonly (string Header, double Width)[] Columns =
    [
        ("Row", 6), ("Roster credential number", 22), ("Roster first name", 16), ("Roster last name", 18), ("Roster state", 8),
        ("Matched", 9), ("Credential number", 20), ("Holder", 26), ("Program", 34), ("State", 7), ("Status", 13),
        ("Issued", 12), ("Expires", 12), ("Public actions", 40), ("Last updated", 20), ("Reason not matched", 60), ("Note", 50),
    ];

    public byte[] Write(IReadOnlyList<RosterResultRow> rows)
    {
        using var workbook = new XLWorkbook();
        SheetWriter.AddTable(workbook, "Verification", Columns, rows.Select(r => new object?[]
        {
            r.Row.RowNumber, r.Row.CredentialNumber, r.Row.FirstName, r.Row.LastName, r.Row.State,
            r.Match is not null,
            r.Match?.CredentialNumber, r.Match?.HolderName, r.Match?.ProgramName, r.Match?.State, r.Match?.Status.ToString(),
            r.Match?.IssuedOn, r.Match?.ExpiresOn,
            r.Match is null ? null : string.Join("; ", r.Match.PublicActions.Select(a => $"{a.Description} {a.EffectiveOn:yyyy-MM-dd}")),
            r.Match?.LastUpdated, r.Reason, r.Note,
        }));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
