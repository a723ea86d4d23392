using Registry.Application.Features.Fees;
using Registry.Domain.Fees;

namespace Registry.Infrastructure.Pdf;

/// <summary>A payment's receipt on the board's letterhead: who paid, for what, how much, how, on which day, and any refunds of the fee.</summary>
public static class ReceiptPdf
{
    public static byte[] Write(GetFeeReceipt.Receipt receipt, string method, string paidFor)
    {
        using var pdf = TaggedPdf.Begin($"Receipt {receipt.ReceiptNumber}");
        pdf.AddPage();
        pdf.Paragraph(receipt.Board.Name, TaggedPdf.Bold(14), spaceAfter: 2);
        foreach (var line in CertificatePdf.ContactLines(receipt.Board))
            pdf.Paragraph(line, TaggedPdf.Regular(10), spaceAfter: 1);
        pdf.Decoration(g => g.DrawLine(PdfSharp.Drawing.XPens.Gray, pdf.Margin, pdf.Cursor + 8, pdf.PageWidth - pdf.Margin, pdf.Cursor + 8));
        pdf.Cursor += 24;

        pdf.Heading($"Receipt {receipt.ReceiptNumber}");
        pdf.Paragraph($"{receipt.Board.Name} received this payment.");
        void Line(string label, string value) => pdf.Paragraph($"{label}: {value}", spaceAfter: 4);
        Line("Received from", receipt.PaidBy);
        Line("Day received", CertificatePdf.Day(receipt.ReceivedOn));
        Line("Amount", $"{Money.Format(receipt.Amount)} ({receipt.Currency})");
        Line("Paid by", method);
        Line("For", paidFor);
        if (receipt.ApplicationId is { } application)
            Line("Application", application.ToString());
        Line("Fee", Money.Format(receipt.FeeAmount));
        Line("Still owed after this payment", Money.Format(receipt.BalanceAfter));
        if (receipt.Refunds.Count > 0)
        {
            pdf.Cursor += 8;
            pdf.Heading("Refunds of this fee", 2);
            foreach (var refund in receipt.Refunds)
                pdf.Paragraph($"{Money.Format(refund.Amount)} refunded on {CertificatePdf.Day(refund.RefundedOn)}.", spaceAfter: 4);
        }
        pdf.Cursor += 12;
        pdf.Paragraph($"Questions about this receipt? Contact {receipt.Board.Name}" +
            (CertificatePdf.ContactLines(receipt.Board).Any() ? $": {string.Join("; ", CertificatePdf.ContactLines(receipt.Board))}." : "."), TaggedPdf.Regular(10));
        return pdf.ToBytes();
    }
}
