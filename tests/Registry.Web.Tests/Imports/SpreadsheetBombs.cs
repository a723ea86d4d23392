using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Registry.Web.Tests.Imports;

/// <summary>
/// Files a few hundred kilobytes to a few megabytes in size that unpack into far more: each is a real .xlsx package
/// (or CSV) whose first row is a roster's or a results file's header, so only its size can get it refused.
/// </summary>
public static class SpreadsheetBombs
{
    public const string RosterHeader = "Credential number";
    public const string ExamHeader = "Email,Exam date,Score";

    /// <summary>A sheet of the same row again and again, unpacking to <paramref name="megabytes"/> MB.</summary>
    public static byte[] HugeSheet(string header, int megabytes) => Workbook(header, sheet =>
    {
        var rows = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c t=\"inlineStr\"><is><t>TN-CPRS-000001</t></is></c></row>", 1024)));
        for (long written = 0; written < megabytes * 1024L * 1024; written += rows.Length) sheet.Write(rows);
    });

    /// <summary>
    /// More than two million cells of one random digit each, 16,000 to a row: compressed only some twenty times (so
    /// the package check lets it through), the reader must stop at the cell limit.
    /// </summary>
    public static byte[] ManyCells(string header, int cells)
    {
        var random = new Random(16);
        return Workbook(header, sheet =>
        {
            var row = new StringBuilder();
            for (var written = 0; written < cells;)
            {
                row.Clear().Append("<row>");
                for (var c = 0; c < 16_000 && written < cells; c++, written++) row.Append("<c><v>").Append(random.Next(10)).Append("</v></c>");
                sheet.Write(Encoding.UTF8.GetBytes(row.Append("</row>").ToString()));
            }
        });
    }

    /// <summary>A shared-string table of <paramref name="count"/> short random texts (so it compresses little), one cell using them.</summary>
    public static byte[] ManySharedStrings(string header, int count)
    {
        var random = new Random(16);
        return Workbook(header, sheet => sheet.Write("<row><c t=\"s\"><v>0</v></c></row>"u8), strings =>
        {
            strings.Write("""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""u8);
            var chunk = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                chunk.Append("<si><t>").Append((char)('a' + random.Next(26))).Append((char)('a' + random.Next(26))).Append("</t></si>");
                if (chunk.Length > 64 * 1024) { strings.Write(Encoding.UTF8.GetBytes(chunk.ToString())); chunk.Clear(); }
            }
            strings.Write(Encoding.UTF8.GetBytes(chunk.Append("</sst>").ToString()));
        });
    }

    /// <summary>A small sheet whose zip entry says it unpacks to 1,000 bytes, and unpacks to <paramref name="megabytes"/> MB.</summary>
    public static byte[] LyingSize(string header, int megabytes)
    {
        var bytes = HugeSheet(header, megabytes);
        var name = "xl/worksheets/sheet1.xml"u8;
        // The local header (PK\3\4) keeps the uncompressed size at offset 22, the central directory's (PK\1\2) at 24.
        for (var at = 0; at + 46 < bytes.Length; at++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            if (signature == 0x04034B50 && bytes.AsSpan(at + 30).StartsWith(name)) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 22), 1000);
            if (signature == 0x02014B50 && bytes.AsSpan(at + 46).StartsWith(name)) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), 1000);
        }
        return bytes;
    }

    /// <summary>A header line, then line feeds up to <paramref name="bytes"/> bytes.</summary>
    public static byte[] LineFeeds(string header, int bytes)
    {
        var content = new byte[bytes];
        Array.Fill(content, (byte)'\n');
        Encoding.UTF8.GetBytes(header + "\n").CopyTo(content, 0);
        return content;
    }

    /// <summary>A package of one sheet: the header in row 1 (inline strings), then whatever <paramref name="rows"/> writes.</summary>
    private static byte[] Workbook(string header, Action<Stream> rows, Action<Stream>? sharedStrings = null)
    {
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(xml));
            }
            Part("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Part("_rels/.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", $"""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{Relationships}"><sheets><sheet name="Bomb" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{Relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open())
            {
                sheet.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">"""u8);
                var column = 'A';
                foreach (var name in header.Split(','))
                    sheet.Write(Encoding.UTF8.GetBytes($"""<c r="{column++}1" t="inlineStr"><is><t>{name}</t></is></c>"""));
                sheet.Write("</row>"u8);
                rows(sheet);
                sheet.Write("</sheetData></worksheet>"u8);
            }
            using var strings = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            if (sharedStrings is null) strings.Write("""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"""u8);
            else sharedStrings(strings);
        }
        return output.ToArray();
    }
}
