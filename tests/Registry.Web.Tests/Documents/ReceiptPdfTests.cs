using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registry.Testing;
using Registry.Web.Tests.Fees;

namespace Registry.Web.Tests.Documents;

/// <summary>A payment's receipt as a PDF, from the receipt page and the API, for the same people as the receipt itself.</summary>
public sealed class ReceiptPdfTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_receipt_pdf_carries_the_letterhead_payer_fee_amount_method_day_number_and_refunds_for_the_same_people_as_the_receipt()
    {
        var scenario = await FeeOfficeScenario.CreateAsync(Fixture);
        var reviewer = await Fixture.ApiClientAsync(FeeOfficeScenario.Reviewer);
        var recorded = await (await reviewer.PostAsJsonAsync($"/api/v1/fees/{scenario.Fee.Id}/payments",
                new { method = "Cheque", amount = 60m, reference = "CHK-555", receivedOn = TestClock.StartDay.ToString("yyyy-MM-dd") }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var paymentId = recorded.GetProperty("paymentId").GetGuid();
        var receiptNumber = recorded.GetProperty("receiptNumber").GetString()!;
        var admin = await Fixture.ApiClientAsync(FeeOfficeScenario.StateAdmin);
        Assert.True((await admin.PostAsJsonAsync($"/api/v1/fees/{scenario.Fee.Id}/refunds", new { amount = 10m, reason = "Overpaid by mistake" })).IsSuccessStatusCode);

        var applicant = await Fixture.ApiClientAsync(FeeOfficeScenario.Applicant);
        var response = await applicant.GetAsync($"/api/v1/fee-payments/{paymentId}/receipt.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = PdfReadBack.Of(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal($"Receipt {receiptNumber}", pdf.Title);
        Assert.Equal("en-US", pdf.Language);
        Assert.True(pdf.HasStructureTree);
        Assert.Contains("Tennessee Peer Certification Board", pdf.Text);
        Assert.Contains("1 Capitol Way, Nashville, TN", pdf.Text);
        Assert.Contains("fees@tn-board.example", pdf.Text);
        Assert.Contains($"Receipt {receiptNumber}", pdf.Text);
        Assert.Contains("Received from: Robin Alvarez", pdf.Text);
        Assert.Contains($"Day received: {TestClock.StartDay.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}", pdf.Text);
        Assert.Contains("Amount: $60.00 (USD)", pdf.Text);
        Assert.Contains("Paid by: Cheque, number CHK-555", pdf.Text);
        Assert.Contains("For: First application fee, CPRS", pdf.Text);
        Assert.Contains("Still owed after this payment: $0.00", pdf.Text);
        Assert.Contains("$10.00 refunded on", pdf.Text);
        Assert.DoesNotContain("Overpaid by mistake", pdf.Text);
        Assert.DoesNotContain(scenario.Person.Email!, pdf.Text);

        // The receipt page links to the same PDF, for the same people.
        var page = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(page, FeeOfficeScenario.Applicant);
        var html = await page.GetStringAsync($"/Fees/Receipt/{paymentId}");
        Assert.Contains("download it as a PDF", html);
        Assert.Contains("Refunds of this fee", html);
        var fromPage = await page.GetAsync($"/Fees/Receipt/{paymentId}?handler=Pdf");
        Assert.Equal("application/pdf", fromPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains(receiptNumber, PdfReadBack.Of(await fromPage.Content.ReadAsByteArrayAsync()).Text);

        foreach (var stranger in new[] { FeeOfficeScenario.OtherApplicant, FeeOfficeScenario.EmployerUser, FeeOfficeScenario.OtherStateAdmin })
            Assert.Equal(HttpStatusCode.NotFound, (await (await Fixture.ApiClientAsync(stranger)).GetAsync($"/api/v1/fee-payments/{paymentId}/receipt.pdf")).StatusCode);
        var other = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(other, FeeOfficeScenario.OtherApplicant);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Fees/Receipt/{paymentId}?handler=Pdf")).StatusCode);
    }
}
