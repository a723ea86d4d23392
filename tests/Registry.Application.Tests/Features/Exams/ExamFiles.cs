using ClosedXML.Excel;

namespace Registry.Application.Tests.Features.Exams;

/// <summary>Real vendor files made with ClosedXML: DateOnly values become Excel date cells, numbers number cells.</summary>
public static class ExamFiles
{
    public static byte[] Workbook(string[] header, params object?[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Results");
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).SetValue(header[c]);
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (rows[r][c])
                {
                    case DateOnly date: cell.SetValue(date.ToDateTime(TimeOnly.MinValue)); cell.Style.DateFormat.Format = "yyyy-mm-dd"; break;
                    case int number: cell.SetValue(number); break;
                    case string text: cell.SetValue(text); break;
                }
            }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
