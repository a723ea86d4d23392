using Registry.Application.Features.Fees;

namespace Registry.Application.Common.Interfaces;

/// <summary>Writes a state's revenue report as .xlsx: payments, refunds, waivers, vouchers, the summary and the reconciliation.</summary>
public interface IRevenueWorkbook
{
    /// <summary>Writes the workbook, reading each sheet's rows as they stream; call inside <see cref="IStreamedReads.ReadAsync{T}"/>.</summary>
    Task WriteAsync(RevenueReport.Model report, Stream output, CancellationToken cancellationToken);
}
