using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>A holder orders a printed certificate by post; a charged order waits for its fee; staff post it and the holder is told.</summary>
public sealed class PrintedCertificateOrderTests(WebFixture fixture) : WebTest(fixture)
{
    private sealed record Arranged(Jurisdiction State, Person Holder, Credential Credential, string HolderEmail, string StaffEmail);

    /// <summary>A state whose program charges <paramref name="fee"/> for a replacement certificate (none when null), a holder of an active credential and a reviewer.</summary>
    private async Task<Arranged> ArrangeAsync(string code, decimal? fee, bool withAddress = true)
    {
        var requirements = fee is { } amount ? TestData.NoRequirements(new FeeRate(FeeKind.ReplacementCertificate, amount)) : TestData.NoRequirements();
        var state = TestData.State(code, $"State {code}", requirements: requirements);
        var holder = TestData.Person("Kit", $"Holder{code}");
        if (withAddress)
            holder.UpdateContact(null, null, new PostalAddress("12 Elm Street", "Apt 4", "Raleigh", "Wake", state.Code, "27601"), TestClock.StartDay);
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddYears(-1), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, holder, credential);
        var holderEmail = $"kit.{code.ToLowerInvariant()}@holders.example";
        var staffEmail = $"reviewer.{code.ToLowerInvariant()}@board.example";
        await Fixture.CreateUserAsync(holderEmail, Roles.Applicant, personId: holder.Id);
        await Fixture.CreateUserAsync(staffEmail, Roles.Reviewer, state: code);
        return new Arranged(state, holder, credential, holderEmail, staffEmail);
    }

    private static string Orders(Credential credential) => $"/api/v1/me/credentials/{credential.Number.Value}/printed-certificate-orders";

    private Task<PrintedCertificateOrder> OrderAsync(Guid id) => Fixture.QueryAsync(db => db.PrintedCertificateOrders.AsNoTracking().SingleAsync(o => o.Id == id));

    [Fact]
    public async Task A_charged_order_waits_for_its_fee_then_staff_post_it_to_the_address_given_and_the_holder_is_told()
    {
        var arranged = await ArrangeAsync("NC", 25m);
        var holder = await Fixture.ApiClientAsync(arranged.HolderEmail);
        var staff = await Fixture.ApiClientAsync(arranged.StaffEmail);

        var response = await holder.PostAsync(Orders(arranged.Credential), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ordered = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("AwaitingFee", 25m), (ordered.GetProperty("status").GetString(), ordered.GetProperty("amount").GetDecimal()));
        var feeId = ordered.GetProperty("feeId").GetGuid();
        var orderId = ordered.GetProperty("orderId").GetGuid();
        var fee = await Fixture.QueryAsync(db => db.Fees.AsNoTracking().SingleAsync(f => f.Id == feeId));
        Assert.Equal((FeeKind.ReplacementCertificate, arranged.Credential.Id, (Guid?)null), (fee.Kind, fee.CredentialId, fee.ApplicationId));
        Assert.Empty((await staff.GetFromJsonAsync<JsonElement>("/api/v1/states/NC/printed-certificate-orders")).EnumerateArray());
        var tooSoon = await staff.PostAsync($"/api/v1/printed-certificate-orders/{orderId}/posted", null);
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        Assert.Contains("still waiting for its fee", await tooSoon.Content.ReadAsStringAsync());

        var cheque = await staff.PostAsJsonAsync($"/api/v1/fees/{feeId}/payments",
            new { method = "Cheque", amount = 25m, reference = "2231", receivedOn = TestClock.StartDay.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, cheque.StatusCode);

        var toPost = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/v1/states/NC/printed-certificate-orders")).EnumerateArray());
        Assert.Equal(orderId, toPost.GetProperty("id").GetGuid());
        Assert.Equal(("12 Elm Street", "27601"), (toPost.GetProperty("postTo").GetProperty("line1").GetString(), toPost.GetProperty("postTo").GetProperty("postalCode").GetString()));
        var posted = await staff.PostAsync($"/api/v1/printed-certificate-orders/{orderId}/posted", null);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var order = await OrderAsync(orderId);
        Assert.Equal(CertificateOrderStatus.Posted, order.Status);
        Assert.NotNull(order.PostedByUserId);
        var told = await Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == arranged.Holder.Email && n.Template == "certificate-posted").CountAsync());
        Assert.Equal(1, told);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/v1/printed-certificate-orders/{orderId}/posted", null)).StatusCode);
    }

    [Fact]
    public async Task A_free_order_goes_straight_to_posting_and_a_second_open_order_is_refused()
    {
        var arranged = await ArrangeAsync("DE", fee: null);
        var holder = await Fixture.ApiClientAsync(arranged.HolderEmail);

        var first = await (await holder.PostAsync(Orders(arranged.Credential), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ToPost", first.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("feeId").ValueKind);
        Assert.Empty(await Fixture.QueryAsync(db => db.Fees.ToListAsync()));

        var second = await holder.PostAsync(Orders(arranged.Credential), null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Single(await Fixture.QueryAsync(db => db.PrintedCertificateOrders.ToListAsync()));
        var mine = await holder.GetFromJsonAsync<JsonElement>("/api/v1/me/printed-certificate-orders");
        Assert.Equal(first.GetProperty("orderId").GetGuid(), Assert.Single(mine.GetProperty("credentials").EnumerateArray()).GetProperty("openOrderId").GetGuid());
    }

    [Fact]
    public async Task The_holder_cancels_an_order_waiting_for_its_fee_and_the_fee_is_cancelled_with_it()
    {
        var arranged = await ArrangeAsync("NC", 25m);
        var holder = await Fixture.ApiClientAsync(arranged.HolderEmail);
        var ordered = await (await holder.PostAsync(Orders(arranged.Credential), null)).Content.ReadFromJsonAsync<JsonElement>();
        var orderId = ordered.GetProperty("orderId").GetGuid();

        var cancelled = await holder.PostAsync($"/api/v1/me/printed-certificate-orders/{orderId}/cancellation", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(CertificateOrderStatus.Cancelled, (await OrderAsync(orderId)).Status);
        var feeId = ordered.GetProperty("feeId").GetGuid();
        Assert.Equal(FeeStatus.Cancelled, (await Fixture.QueryAsync(db => db.Fees.AsNoTracking().SingleAsync(f => f.Id == feeId))).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await holder.PostAsync($"/api/v1/me/printed-certificate-orders/{orderId}/cancellation", null)).StatusCode);
    }

    [Fact]
    public async Task Orders_are_the_holders_and_their_states_only_and_need_a_mailing_address()
    {
        var northCarolina = await ArrangeAsync("NC", 25m);
        var delaware = await ArrangeAsync("DE", fee: null, withAddress: false);
        var ncHolder = await Fixture.ApiClientAsync(northCarolina.HolderEmail);
        var deHolder = await Fixture.ApiClientAsync(delaware.HolderEmail);
        var deStaff = await Fixture.ApiClientAsync(delaware.StaffEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await deHolder.PostAsync(Orders(northCarolina.Credential), null)).StatusCode);
        var noAddress = await deHolder.PostAsync(Orders(delaware.Credential), null);
        Assert.Equal(HttpStatusCode.Conflict, noAddress.StatusCode);
        Assert.Contains("Add your mailing address to your profile", await noAddress.Content.ReadAsStringAsync());

        var ordered = await (await ncHolder.PostAsync(Orders(northCarolina.Credential), null)).Content.ReadFromJsonAsync<JsonElement>();
        var orderId = ordered.GetProperty("orderId").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await deStaff.GetAsync("/api/v1/states/NC/printed-certificate-orders")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await deStaff.PostAsync($"/api/v1/printed-certificate-orders/{orderId}/posted", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await deHolder.PostAsync($"/api/v1/me/printed-certificate-orders/{orderId}/cancellation", null)).StatusCode);
        Assert.Equal(CertificateOrderStatus.AwaitingFee, (await OrderAsync(orderId)).Status);
    }
}
