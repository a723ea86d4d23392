using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.UniversalAccessibility;
using Registry.Application.Features.Documents;

namespace Registry.Infrastructure.Pdf;

/// <summary>
/// A wallet card: its front and back, each the size of a standard card (85.6 × 54 mm, ID-1), one above the other on a
/// US Letter page with cut marks at their corners. The front names the holder and the credential; the back carries the
/// QR code to the live record and the board's contact.
/// </summary>
public static class WalletCardPdf
{
    public const double CardWidth = 85.6 * TaggedPdf.PointsPerMillimetre;
    public const double CardHeight = 54 * TaggedPdf.PointsPerMillimetre;

    /// <summary>The space between the card's edge and its text.</summary>
    const double Inset = 10;

    public static byte[] Write(GetCredentialDocuments.Model credential, string liveRecordAddress)
    {
        using var pdf = TaggedPdf.Begin($"Wallet card for {credential.HolderName}, credential {credential.Number}");
        pdf.AddPage();
        pdf.Heading($"Wallet card for credential {credential.Number}", 1, 16);
        pdf.Paragraph("Print this page at actual size (100%), cut along the marks, and fold the two halves back to back, or keep them together in a card sleeve.");

        var left = (pdf.PageWidth - CardWidth) / 2;
        var front = new XRect(left, 150, CardWidth, CardHeight);
        var back = new XRect(left, front.Bottom + 48, CardWidth, CardHeight);
        pdf.Decoration(g =>
        {
            foreach (var card in new[] { front, back })
            {
                g.DrawRectangle(new XPen(XColors.LightGray, 0.5), card);
                CutMarks(g, card);
            }
        });

        // Front: each block below the one before, however many lines a long name or program takes.
        var text = front.Width - 2 * Inset;
        var y = front.Top + Inset;
        void Block(string words, XFont font, double spaceAfter = 0, PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
        {
            pdf.TextAt(words, font, new XRect(front.Left + Inset, y, text, front.Height), XParagraphAlignment.Left, tag);
            y += pdf.HeightOf(words, font, text) + spaceAfter;
        }
        pdf.TextAt("Front of the card", TaggedPdf.Italic(7), new XRect(front.Left, front.Top - 14, text, 10));
        Block(credential.Board.Name, TaggedPdf.Bold(7.5), 2);
        Block(credential.ProgramName, TaggedPdf.Regular(8), 6);
        Block(credential.HolderName, TaggedPdf.Bold(credential.HolderName.Length > 28 ? 11 : 13), 3, PdfBlockLevelElementTag.Heading2);
        Block($"Credential {credential.Number}", TaggedPdf.Bold(9), 1);
        Block($"Issued {CertificatePdf.Day(credential.IssuedOn)}", TaggedPdf.Regular(8));
        Block($"Expires {CertificatePdf.Day(credential.ExpiresOn)}", TaggedPdf.Regular(8));
        if (credential.Endorsements.Count > 0)
            Block($"Endorsements: {string.Join(", ", credential.Endorsements)}", TaggedPdf.Regular(7));
        pdf.TextAt($"{credential.StateName}. Edition {credential.Edition}", TaggedPdf.Regular(6.5), new XRect(front.Left + Inset, front.Bottom - Inset - 8, text, 8));

        // Back.
        const double qrSize = 70;
        pdf.TextAt("Back of the card", TaggedPdf.Italic(7), new XRect(back.Left, back.Top - 14, text, 10));
        pdf.QrCode(liveRecordAddress, $"QR code: the live public record of credential {credential.Number}, at {liveRecordAddress}",
            new XRect(back.Left + Inset, back.Top + Inset, qrSize, qrSize));
        var beside = new XRect(back.Left + Inset + qrSize + 8, back.Top + Inset, back.Width - 2 * Inset - qrSize - 8, qrSize);
        pdf.TextAt("Is this credential current? Scan the code to see its public record today. " +
            $"If the record names an edition other than {credential.Edition}, this card is outdated.", TaggedPdf.Regular(7), beside);
        pdf.TextAt(liveRecordAddress, TaggedPdf.Regular(6.5), new XRect(back.Left + Inset, back.Top + Inset + qrSize + 4, text, 9));
        // The card has room for the board's e-mail, phone and web address; its postal address is on the certificate.
        var contact = string.Join("\n", [credential.Board.Name, .. CertificatePdf.ContactLines(credential.Board with { MailingAddress = null })]);
        pdf.TextAt(contact, TaggedPdf.Regular(6.5), new XRect(back.Left + Inset, back.Top + Inset + qrSize + 15, text, 40));
        return pdf.ToBytes();
    }

    /// <summary>Short lines outside each corner, along the card's edges, to cut by.</summary>
    static void CutMarks(XGraphics g, XRect card)
    {
        const double gap = 4, length = 14;
        var pen = new XPen(XColors.Black, 0.5);
        foreach (var x in new[] { card.Left, card.Right })
            foreach (var y in new[] { card.Top, card.Bottom })
            {
                var outward = x == card.Left ? -1 : 1;
                var downward = y == card.Top ? -1 : 1;
                g.DrawLine(pen, x + outward * gap, y, x + outward * (gap + length), y);
                g.DrawLine(pen, x, y + downward * gap, x, y + downward * (gap + length));
            }
    }
}
