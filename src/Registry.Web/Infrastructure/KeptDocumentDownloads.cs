using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Documents;
using Registry.Application.Features.Fees;
using Registry.Domain.Fees;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Infrastructure;

/// <summary>Certificates, wallet cards and receipts as PDF downloads, for the pages and the API alike.</summary>
public static class KeptDocumentDownloads
{
    public const string Pdf = "application/pdf";

    public enum CredentialDocument { Certificate, WalletCard }

    /// <summary>The certificate or wallet card of an active credential, its QR code pointing at the live public record.</summary>
    public static async Task<(byte[] Content, string FileName)> CredentialAsync(Guid credentialId, CredentialDocument kind, IMediator mediator, IKeptDocuments documents,
        EmailLinks links, CancellationToken ct)
    {
        var credential = await mediator.Send(new GetCredentialDocuments.Query(credentialId), ct);
        var liveRecord = LiveRecordAddress(links, credential.Number);
        return kind == CredentialDocument.Certificate
            ? (documents.Certificate(credential, liveRecord), $"certificate-{credential.Number}.pdf")
            : (documents.WalletCard(credential, liveRecord), $"wallet-card-{credential.Number}.pdf");
    }

    /// <summary>The address the QR codes on printed records lead to: the same as the printable record's (see <see cref="Api.VerificationApi"/>).</summary>
    public static string LiveRecordAddress(EmailLinks links, string credentialNumber) => links.To("/Verify/Credential", new { number = credentialNumber });

    public static async Task<(byte[] Content, string FileName)> ReceiptAsync(Guid paymentId, IMediator mediator, IKeptDocuments documents, CancellationToken ct)
    {
        var receipt = await mediator.Send(new GetFeeReceipt.Query(paymentId), ct);
        return (documents.Receipt(receipt, MethodWords(receipt), ForWords(receipt)), $"receipt-{receipt.ReceiptNumber}.pdf");
    }

    /// <summary>How the payment was made, as the receipt page and PDF say it.</summary>
    public static string MethodWords(GetFeeReceipt.Receipt receipt) =>
        receipt.Method.Display() + (receipt.Reference is null ? "" : receipt.Method == PaymentMethod.Voucher ? $", voucher ending {receipt.Reference}" : $", number {receipt.Reference}");

    /// <summary>What the payment was for, as the receipt page and PDF say it.</summary>
    public static string ForWords(GetFeeReceipt.Receipt receipt) => $"{receipt.Kind.Display()} fee, {receipt.Program}";
}
