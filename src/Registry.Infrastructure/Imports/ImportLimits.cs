namespace Registry.Infrastructure.Imports;

/// <summary>
/// How much an uploaded spreadsheet may make the registry read, from the <c>Imports</c> section of configuration.
/// The defaults fit the largest import planned (a register of 100,000 rows of some fifteen columns) while keeping
/// what one read holds in memory far below 100 MB: rows are streamed, only shared strings are kept, and they are capped.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Imports";

    /// <summary>Rows read from the sheet or CSV file, blank ones included.</summary>
    public int MaxRows { get; init; } = 200_000;

    /// <summary>Cells (or CSV fields) read, blank ones included.</summary>
    public int MaxCells { get; init; } = 2_000_000;

    /// <summary>What the workbook's zip entries decompress to, all together (declared and actually read).</summary>
    public long MaxUncompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Uncompressed to compressed size, of the whole package and of any entry over a megabyte.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries in the workbook's zip package.</summary>
    public int MaxEntries { get; init; } = 1_000;

    /// <summary>Distinct strings in the workbook's shared-string table (they are all kept while the sheet is read).</summary>
    public int MaxSharedStrings { get; init; } = 1_000_000;

    /// <summary>Characters in the shared-string table, all strings together.</summary>
    public long MaxSharedStringCharacters { get; init; } = 16_000_000;
}
