using Registry.Application.Features.Workforce;

namespace Registry.Application.Common.Interfaces;

/// <summary>Writes a roster as .xlsx row by row, never holding the whole roster in memory.</summary>
public interface IRosterWriter
{
    /// <summary>Writes the rows to <paramref name="output"/>; returns how many were written.</summary>
    Task<long> WriteAsync(IAsyncEnumerable<ExportRoster.Row> rows, Stream output, CancellationToken cancellationToken);
}
