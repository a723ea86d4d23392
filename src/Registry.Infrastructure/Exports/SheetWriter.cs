using ClosedXML.Excel;

namespace Registry.Infrastructure.Exports;

/// <summary>
/// Writes one table per sheet: bold frozen header, set column widths (measuring text needs libgdiplus),
/// and every text cell stored as text, so a value beginning with =, +, - or @ is never a formula, and made
/// XML-safe (<see cref="XmlText"/>), so no string can fail the file.
/// </summary>
internal static class SheetWriter
{
    public static void AddTable(XLWorkbook workbook, string sheetName, IReadOnlyList<(string Header, double Width)> columns, IEnumerable<object?[]> rows)
    {
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].Header);
            sheet.Column(c + 1).Width = columns[c].Width;
        }

        var rowNumber = 1;
        foreach (var row in rows)
        {
            rowNumber++;
            for (var c = 0; c < row.Length; c++)
                Write(sheet.Cell(rowNumber, c + 1), row[c]);
        }

        var range = sheet.Range(1, 1, Math.Max(rowNumber, 2), columns.Count);
        var table = range.CreateTable(SafeTableName(sheetName));
        table.ShowAutoFilter = true;
        sheet.SheetView.FreezeRows(1);
    }

    public static void Write(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case decimal number:
                cell.SetValue(number);
                break;
            case int number:
                cell.SetValue(number);
                break;
            case long number:
                cell.SetValue(number);
                break;
            case bool flag:
                cell.SetValue(flag ? "Yes" : "No");
                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            case DateTimeOffset moment:
                cell.SetValue(moment.UtcDateTime);
                cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm \"UTC\"";
                break;
            default:
                cell.SetDataType(XLDataType.Text);
                cell.SetValue(XmlText.Safe(value.ToString() ?? ""));
                break;
        }
    }

    private static string SafeTableName(string sheetName) => new(sheetName.Where(char.IsLetterOrDigit).ToArray());
}
