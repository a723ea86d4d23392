using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Employers;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Testing;
using Registry.Web.Tests.Contract;

namespace Registry.Web.Tests.Payments;

/// <summary>
/// Online payment end to end: the real Stripe.net client against a local stand-in of Stripe's API, and webhooks signed
/// with Stripe's scheme. A payment is recorded only from a signed webhook, each event once.
/// </summary>
public sealed class OnlinePaymentTests(WebFixture fixture, StripeStandIn stripe) : WebTest(fixture), IClassFixture<StripeStandIn>
{
    private const string ApplicantEmail = "robin.pays@example.org";

    [Fact]
    public async Task A_paid_checkout_confirmed_by_the_signed_webhook_pays_the_fee_and_the_application_enters_the_review_queue()
    {
        var (fee, application) = await OwedFeeAsync();
        var api = await ApiAsync(ApplicantEmail);

        var opened = await OpenAsync(api, fee.Id);
        var session = stripe.Sessions.Single(s => s.Value["client_reference_id"] == fee.Id.ToString());
        Assert.Equal("6000", session.Value["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("usd", session.Value["line_items[0][price_data][currency]"]);
        Assert.Equal("payment", session.Value["mode"]);
        Assert.Equal(fee.Id.ToString(), session.Value["metadata[fee_id]"]);
        Assert.EndsWith($"/Fees/Paid/{opened.CheckoutId}", session.Value["success_url"]);
        Assert.Equal($"https://checkout.stripe.test/c/pay/{session.Key}", opened.PaymentUrl);
        // Returning to the registry records nothing.
        Assert.Equal(FeeStatus.Owed, (await FeeAsync(fee.Id)).Status);

        var response = await DeliverAsync(StripeStandIn.SessionEvent("evt_paid_1", "checkout.session.completed", Now, session.Key, 6000, "pi_paid_1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paid = await FeeAsync(fee.Id);
        Assert.Equal(FeeStatus.Paid, paid.Status);
        var payment = Assert.Single(paid.Payments);
        Assert.Equal((60m, PaymentMethod.Card, Payer.Person, "pi_paid_1"), (payment.Amount, payment.Method, payment.Payer, payment.ProviderPaymentId));
        Assert.False(await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => a.AwaitingFee).SingleAsync()));
        var provided = Assert.Single(await Fixture.QueryAsync(db => db.ProviderPayments.ToListAsync()));
        Assert.Equal((payment.Id, (string?)null), (provided.FeePaymentId, provided.UnmatchedBecause));
        Assert.Equal(CheckoutStatus.Completed, (await Fixture.QueryAsync(db => db.PaymentCheckouts.SingleAsync())).Status);
    }

    [Fact]
    public async Task A_webhook_with_a_bad_signature_is_refused_and_nothing_is_written()
    {
        var (fee, _) = await OwedFeeAsync();
        var sessionId = await OpenAndFindSessionAsync(fee);
        var payload = StripeStandIn.SessionEvent("evt_forged", "checkout.session.completed", Now, sessionId, 6000, "pi_forged");

        var forged = await DeliverAsync(payload, StripeStandIn.Sign(payload, Now, secret: "whsec_someone_else"));
        var unsigned = await DeliverAsync(payload, signature: "");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forged.StatusCode, unsigned.StatusCode));
        await AssertNothingRecordedAsync(fee.Id);
    }

    [Fact]
    public async Task A_webhook_signed_too_long_ago_is_refused()
    {
        var (fee, _) = await OwedFeeAsync();
        var sessionId = await OpenAndFindSessionAsync(fee);
        var payload = StripeStandIn.SessionEvent("evt_stale", "checkout.session.completed", Now, sessionId, 6000, "pi_stale");

        var stale = await DeliverAsync(payload, StripeStandIn.Sign(payload, Now.AddMinutes(-6)));

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        await AssertNothingRecordedAsync(fee.Id);
    }

