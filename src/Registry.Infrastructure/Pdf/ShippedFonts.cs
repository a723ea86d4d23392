using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Registry.Infrastructure.Pdf;

/// <summary>
/// The only fonts the registry's PDFs use: Public Sans, embedded in this assembly (see Fonts/README.md), so a document
/// looks the same on every server and never depends on the fonts a machine happens to have. PDFsharp's font settings
/// are process-wide; <see cref="Install"/> sets them once.
/// </summary>
public sealed class ShippedFonts : IFontResolver
{
    public const string Family = "Public Sans";

    static readonly Lock InstallLock = new();
    static readonly ConcurrentDictionary<string, byte[]> Faces = new();

    ShippedFonts() { }

    public static void Install()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is ShippedFonts)
                return;
            GlobalFontSettings.FontResolver = new ShippedFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The registry's PDFs use {Family} only, not '{familyName}'.");
        return new FontResolverInfo(bold ? "PublicSans-Bold" : italic ? "PublicSans-Italic" : "PublicSans-Regular");
    }

    public byte[]? GetFont(string faceName) => Faces.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(ShippedFonts).Assembly.GetManifestResourceStream($"Registry.Infrastructure.Pdf.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the registry.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
