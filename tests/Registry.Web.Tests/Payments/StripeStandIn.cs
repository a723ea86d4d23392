using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Registry.Testing;

namespace Registry.Web.Tests.Payments;

/// <summary>
/// A local stand-in of Stripe's HTTP API for the real Stripe.net client: it answers POST /v1/checkout/sessions with a
/// session object like Stripe's and keeps the form fields it received, so tests assert what the registry asked for.
/// It answers POST /v1/refunds too, keeping each refund by its idempotency key. It also holds the registry host configured to pay through it, and signs webhooks with Stripe's documented scheme.
/// </summary>
public sealed class StripeStandIn : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_test_stand_in";

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private WebApplicationFactory<Program>? _host;
    private int _sessions;

    public StripeStandIn()
    {
        var port = RegistryFactory.FreeLoopbackPort();
        BaseAddress = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseAddress + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string BaseAddress { get; }

    /// <summary>The form fields of each session the registry created, by session id.</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Sessions { get; } = new();

    /// <summary>The registry's host paying through this stand-in; on the shared fixture's database and clock.</summary>
    public WebApplicationFactory<Program> Host(RegistryFactory factory) => _host ??= factory.WithWebHostBuilder(host =>
    {
        host.UseSetting("Payments:Provider", "stripe");
        host.UseSetting("Payments:Stripe:SecretKey", "sk_test_stand_in");
        host.UseSetting("Payments:Stripe:WebhookSecret", WebhookSecret);
        host.UseSetting("Payments:Stripe:ApiBase", BaseAddress);
    });

    /// <summary>Stripe-Signature for a payload: t=unix seconds, v1=hex HMAC-SHA256 of "t.payload" with the secret.</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>A checkout.session event as Stripe sends it.</summary>
    public static string SessionEvent(string eventId, string type, DateTimeOffset created, string sessionId, long amountInCents, string paymentIntent,
        string paymentStatus = "paid", string currency = "usd", string payer = "Person") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = "2025-01-27.acacia",
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new Dictionary<string, object?>
        {
            ["object"] = new Dictionary<string, object?>
            {
                ["id"] = sessionId,
                ["object"] = "checkout.session",
                ["amount_total"] = amountInCents,
                ["currency"] = currency,
                ["mode"] = "payment",
                ["payment_intent"] = paymentIntent,
                ["payment_status"] = paymentStatus,
                ["status"] = type == "checkout.session.expired" ? "expired" : "complete",
                ["metadata"] = new Dictionary<string, string> { ["payer"] = payer },
            },
        },
    });

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = context.Request.HttpMethod == "POST" ? context.Request.Url?.AbsolutePath : null;
        if (path is not ("/v1/checkout/sessions" or "/v1/refunds"))
        {
            response.StatusCode = 404;
            await Write(response, """{"error":{"type":"invalid_request_error","message":"Unrecognized request URL."}}""");
            return;
        }
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var form = (await reader.ReadToEndAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => WebUtility.UrlDecode(pair.ElementAtOrDefault(1) ?? ""));
        if (path == "/v1/refunds")
        {
            await AnswerRefundAsync(response, form, context.Request.Headers["Idempotency-Key"] ?? "");
            return;
        }
        var id = $"cs_test_{Interlocked.Increment(ref _sessions):D4}{Guid.NewGuid():N}";
        Sessions[id] = form;
        await Write(response, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"]),
            ["currency"] = form["line_items[0][price_data][currency]"],
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["mode"] = form.GetValueOrDefault("mode"),
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = form.GetValueOrDefault("success_url"),
            ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
        }));
    }

    /// <summary>Refunds made, by idempotency key: the same key answers with the same refund, as Stripe does.</summary>
    public ConcurrentDictionary<string, (string Id, IReadOnlyDictionary<string, string> Form)> Refunds { get; } = new();

    /// <summary>When set, refunds are refused with this message, as Stripe refuses one (an invalid_request_error).</summary>
    public string? RefuseRefundsWith { get; set; }

    private async Task AnswerRefundAsync(HttpListenerResponse response, Dictionary<string, string> form, string idempotencyKey)
    {
        if (RefuseRefundsWith is { } refusal)
        {
            response.StatusCode = 400;
            await Write(response, JsonSerializer.Serialize(new { error = new { type = "invalid_request_error", code = "charge_already_refunded", message = refusal } }));
            return;
        }
        var (id, _) = Refunds.GetOrAdd(idempotencyKey, _ => ($"re_test_{Guid.NewGuid():N}", form));
        await Write(response, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "refund",
            ["amount"] = long.Parse(form["amount"]),
            ["currency"] = "usd",
            ["payment_intent"] = form.GetValueOrDefault("payment_intent"),
            ["reason"] = form.GetValueOrDefault("reason"),
            ["status"] = "succeeded",
        }));
    }

    private static async Task Write(HttpListenerResponse response, string json)
    {
        response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
