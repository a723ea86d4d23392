using FluentValidation;
using FluentValidation.Results;

namespace Registry.Application.Common.Uploads;

/// <summary>
/// The limits on an uploaded spreadsheet (the exam results file, the employer's roster): not empty, at most
/// <paramref name="MaximumBytes"/> (never read further than one byte past), and from 1 to
/// <paramref name="MaximumRows"/> rows. Each refusal is a validation failure on the request's file, <paramref name="Field"/>.
/// </summary>
public sealed record SpreadsheetUpload(string Field, int MaximumBytes, int MaximumRows)
{
    /// <summary>The file's bytes, or a refusal when it is empty or larger than the limit.</summary>
    public async Task<byte[]> ReadAsync(Stream file, string whenEmpty, string whenTooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long limit = MaximumBytes + 1;
        int read;
        while (buffer.Length < limit && (read = await file.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        if (buffer.Length == 0) throw Refused(whenEmpty);
        if (buffer.Length > MaximumBytes) throw Refused(whenTooLarge);
        return buffer.ToArray();
    }

    /// <summary>Refuses a sheet the reader could not read, or one with no rows or too many.</summary>
    public void CheckSheet(string? problem, int rowCount, string whenNoRows, string whenTooManyRows)
    {
        if (problem is not null) throw Refused(problem);
        if (rowCount == 0) throw Refused(whenNoRows);
        if (rowCount > MaximumRows) throw Refused(whenTooManyRows);
    }

    public ValidationException Refused(string message) => new([new ValidationFailure(Field, message)]);

    /// <summary>A cell's text cut to 40 characters, to quote back in a row's problem.</summary>
    public static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text.Trim() : text[..40].Trim() + "…";
}
