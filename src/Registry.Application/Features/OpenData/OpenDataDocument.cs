using System.Globalization;
using System.Text;
using System.Text.Json;
using Registry.Domain.Workforce;

namespace Registry.Application.Features.OpenData;

/// <summary>
/// One month's open data as published: the tables with each figure either a count or marked suppressed. Kept as
/// JSON (this shape) and as CSV, one line per figure (<c>table,row,column,count,suppressed</c>): a suppressed
/// figure has an empty count and <c>suppressed</c> true; a cell that holds no figure (a program the state does
/// not offer) has no line in the CSV and is null in the JSON.
/// </summary>
public sealed record OpenDataDocument(string Month, DateTimeOffset GeneratedAt, string Rule, IReadOnlyList<OpenDataDocument.Table> Tables)
{
    public const string TotalLabel = "Total";

    public const string SuppressionRule =
        "Any figure under 11 (0 to 10) is not published, to protect the privacy of the people counted. Some larger figures " +
        "are hidden too, so that a hidden figure cannot be worked out from the totals.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public sealed record Table(string Id, string Title, string RowHeading, string ColumnHeading, IReadOnlyList<string> Columns, IReadOnlyList<Row> Rows, Row Totals);

    /// <summary>A row of cells and its total; a null cell holds no figure.</summary>
    public sealed record Row(string Label, IReadOnlyList<Figure?> Cells, Figure? Total);

    /// <summary>A published count, or a suppressed one (no count).</summary>
    public sealed record Figure(int? Count, bool Suppressed);

    public static Table FromSuppressed(string id, string rowHeading, string columnHeading, SuppressedTable suppressed)
    {
        var table = suppressed.Table;
        Figure? At(int row, int column) =>
            table.IsFigure(new TableFigure(row, column)) ? new Figure(suppressed.Published(new TableFigure(row, column)), suppressed.Hidden.Contains(new TableFigure(row, column))) : null;
        Row RowAt(int row, string label) => new(label, [.. Enumerable.Range(0, table.ColumnCount).Select(c => At(row, c))], At(row, table.ColumnCount));
        return new Table(id, table.Title, rowHeading, columnHeading, table.ColumnLabels,
            [.. table.RowLabels.Select((label, row) => RowAt(row, label))], RowAt(table.RowCount, TotalLabel));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OpenDataDocument FromJson(string json) => JsonSerializer.Deserialize<OpenDataDocument>(json, Json)!;

    public string ToCsv()
    {
        var csv = new StringBuilder("table,row,column,count,suppressed\r\n");
        foreach (var table in Tables)
            foreach (var row in table.Rows.Append(table.Totals))
                foreach (var (figure, column) in row.Cells.Zip(table.Columns).Append((row.Total, TotalLabel)))
                    if (figure is not null)
                        csv.Append(CultureInfo.InvariantCulture,
                            $"{Field(table.Id)},{Field(row.Label)},{Field(column)},{figure.Count?.ToString(CultureInfo.InvariantCulture)},{(figure.Suppressed ? "true" : "false")}\r\n");
        return csv.ToString();
    }

    /// <summary>Quotes a field that needs it, and defuses one a spreadsheet would run as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
