using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>The state roster as .xlsx, a row at a time as the rows stream from the database (<see cref="StreamedSheet"/>): memory stays flat however many rows there are.</summary>
public sealed class RosterWorkbook : IRosterWriter
{
    private static readonly double[] Widths = [20, 10, 14, 12, 12, 20, 20, 18, 34, 18, 12, 14, 16];

    public async Task<long> WriteAsync(IAsyncEnumerable<ExportRoster.Row> rows, Stream output, CancellationToken cancellationToken)
    {
        using var sheet = new StreamedSheet(output, "Roster", ExportRoster.Headers.Zip(Widths).ToList());
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            sheet.Text(row.Number);
            sheet.Text(row.Program);
            sheet.Text(row.Status);
            sheet.Date(row.IssuedOn);
            sheet.Date(row.ExpiresOn);
            sheet.Text(row.LegalFirstName);
            sheet.Text(row.LegalLastName);
            sheet.Text(row.PreferredName);
            sheet.Text(row.Email);
            sheet.Text(row.Phone);
            sheet.Text(row.Npi);
            sheet.Text(row.NpiTaxonomy);
            sheet.Text(string.Join(", ", row.Endorsements));
            sheet.EndRow();
        }
        return sheet.Rows;
    }
}
