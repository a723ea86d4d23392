using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Exports;

/// <summary>The roster verification result: the employer's own columns, then the public record or the reason there is none (<see cref="StreamedSheet"/>).</summary>
internal sealed class RosterWorkbook : IRosterWorkbook
{
    private static readonly (string Header, double Width)[] Columns =
    [
        ("Row", 6), ("Roster credential number", 22), ("Roster first name", 16), ("Roster last name", 18), ("Roster state", 8),
        ("Matched", 9), ("Credential number", 20), ("Holder", 26), ("Program", 34), ("State", 7), ("Status", 13),
        ("Issued", 12), ("Expires", 12), ("NPI", 12), ("NPI taxonomy", 14), ("Public actions", 40), ("Last updated", 20), ("Reason not matched", 60), ("Note", 50),
        ("Endorsements", 40),
    ];

    public byte[] Write(IReadOnlyList<RosterResultRow> rows)
    {
        using var stream = new MemoryStream();
        using (var sheet = new StreamedSheet(stream, "Verification", Columns))
            foreach (var r in rows)
            {
                sheet.Number(r.Row.RowNumber);
                sheet.Text(r.Row.CredentialNumber);
                sheet.Text(r.Row.FirstName);
                sheet.Text(r.Row.LastName);
                sheet.Text(r.Row.State);
                sheet.Text(r.Match is not null ? "Yes" : "No");
                sheet.Text(r.Match?.CredentialNumber);
                sheet.Text(r.Match?.HolderName);
                sheet.Text(r.Match?.ProgramName);
                sheet.Text(r.Match?.State);
                sheet.Text(r.Match?.Status.ToString());
                sheet.Date(r.Match?.IssuedOn);
                sheet.Date(r.Match?.ExpiresOn);
                sheet.Text(r.Match?.Npi);
                sheet.Text(r.Match?.NpiTaxonomy);
                sheet.Text(r.Match is null ? null : string.Join("; ", r.Match.PublicActions.Select(a => $"{a.Description} {a.EffectiveOn:yyyy-MM-dd}")));
                sheet.Moment(r.Match?.LastUpdated);
                sheet.Text(r.Reason);
                sheet.Text(r.Note);
                sheet.Text(r.Match is null ? null : string.Join("; ", r.Match.Endorsements.Select(e => $"{e.Code} {e.Name}: {e.Status} since {e.Since:yyyy-MM-dd}")));
                sheet.EndRow();
            }
        return stream.ToArray();
    }
}
