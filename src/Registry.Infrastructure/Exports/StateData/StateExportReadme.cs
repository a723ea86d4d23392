using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Exports.StateData;

/// <summary>
/// The README.md and manifest.json inside a state's export, both written from the same column definitions the CSV
/// files are written from (<see cref="StateDataTable.Columns"/>), so neither can drift from the files.
/// </summary>
public static class StateExportReadme
{
    public const string EvidenceFolder = "evidence";

    /// <summary><c>evidence/&lt;document id&gt;/&lt;file name&gt;</c>, the name reduced to safe characters (no folders, no "..").</summary>
    public static string EvidencePath(Guid documentId, string fileName)
    {
        var safe = new string(Path.GetFileName(fileName.Replace('\\', '/')).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_').ToArray()).Trim('.', ' ');
        return $"{EvidenceFolder}/{documentId}/{(safe.Length > 0 ? safe : "file")}";
    }

    public static string Readme(IModel model, StateCode state, DateTimeOffset generatedAt, IReadOnlyDictionary<string, long> rows, int evidenceFiles, IReadOnlyList<Guid> missingEvidence)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Everything the registry holds for {state.Value}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written {generatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by the Peer Specialist Registry.");
        text.AppendLine();
        text.AppendLine("## Protect this file");
        text.AppendLine();
        text.AppendLine("This is the state's own data, whole: it holds people's private details (dates of birth, home addresses, answers to");
        text.AppendLine("disclosure questions, their evidence files) and the audit log. Keep it only on encrypted storage that only the people");
        text.AppendLine("who need it can open; do not e-mail it or put it on a shared drive; delete it once you are done with it. Columns");
        text.AppendLine("marked PRIVATE below must never be shown publicly.");
        text.AppendLine();
        text.AppendLine("## How the files are written");
        text.AppendLine();
        text.AppendLine("- One CSV file per table: UTF-8 without a byte-order mark, comma-separated, CRLF line ends, a header row of column names,");
        text.AppendLine("  a cell quoted (\"…\") when it holds a comma, a quote or a line break. An empty cell is an empty (null) value.");
        text.AppendLine("- Dates are yyyy-MM-dd; instants are ISO 8601 in UTC (2027-06-15T15:00:00Z); ids are UUIDs; true/false are words.");
        text.AppendLine("- A text cell that would start with =, +, -, @, a tab or a carriage return has an apostrophe (') put before it, so a");
        text.AppendLine("  spreadsheet program shows it as text instead of running it; remove that one apostrophe to get the stored text.");
        text.AppendLine("- A JSON cell holds a nested value (a program's requirements) as one JSON object.");
        text.AppendLine("- Rows refer to each other by id: a column described as \"Refers to the Id of people.csv\" holds the Id of a row there.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- `manifest.json` lists the same files, row counts and columns for programs to read.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- `{EvidenceFolder}/<Id>/<file name>` holds each evidence file, by the Id of its row in evidence-documents.csv ({evidenceFiles} files).");
        if (missingEvidence.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"- {missingEvidence.Count} evidence files were missing from the document store and are not included: {string.Join(", ", missingEvidence)}.");
        text.AppendLine();
        text.AppendLine("## Files");
        foreach (var table in StateDataTables.Files)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {table.FileName}");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{table.Description} {RowsOf(rows, table.FileName)} rows.");
            text.AppendLine();
            text.AppendLine("| Column | Type | What it holds |");
            text.AppendLine("| --- | --- | --- |");
            foreach (var column in table.Columns(model))
                text.AppendLine(CultureInfo.InvariantCulture, $"| {column.Name} | {column.Type} | {column.Description} |");
        }
        text.AppendLine();
        text.AppendLine("## Not in this export");
        text.AppendLine();
        foreach (var (type, reason) in StateDataTables.NotTheStates.OrderBy(n => n.Key.Name, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"- {type.Name}: {reason}.");
        foreach (var ((type, column), reason) in StateDataTables.Withheld)
            text.AppendLine(CultureInfo.InvariantCulture, $"- {StateDataTables.FileOf(type)} has no {column} column: {reason}.");
        return text.ToString();
    }

    public static string Manifest(IModel model, StateCode state, DateTimeOffset generatedAt, IReadOnlyDictionary<string, long> rows, int evidenceFiles, IReadOnlyList<Guid> missingEvidence) =>
        JsonSerializer.Serialize(new
        {
            state = state.Value,
            generatedAt = generatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            files = StateDataTables.Files.Select(t => new
            {
                name = t.FileName,
                description = t.Description,
                rows = RowsOf(rows, t.FileName),
                columns = t.Columns(model).Select(c => new { name = c.Name, type = c.Type, description = c.Description }),
            }),
            evidence = new { folder = EvidenceFolder, files = evidenceFiles, missing = missingEvidence },
        }, new JsonSerializerOptions { WriteIndented = true });

    private static long RowsOf(IReadOnlyDictionary<string, long> rows, string file) => rows.TryGetValue(file, out var count) ? count : 0;
}
