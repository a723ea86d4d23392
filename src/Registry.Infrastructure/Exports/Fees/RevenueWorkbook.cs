using ClosedXML.Excel;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Exports.Fees;

/// <summary>
/// The revenue workbook: one sheet per kind of row, each written as its rows stream from the database (no list of them
/// is built), then the totals the database grouped, and the reconciliation with the payment provider. Widths are set,
/// never measured; text cells are text (<see cref="SheetWriter.Write"/>).
/// </summary>
public sealed class RevenueWorkbook : IRevenueWorkbook
{
    public async Task WriteAsync(RevenueReport.Model report, Stream output, CancellationToken cancellationToken)
    {
        var state = StateCode.Parse(report.StateCode);
        using var workbook = new XLWorkbook();

        var payments = Sheet(workbook, "Payments", [("Received", 12), ("Receipt number", 22), ("Person", 26), ("Program", 10), ("Kind", 22),
            ("Method", 13), ("Payer", 10), ("Reference", 18), ("Amount", 12)]);
        var row = 1;
        await foreach (var p in report.Payments.WithCancellation(cancellationToken))
            Row(payments, ++row, p.ReceivedOn, FeeOffice.ReceiptNumber(state, p.ReceivedOn, p.Id), $"{p.FirstName} {p.LastName}", p.Program, p.Kind.ToString(),
                p.Method.ToString(), p.Payer.ToString(), p.Reference, p.Amount);
        Finish(payments, row, 9);

        var refunds = Sheet(workbook, "Refunds", [("Refunded at", 20), ("Person", 26), ("Program", 10), ("Kind", 22), ("Amount", 12), ("Reason", 50), ("Fee", 38)]);
        row = 1;
        await foreach (var r in report.Refunds.WithCancellation(cancellationToken))
            Row(refunds, ++row, r.At, $"{r.FirstName} {r.LastName}", r.Program, r.Kind.ToString(), r.Amount, r.Reason, r.FeeId.ToString());
        Finish(refunds, row, 7);

        var waivers = Sheet(workbook, "Waivers", [("Fund", 30), ("Waived at", 20), ("Person", 26), ("Kind", 22), ("Amount waived", 14), ("Reason", 50), ("Waived by", 30)]);
        row = 1;
        await foreach (var w in report.Waivers.WithCancellation(cancellationToken))
            Row(waivers, ++row, w.Fund ?? "No fund", w.At, $"{w.FirstName} {w.LastName}", w.Kind.ToString(), w.Amount, w.Reason, w.By);
        Finish(waivers, row, 7);

        var vouchers = Sheet(workbook, "Vouchers", [("Fund", 30), ("Voucher ending", 15), ("Used at", 20), ("Person", 26), ("Kind", 22), ("Amount", 12)]);
        row = 1;
        await foreach (var v in report.Vouchers.WithCancellation(cancellationToken))
            Row(vouchers, ++row, v.Fund, v.LastCharacters, v.UsedAt, $"{v.FirstName} {v.LastName}", v.Kind.ToString(), v.Amount);
        Finish(vouchers, row, 6);

        WriteSummary(workbook, report);

        var reconciliation = Sheet(workbook, "Reconciliation", [("Issue", 44), ("Provider", 10), ("Provider payment", 30), ("Date", 20), ("Amount", 12),
            ("Receipt number", 22), ("Person", 26), ("Why", 50)]);
        row = 1;
        await foreach (var u in report.UnmatchedProviderPayments.WithCancellation(cancellationToken))
            Row(reconciliation, ++row, "Provider payment matched to no fee", u.Provider, u.ProviderPaymentId, u.PaidAt, u.Amount, null, null, u.Reason);
        await foreach (var c in report.CardPaymentsWithoutProviderPayment.WithCancellation(cancellationToken))
            Row(reconciliation, ++row, "Card payment with no provider payment", null, c.ProviderPaymentId, c.ReceivedOn, c.Amount,
                FeeOffice.ReceiptNumber(state, c.ReceivedOn, c.Id), $"{c.FirstName} {c.LastName}", "The provider reported no payment for this fee's card payment.");
        Finish(reconciliation, row, 8);

        workbook.SaveAs(output);
    }

    private static void WriteSummary(XLWorkbook workbook, RevenueReport.Model report)
    {
        var sheet = Sheet(workbook, "Summary", [("Total", 34), ("Name", 30), ("Count", 10), ("Amount", 14)]);
        var row = 1;
        Row(sheet, ++row, "Board", report.Board);
        Row(sheet, ++row, "Period", $"{report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}");
        foreach (var line in report.Totals.ByMethod) Row(sheet, ++row, "Payments by method", line.Name, line.Count, line.Amount);
        foreach (var line in report.Totals.ByKind) Row(sheet, ++row, "Payments by kind", line.Name, line.Count, line.Amount);
        foreach (var line in report.Totals.WaiversByFund) Row(sheet, ++row, "Waivers by fund", line.Name, line.Count, line.Amount);
        foreach (var line in report.Totals.VouchersByFund) Row(sheet, ++row, "Vouchers by fund", line.Name, line.Count, line.Amount);
        Row(sheet, ++row, "Payments", null, null, report.Totals.Payments);
        Row(sheet, ++row, "Refunds", null, null, report.Totals.Refunds);
        Row(sheet, ++row, "Net revenue (payments less refunds)", null, null, report.Totals.NetRevenue);
        sheet.SheetView.FreezeRows(1);
    }

    private static IXLWorksheet Sheet(XLWorkbook workbook, string name, IReadOnlyList<(string Header, double Width)> columns)
    {
        var sheet = workbook.Worksheets.Add(name);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].Header);
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        sheet.Row(1).Style.Font.Bold = true;
        return sheet;
    }

    private static void Row(IXLWorksheet sheet, int row, params object?[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            SheetWriter.Write(sheet.Cell(row, c + 1), values[c]);
            if (values[c] is decimal) sheet.Cell(row, c + 1).Style.NumberFormat.Format = "#,##0.00";
        }
    }

    private static void Finish(IXLWorksheet sheet, int lastRow, int columns)
    {
        sheet.Range(1, 1, Math.Max(lastRow, 2), columns).SetAutoFilter();
        sheet.SheetView.FreezeRows(1);
    }
}
