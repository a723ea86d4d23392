using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using QRCoder;

namespace Registry.Infrastructure.Pdf;

/// <summary>
/// A PDF people keep, written accessibly (PDF/UA): a title shown instead of the file name, the document's language, a
/// structure tree whose order is the reading order, alternative text on figures, and everything decorative marked as an
/// artifact. Text is real text in the shipped font (<see cref="ShippedFonts"/>), so it can be selected and read aloud.
/// Two ways to place content: flowing from the top of the page (<see cref="Heading"/>, <see cref="Paragraph"/>; a new
/// page starts when one is full), or at a fixed place (<see cref="TextAt"/>, <see cref="QrCode"/>) for certificates
/// and cards. PDFsharp throws when something is drawn outside a structure element; every method here opens one.
/// </summary>
public sealed class TaggedPdf : IDisposable
{
    /// <summary>One typographic point; PDF measures in points (72 to the inch).</summary>
    public const double PointsPerMillimetre = 72 / 25.4;

    readonly PdfDocument _document = new();
    readonly StructureBuilder _structure;
    XGraphics? _graphics;
    PdfPage? _page;

    TaggedPdf(string title, string language)
    {
        ShippedFonts.Install();
        _document.Info.Title = title;
        _document.Info.Creator = "Peer Specialist Registry";
        _document.ViewerPreferences.DisplayDocTitle = true;
        var accessibility = UAManager.ForDocument(_document);
        accessibility.SetDocumentLanguage(language);
        _structure = accessibility.StructureBuilder;
    }

    /// <summary>Starts a document with its title (what a screen reader and the viewer's title bar say) and language (en-US).</summary>
    public static TaggedPdf Begin(string title, string language = "en-US") => new(title, language);

    /// <summary>The space kept clear around flowing content.</summary>
    public double Margin { get; set; } = 54;

    /// <summary>Where the next flowing block starts, from the top of the page.</summary>
    public double Cursor { get; set; }

    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("Add a page first.");

    public double PageWidth => _page?.Width.Point ?? throw new InvalidOperationException("Add a page first.");

    public double PageHeight => _page?.Height.Point ?? throw new InvalidOperationException("Add a page first.");

    public static XFont Regular(double size) => new(ShippedFonts.Family, size, XFontStyleEx.Regular);

    public static XFont Bold(double size) => new(ShippedFonts.Family, size, XFontStyleEx.Bold);

    public static XFont Italic(double size) => new(ShippedFonts.Family, size, XFontStyleEx.Italic);

    /// <summary>A new page, US Letter unless said otherwise, portrait or landscape; flowing content starts at the top margin.</summary>
    public void AddPage(PageOrientation orientation = PageOrientation.Portrait)
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.Letter;
        _page.Orientation = orientation;
        _graphics = XGraphics.FromPdfPage(_page);
        Cursor = Margin;
    }

    /// <summary>A heading (level 1 to 3) flowing at the cursor.</summary>
    public void Heading(string text, int level = 1, double size = 0)
    {
        var tag = level switch
        {
            1 => PdfBlockLevelElementTag.Heading1,
            2 => PdfBlockLevelElementTag.Heading2,
            3 => PdfBlockLevelElementTag.Heading3,
            _ => throw new ArgumentOutOfRangeException(nameof(level), "Headings go from level 1 to 3."),
        };
        Flow(text, Bold(size > 0 ? size : level switch { 1 => 20, 2 => 15, _ => 12 }), tag, spaceAfter: 6);
    }

    /// <summary>A paragraph flowing at the cursor, wrapped to the width between the margins; a line break in the text starts a new line.</summary>
    public void Paragraph(string text, XFont? font = null, double spaceAfter = 8) =>
        Flow(text, font ?? Regular(11), PdfBlockLevelElementTag.Paragraph, spaceAfter);

    /// <summary>Text at a fixed place, wrapped within the box and aligned in it; one paragraph (or heading) in the reading order.</summary>
    public void TextAt(string text, XFont font, XRect box, XParagraphAlignment alignment = XParagraphAlignment.Left,
        PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
    {
        _structure.BeginElement(tag);
        var top = box.Top;
        foreach (var line in Wrap(text, font, box.Width))
        {
            var width = Graphics.MeasureString(line, font).Width;
            var x = alignment switch
            {
                XParagraphAlignment.Center => box.Left + (box.Width - width) / 2,
                XParagraphAlignment.Right => box.Right - width,
                _ => box.Left,
            };
            Graphics.DrawString(line, font, XBrushes.Black, new XPoint(x, top + font.GetHeight() * 0.8));
            top += font.GetHeight();
        }
        _structure.End();
    }

    /// <summary>How tall <see cref="TextAt"/> draws the text in a box of this width: its lines once wrapped, times the font's line height.</summary>
    public double HeightOf(string text, XFont font, double width) => Wrap(text, font, width).Count * font.GetHeight();

    /// <summary>A QR code of an address, drawn as vector squares (sharp at any size), with alternative text for people who cannot see it.</summary>
    public void QrCode(string address, string alternativeText, XRect box)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var modules = code.ModuleMatrix;
        var size = Math.Min(box.Width, box.Height) / modules.Count;
        _structure.BeginElement(PdfIllustrationElementTag.Figure, alternativeText, box);
        for (var row = 0; row < modules.Count; row++)
            for (var column = 0; column < modules.Count; column++)
                if (modules[row][column])
                    Graphics.DrawRectangle(XBrushes.Black, box.Left + column * size, box.Top + row * size, size, size);
        _structure.End();
    }

    /// <summary>Something decorative (rules, borders, cut marks) that assistive technology skips.</summary>
    public void Decoration(Action<XGraphics> draw)
    {
        _structure.BeginArtifact();
        draw(Graphics);
        _structure.End();
    }

    /// <summary>The finished document's bytes.</summary>
    public byte[] ToBytes()
    {
        _graphics?.Dispose();
        _graphics = null;
        using var output = new MemoryStream();
        _document.Save(output);
        return output.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    void Flow(string text, XFont font, PdfBlockLevelElementTag tag, double spaceAfter)
    {
        var width = PageWidth - 2 * Margin;
        var lines = Wrap(text, font, width);
        _structure.BeginElement(tag);
        foreach (var line in lines)
        {
            if (Cursor + font.GetHeight() > PageHeight - Margin)
            {
                _structure.End();
                AddPage(_page!.Orientation);
                _structure.BeginElement(tag);
            }
            Graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, Cursor + font.GetHeight() * 0.8));
            Cursor += font.GetHeight();
        }
        _structure.End();
        Cursor += spaceAfter;
    }

    /// <summary>The text broken into lines no wider than the width, at spaces; a word longer than a line stands alone.</summary>
    List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var longer = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Graphics.MeasureString(longer, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                    line = longer;
            }
            lines.Add(line);
        }
        return lines;
    }
}
