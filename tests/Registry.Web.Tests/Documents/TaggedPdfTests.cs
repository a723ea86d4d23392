using PdfSharp.Drawing;
using Registry.Infrastructure.Pdf;
using Registry.Testing;

namespace Registry.Web.Tests.Documents;

public class TaggedPdfTests
{
    [Fact]
    public void A_document_reads_back_with_its_text_title_language_structure_and_qr_code()
    {
        using var pdf = TaggedPdf.Begin("Certificate for Jordan Rivera", "en-US");
        pdf.AddPage();
        pdf.Heading("Certified Peer Specialist");
        pdf.Paragraph("Jordan Rivera holds credential TX-CPS-000123. " + string.Join(" ", Enumerable.Repeat("This sentence wraps.", 40)));
        pdf.Decoration(g => g.DrawLine(XPens.Gray, 10, 10, 40, 10));
        pdf.QrCode("https://registry.example/r/TX-CPS-000123", "QR code: the live record", new XRect(400, 600, 90, 90));

        var read = PdfReadBack.Of(pdf.ToBytes());

        Assert.Equal("Certificate for Jordan Rivera", read.Title);
        Assert.Equal("en-US", read.Language);
        Assert.True(read.Tagged);
        Assert.True(read.HasStructureTree);
        Assert.Contains("Jordan Rivera holds credential TX-CPS-000123.", read.Text);
        Assert.Equal(["https://registry.example/r/TX-CPS-000123"], read.QrCodes);
    }

    [Fact]
    public void Flowing_text_longer_than_a_page_continues_on_the_next()
    {
        using var pdf = TaggedPdf.Begin("Long letter");
        pdf.AddPage();
        for (var i = 1; i <= 80; i++)
            pdf.Paragraph($"Paragraph {i} of the letter.");

        var read = PdfReadBack.Of(pdf.ToBytes());

        Assert.True(read.Pages.Count >= 2);
        Assert.Contains("Paragraph 1 of", read.Pages[0]);
        Assert.Contains("Paragraph 80 of", read.Pages[^1]);
        Assert.Equal(80, Enumerable.Range(1, 80).Count(i => read.Text.Contains($"Paragraph {i} of the letter.")));
    }
}
