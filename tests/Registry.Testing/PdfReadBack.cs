using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Registry.Testing;

/// <summary>
/// A PDF read back the way a person's software reads it, with PdfPig: its words per page, the title and language it
/// declares, whether it carries a structure tree, and the QR codes drawn on it decoded with ZXing from the squares on
/// the page (rasterised here, since nothing renders PDF on the test machines).
/// </summary>
public sealed class PdfReadBack
{
    PdfReadBack(IReadOnlyList<string> pages, string? title, string? language, bool tagged, bool hasStructureTree, IReadOnlyList<string> qrCodes)
    {
        Pages = pages;
        Title = title;
        Language = language;
        Tagged = tagged;
        HasStructureTree = hasStructureTree;
        QrCodes = qrCodes;
    }

    /// <summary>Each page's words, separated by single spaces, in the order they are drawn.</summary>
    public IReadOnlyList<string> Pages { get; }

    public string Text => string.Join("\n", Pages);

    public string? Title { get; }

    public string? Language { get; }

    /// <summary>MarkInfo says the content is marked for structure.</summary>
    public bool Tagged { get; }

    public bool HasStructureTree { get; }

    public IReadOnlyList<string> QrCodes { get; }

    public static PdfReadBack Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var codes = new List<string>();
        foreach (var page in document.GetPages())
        {
            pages.Add(string.Join(" ", page.GetWords().Select(w => w.Text)));
            if (QrCodeOn(page) is { } code)
                codes.Add(code);
        }
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var language = catalog.TryGet(NameToken.Lang, out var lang) && lang is StringToken text ? text.Data : null;
        var tagged = catalog.TryGet(NameToken.MarkInfo, document.Structure.TokenScanner, out DictionaryToken? markInfo)
            && markInfo.TryGet(NameToken.Marked, out var marked) && marked is BooleanToken { Data: true };
        return new PdfReadBack(pages, document.Information.Title, language, tagged, catalog.ContainsKey(NameToken.StructTreeRoot), codes);
    }

    /// <summary>The filled squares of equal size on the page, drawn as black modules on white and decoded; null when none decode.</summary>
    static string? QrCodeOn(UglyToad.PdfPig.Content.Page page)
    {
        var squares = page.Paths
            .Where(p => p.IsFilled)
            .Select(p => p.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .Where(r => r.Width > 0.5 && Math.Abs(r.Width - r.Height) < 0.01)
            .ToList();
        if (squares.Count < 21 * 4)
            return null;
        var module = squares.GroupBy(r => Math.Round(r.Width, 2)).OrderByDescending(g => g.Count()).First().Key;
        var modules = squares.Where(r => Math.Abs(Math.Round(r.Width, 2) - module) < 0.02).ToList();
        var left = modules.Min(r => r.Left);
        var bottom = modules.Min(r => r.Bottom);
        var columns = (int)Math.Round((modules.Max(r => r.Right) - left) / module);
        var rows = (int)Math.Round((modules.Max(r => r.Top) - bottom) / module);
        const int pixels = 4, quiet = 4;
        var width = (columns + 2 * quiet) * pixels;
        var height = (rows + 2 * quiet) * pixels;
        var image = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var square in modules)
        {
            var column = (int)Math.Round((square.Left - left) / module) + quiet;
            var row = rows - 1 - (int)Math.Round((square.Bottom - bottom) / module) + quiet;
            for (var y = row * pixels; y < (row + 1) * pixels; y++)
                for (var x = column * pixels; x < (column + 1) * pixels; x++)
                    image[y * width + x] = 0;
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        return new QRCodeReader().decode(bitmap)?.Text;
    }
}
