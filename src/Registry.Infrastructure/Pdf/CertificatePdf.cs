using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.UniversalAccessibility;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Features.Documents;
using Registry.Application.Features.Fees;

namespace Registry.Infrastructure.Pdf;

/// <summary>
/// The documents people keep (<see cref="IKeptDocuments"/>): a credential's certificate (here), its wallet card
/// (<see cref="WalletCardPdf"/>) and a payment's receipt (<see cref="ReceiptPdf"/>), each an accessible
/// <see cref="TaggedPdf"/>. Certificates and cards show only what the public record shows.
/// </summary>
public sealed class KeptDocumentsPdf : IKeptDocuments
{
    public byte[] Certificate(GetCredentialDocuments.Model credential, string liveRecordAddress) => CertificatePdf.Write(credential, liveRecordAddress);

    public byte[] WalletCard(GetCredentialDocuments.Model credential, string liveRecordAddress) => WalletCardPdf.Write(credential, liveRecordAddress);

    public byte[] Receipt(GetFeeReceipt.Receipt receipt, string method, string paidFor) => ReceiptPdf.Write(receipt, method, paidFor);
}

/// <summary>A certificate to frame: US Letter landscape, a border, the holder's name large, the dates, and a QR code to the live record.</summary>
public static class CertificatePdf
{
    /// <summary>Dates as the registry's pages write them: March 1, 2026.</summary>
    public static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));

    /// <summary>The board's ways to be reached, one per line; none when the state gave none.</summary>
    public static IEnumerable<string> ContactLines(BoardContactDetails board)
    {
        if (board.MailingAddress is { } address) yield return address;
        if (board.Email is { } email) yield return $"E-mail: {email}";
        if (board.Phone is { } phone) yield return $"Phone: {phone}";
        if (board.WebAddress is { } web) yield return $"Web: {web}";
    }

    /// <summary>What a scan of the code, or a visit to the address, tells, and how to tell an outdated copy.</summary>
    public static string LiveRecordSentence(GetCredentialDocuments.Model credential, string liveRecordAddress) =>
        $"To see whether this credential is current today, scan the code or visit {liveRecordAddress}. " +
        $"This copy is edition {credential.Edition}; if the live record names another edition, this copy is outdated.";

    public static byte[] Write(GetCredentialDocuments.Model credential, string liveRecordAddress)
    {
        using var pdf = TaggedPdf.Begin($"Certificate for {credential.HolderName}, credential {credential.Number}");
        pdf.AddPage(PageOrientation.Landscape);
        var width = pdf.PageWidth;
        var height = pdf.PageHeight;
        pdf.Decoration(g =>
        {
            g.DrawRectangle(new XPen(XColors.DarkSlateGray, 3), 24, 24, width - 48, height - 48);
            g.DrawRectangle(new XPen(XColors.DarkSlateGray, 0.75), 32, 32, width - 64, height - 64);
        });

        // Each block below the one before, however many lines a long name or program takes.
        var column = width - 144;
        var y = 60.0;
        void Block(string words, XFont font, double spaceAfter, PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
        {
            pdf.TextAt(words, font, new XRect(72, y, column, height), XParagraphAlignment.Center, tag);
            y += pdf.HeightOf(words, font, column) + spaceAfter;
        }
        Block(credential.Board.Name, TaggedPdf.Regular(14), 10);
        Block("Certificate", TaggedPdf.Bold(34), 12, PdfBlockLevelElementTag.Heading1);
        Block("This certifies that", TaggedPdf.Italic(14), 6);
        Block(credential.HolderName, TaggedPdf.Bold(30), 8);
        Block($"holds the credential {credential.ProgramName} in {credential.StateName}.", TaggedPdf.Regular(16), 18);
        if (credential.Endorsements.Count > 0)
            Block($"Endorsements: {string.Join(", ", credential.Endorsements)}.", TaggedPdf.Regular(13), 12);
        Block($"Credential number {credential.Number}", TaggedPdf.Bold(14), 4);
        Block($"Issued {Day(credential.IssuedOn)}. Expires {Day(credential.ExpiresOn)}.", TaggedPdf.Regular(14), 0);

        // The foot: the board's contact on the left, the live record's code and its explanation on the right.
        const double qrSize = 96;
        var foot = height - 72 - qrSize;
        pdf.TextAt(string.Join("\n", [credential.Board.Name, .. ContactLines(credential.Board)]), TaggedPdf.Regular(10), new XRect(72, foot + 8, 300, qrSize));
        pdf.TextAt(LiveRecordSentence(credential, liveRecordAddress), TaggedPdf.Regular(9), new XRect(width - 72 - qrSize - 12 - 230, foot + 8, 230, qrSize));
        pdf.QrCode(liveRecordAddress, $"QR code: the live public record of credential {credential.Number}, at {liveRecordAddress}",
            new XRect(width - 72 - qrSize, foot, qrSize, qrSize));
        return pdf.ToBytes();
    }
}