    [Fact]
    public async Task A_replayed_event_is_answered_and_records_one_payment()
    {
        var (fee, _) = await OwedFeeAsync();
        var sessionId = await OpenAndFindSessionAsync(fee);
        var payload = StripeStandIn.SessionEvent("evt_replayed", "checkout.session.completed", Now, sessionId, 6000, "pi_replayed");

        var first = await DeliverAsync(payload);
        var replay = await DeliverAsync(payload);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Single((await FeeAsync(fee.Id)).Payments);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.ProviderEvents.CountAsync()));
    }

    [Fact]
    public async Task Two_identical_webhooks_at_the_same_moment_record_one_payment_and_both_are_answered()
    {
        var (fee, _) = await OwedFeeAsync();
        var sessionId = await OpenAndFindSessionAsync(fee);
        var payload = StripeStandIn.SessionEvent("evt_twice", "checkout.session.completed", Now, sessionId, 6000, "pi_twice");

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => DeliverAsync(payload))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var paid = await FeeAsync(fee.Id);
        Assert.Equal(FeeStatus.Paid, paid.Status);
        Assert.Single(paid.Payments);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.ProviderPayments.CountAsync()));
    }

    [Fact]
    public async Task An_expired_event_arriving_after_the_completed_one_changes_nothing()
    {
        var (fee, _) = await OwedFeeAsync();
        var sessionId = await OpenAndFindSessionAsync(fee);

        await DeliverAsync(StripeStandIn.SessionEvent("evt_done", "checkout.session.completed", Now, sessionId, 6000, "pi_done"));
        var late = await DeliverAsync(StripeStandIn.SessionEvent("evt_expired_late", "checkout.session.expired", Now.AddMinutes(-1), sessionId, 6000, "pi_done", "unpaid"));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(FeeStatus.Paid, (await FeeAsync(fee.Id)).Status);
        Assert.Equal(CheckoutStatus.Completed, (await Fixture.QueryAsync(db => db.PaymentCheckouts.SingleAsync())).Status);
    }

    [Fact]
    public async Task A_payment_for_an_unknown_session_is_answered_and_kept_unmatched()
    {
        var response = await DeliverAsync(StripeStandIn.SessionEvent("evt_stranger", "checkout.session.completed", Now, "cs_test_not_ours", 4200, "pi_stranger"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unmatched = Assert.Single(await Fixture.QueryAsync(db => db.ProviderPayments.ToListAsync()));
        Assert.Equal((42m, (Guid?)null, "No checkout of the registry has this session."), (unmatched.Amount, unmatched.FeePaymentId, unmatched.UnmatchedBecause));
        Assert.Empty(await Fixture.QueryAsync(db => db.Set<FeePayment>().ToListAsync()));
    }

    [Fact]
    public async Task A_payment_for_a_fee_already_waived_is_kept_unmatched_with_the_reason()
    {
        var (fee, _) = await OwedFeeAsync();
        var sessionId = await OpenAndFindSessionAsync(fee);
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Registry.Infrastructure.Persistence.RegistryDbContext>();
            (await db.Fees.SingleAsync(f => f.Id == fee.Id)).Waive(null, "Hardship", Guid.NewGuid(), Now);
            await db.SaveChangesAsync();
        }

        var response = await DeliverAsync(StripeStandIn.SessionEvent("evt_after_waiver", "checkout.session.completed", Now, sessionId, 6000, "pi_after_waiver"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var waived = await FeeAsync(fee.Id);
        Assert.Equal((FeeStatus.Waived, 0), (waived.Status, waived.Payments.Count));
        var unmatched = Assert.Single(await Fixture.QueryAsync(db => db.ProviderPayments.ToListAsync()));
        Assert.Equal((fee.Id, "The fee was already waived when the payment arrived."), (unmatched.FeeId, unmatched.UnmatchedBecause));
    }

    [Fact]
    public async Task A_payment_of_another_amount_is_kept_unmatched_and_an_unknown_event_type_is_kept_and_answered()
    {
        var (fee, _) = await OwedFeeAsync();
        var sessionId = await OpenAndFindSessionAsync(fee);

        var other = await DeliverAsync(StripeStandIn.SessionEvent("evt_other_amount", "checkout.session.completed", Now, sessionId, 5000, "pi_other_amount"));
        var unknown = await DeliverAsync(StripeStandIn.SessionEvent("evt_unknown", "customer.created", Now, sessionId, 0, "pi_none"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (other.StatusCode, unknown.StatusCode));
        Assert.Equal(FeeStatus.Owed, (await FeeAsync(fee.Id)).Status);
        var unmatched = Assert.Single(await Fixture.QueryAsync(db => db.ProviderPayments.ToListAsync()));
        Assert.Equal("The payment of $50.00 differs from the $60.00 still owed.", unmatched.UnmatchedBecause);
        Assert.Equal(["checkout.session.completed", "customer.created"],
            await Fixture.QueryAsync(db => db.ProviderEvents.OrderBy(e => e.Type).Select(e => e.Type).ToListAsync()));
    }

    [Fact]
    public async Task The_employer_a_fee_is_invoiced_to_pays_it()
    {
        var (fee, _) = await OwedFeeAsync(invoiceToEmployer: true);
        var api = await ApiAsync("hr@paying-clinic.example");

        var opened = await OpenAsync(api, fee.Id);
        var sessionId = stripe.Sessions.Single(s => s.Value["client_reference_id"] == fee.Id.ToString()).Key;
        await DeliverAsync(StripeStandIn.SessionEvent("evt_employer", "checkout.session.completed", Now, sessionId, 6000, "pi_employer", payer: "Employer"));

        Assert.NotEqual(Guid.Empty, opened.CheckoutId);
        var payment = Assert.Single((await FeeAsync(fee.Id)).Payments);
        Assert.Equal(Payer.Employer, payment.Payer);
    }

    [Fact]
    public async Task Someone_elses_fee_cannot_be_paid_and_staff_do_not_pay_for_people()
    {
        var (fee, _) = await OwedFeeAsync();
        var stranger = TestData.Person("Sam", "Other");
        await Fixture.InsertAsync(stranger);
        await Fixture.CreateUserAsync("sam.other@example.org", Roles.Applicant, personId: stranger.Id);
        await Fixture.CreateUserAsync("admin.tx@example.org", Roles.StateAdmin, state: "TX");

        var byStranger = await (await ApiAsync("sam.other@example.org")).PostAsync($"/api/v1/fees/{fee.Id}/checkout", null);
        var byStaff = await (await ApiAsync("admin.tx@example.org")).PostAsync($"/api/v1/fees/{fee.Id}/checkout", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (byStranger.StatusCode, byStaff.StatusCode));
        Assert.Empty(await Fixture.QueryAsync(db => db.PaymentCheckouts.ToListAsync()));
    }

    [Fact]
    public async Task Without_a_provider_configured_online_payment_is_not_offered()
    {
        var (fee, _) = await OwedFeeAsync();
        var api = await Fixture.ApiClientAsync(ApplicantEmail);

        var refused = await api.PostAsync($"/api/v1/fees/{fee.Id}/checkout", null);
        var webhook = await Fixture.Client().PostAsync("/api/v1/payments/webhooks/stripe", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NotFound), (refused.StatusCode, webhook.StatusCode));
        Assert.Contains("Online payment is not offered", await refused.Content.ReadAsStringAsync());
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ApplicantEmail);
        Assert.Contains("Online payment is not offered here", await browser.GetStringAsync($"/Fees/Pay/{fee.Id}"));
    }

    [Fact]
    public async Task The_pay_page_sends_the_payer_to_the_providers_page_and_the_return_page_records_nothing()
    {
        var (fee, _) = await OwedFeeAsync();
        var browser = Client();
        await WebFixture.SignInThroughFormAsync(browser, ApplicantEmail);
        var form = await browser.GetStringAsync($"/Fees/Pay/{fee.Id}");

        var posted = await browser.PostAsync($"/Fees/Pay/{fee.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.StartsWith("https://checkout.stripe.test/c/pay/", posted.Headers.Location!.ToString());
        var checkout = await Fixture.QueryAsync(db => db.PaymentCheckouts.SingleAsync());
        var returned = await browser.GetStringAsync($"/Fees/Paid/{checkout.Id}");
        Assert.Contains("once the payment service confirms it", returned);
        Assert.Equal(FeeStatus.Owed, (await FeeAsync(fee.Id)).Status);
    }

    [Theory]
    [InlineData("ReceivePaymentWebhook", "")]
    [InlineData("OpenFeeCheckout", "bearer")]
    public async Task The_document_shows_the_webhook_as_the_providers_anonymous_callback_and_the_checkout_needing_sign_in(string operationId, string schemes)
    {
        var operation = (await Fixture.ContractAsync()).Document.Operations.Single(o => o.Operation.OperationId == operationId).Operation;

        Assert.Equal(schemes, string.Join("|", (operation.Security ?? []).Select(requirement => string.Join("+", requirement.Keys))));
        Assert.Equal("Payments", Assert.Single(operation.Tags!));
    }

    [Fact]
    public async Task A_StateAdmin_refunds_a_card_payment_to_the_card_through_the_provider_once()
    {
        var fee = await PaidByCardAsync("pi_refund_1");
        var admin = await ApiAsync(await TexasAdminAsync());

        var response = await admin.PostAsJsonAsync($"/api/v1/fees/{fee.Id}/refunds", new { amount = 20m, reason = "Charged twice." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (key, made) = Assert.Single(stripe.Refunds);
        Assert.Equal(("pi_refund_1", "2000", "requested_by_customer"), (made.Form["payment_intent"], made.Form["amount"], made.Form["reason"]));
        Assert.StartsWith($"refund-{fee.Id}-", key);
        var refund = Assert.Single(await Fixture.QueryAsync(db => db.Fees.AsNoTracking().Where(f => f.Id == fee.Id).SelectMany(f => f.Refunds).ToListAsync()));
        Assert.Equal((20m, made.Id), (refund.Amount, refund.ProviderRefundId));
        Assert.Equal(FeeStatus.Refunded, (await FeeAsync(fee.Id)).Status);
    }

    [Fact]
    public async Task A_refund_the_provider_refuses_is_told_to_staff_and_nothing_is_recorded()
    {
        var fee = await PaidByCardAsync("pi_refund_2");
        var admin = await ApiAsync(await TexasAdminAsync());
        stripe.RefuseRefundsWith = "Charge pi_refund_2 has already been refunded.";
        try
        {
            var response = await admin.PostAsJsonAsync($"/api/v1/fees/{fee.Id}/refunds", new { amount = 60m, reason = "Withdrawn." });

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("Stripe did not make the refund: Charge pi_refund_2 has already been refunded.", await response.Content.ReadAsStringAsync());
            var unchanged = await FeeAsync(fee.Id);
            Assert.Equal((FeeStatus.Paid, 0m), (unchanged.Status, unchanged.RefundedAmount));
        }
        finally
        {
            stripe.RefuseRefundsWith = null;
        }
    }

    private async Task<Fee> PaidByCardAsync(string paymentIntent)
    {
        var (fee, _) = await OwedFeeAsync();
        var session = await OpenAndFindSessionAsync(fee);
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(StripeStandIn.SessionEvent($"evt_{paymentIntent}", "checkout.session.completed", Now, session, 6000, paymentIntent))).StatusCode);
        return fee;
    }

    private async Task<string> TexasAdminAsync()
    {
        const string email = "admin.refunds@tx.example";
        await Fixture.CreateUserAsync(email, Roles.StateAdmin, state: "TX");
        return email;
    }

    private WebApplicationFactory<Program> Host => stripe.Host(Fixture.Factory);

    private HttpClient Client() =>
        Host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(), new ContractCheckingHandler(Fixture.ContractAsync));

    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = Client();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = WebFixture.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<Opened> OpenAsync(HttpClient api, Guid feeId)
    {
        var response = await api.PostAsync($"/api/v1/fees/{feeId}/checkout", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Opened>())!;
    }

    private async Task<string> OpenAndFindSessionAsync(Fee fee)
    {
        await OpenAsync(await ApiAsync(ApplicantEmail), fee.Id);
        return stripe.Sessions.Single(s => s.Value["client_reference_id"] == fee.Id.ToString()).Key;
    }

    private Task<HttpResponseMessage> DeliverAsync(string payload, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? StripeStandIn.Sign(payload, Now));
        return Client().SendAsync(request);
    }

    private Task<Fee> FeeAsync(Guid id) => Fixture.QueryAsync(db => db.Fees.AsNoTracking().Include(f => f.Payments).SingleAsync(f => f.Id == id));

    private async Task AssertNothingRecordedAsync(Guid feeId)
    {
        Assert.Equal(FeeStatus.Owed, (await FeeAsync(feeId)).Status);
        Assert.Empty(await Fixture.QueryAsync(db => db.ProviderEvents.ToListAsync()));
        Assert.Empty(await Fixture.QueryAsync(db => db.ProviderPayments.ToListAsync()));
    }

    /// <summary>A Texas applicant whose submitted application waits for its $60 fee; optionally invoiced to an approved employer.</summary>
    private async Task<(Fee Fee, CertificationApplication Application)> OwedFeeAsync(bool invoiceToEmployer = false)
    {
        var state = TestData.State("TX", "Texas", requirements: TestData.NoRequirements());
        var program = state.Programs[0];
        var person = TestData.Person("Robin", "Pays");
        var application = CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, Guid.NewGuid(), Now);
        application.Submit(Guid.NewGuid(), Now, EligibilityCheck.Evaluate(TestData.NoRequirements(), ApplicantRecords.Of(application, []), new Dictionary<string, string>(), false));
        application.AwaitFee();
        var fee = Fee.Owe(state.Code, program.Id, person.Id, new FeeQuote(FeeKind.InitialApplication, 60m, FeeBasis.Standard), 1, Now, application.Id);
        var entities = new List<object> { state, person, application, fee };
        Employer? employer = null;
        if (invoiceToEmployer)
        {
            employer = new Employer("Paying Clinic", "hr@paying-clinic.example", state.Code, Now);
            employer.Approve(null, Now);
            fee.InvoiceTo(employer.Id);
            entities.Add(employer);
        }
        await Fixture.InsertAsync([.. entities]);
        await Fixture.CreateUserAsync(ApplicantEmail, Roles.Applicant, personId: person.Id);
        if (employer is not null) await Fixture.CreateUserAsync("hr@paying-clinic.example", Roles.Employer, employerId: employer.Id);
        return (fee, application);
    }

    private sealed record Opened(Guid CheckoutId, string PaymentUrl);
}
