using System.Globalization;
using PdfSharp.Drawing;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Pdf;

/// <summary>
/// A decision letter on the board's letterhead: the board's name, address and contact at the top, a rule, the date,
/// the person's name, what the letter is about, the heading and the body, signed with the board's name. Tagged in
/// that reading order (see <see cref="TaggedPdf"/>).
/// </summary>
public sealed class DecisionLetterPdf : IDecisionLetterRenderer
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public byte[] Render(LetterText letter)
    {
        using var pdf = TaggedPdf.Begin(letter.Title, "en-US");
        pdf.AddPage();
        pdf.Paragraph(letter.Board.Name, TaggedPdf.Bold(14), spaceAfter: 2);
        var contact = new List<string>();
        if (letter.Board.MailingAddress is { } address) contact.Add(address);
        var ways = new[] { letter.Board.Email, letter.Board.Phone, letter.Board.WebAddress }.OfType<string>().ToList();
        if (ways.Count > 0) contact.Add(string.Join("  ·  ", ways));
        if (contact.Count > 0) pdf.Paragraph(string.Join("\n", contact), TaggedPdf.Regular(9.5), spaceAfter: 4);
        var rule = pdf.Cursor + 2;
        pdf.Decoration(g => g.DrawLine(new XPen(XColors.Gray, 0.75), pdf.Margin, rule, pdf.PageWidth - pdf.Margin, rule));
        pdf.Cursor = rule + 18;

        pdf.Paragraph(letter.Date.ToString("MMMM d, yyyy", English));
        pdf.Paragraph(letter.RecipientName, spaceAfter: 10);
        pdf.Paragraph(string.Join("\n", letter.References.Select(r => $"{r.Label}: {r.Value}")), TaggedPdf.Regular(10), spaceAfter: 14);
        pdf.Heading(letter.Heading, level: 1, size: 16);
        foreach (var paragraph in letter.Body) pdf.Paragraph(paragraph);
        pdf.Paragraph("Sincerely,", spaceAfter: 2);
        pdf.Paragraph(letter.Board.Name, TaggedPdf.Bold(11));
        return pdf.ToBytes();
    }
}
