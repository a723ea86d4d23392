using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Stripe;

namespace Registry.Infrastructure.Payments;

/// <summary>The provider <c>Payments:Provider</c> names, or none: then online payment is simply not offered.</summary>
public sealed class PaymentProviders(IServiceProvider services, string? configured) : IPaymentProviders
{
    public IPaymentProvider? Configured => configured is { Length: > 0 } name ? services.GetRequiredKeyedService<IPaymentProvider>(name) : null;
}

public static class PaymentRegistration
{
    /// <summary>
    /// Each provider is registered under its name; a state's own processor is one more <see cref="IPaymentProvider"/>
    /// registered here under its name, chosen with <c>Payments:Provider</c>. Secrets are read here and never logged.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration["Payments:Provider"]?.Trim().ToLowerInvariant();
        if (configured is { Length: > 0 } && configured != StripePaymentProvider.ProviderName)
            throw new InvalidOperationException($"Payments:Provider '{configured}' is not a payment provider the registry knows (stripe, or empty for none).");
        services.AddSingleton<IPaymentProviders>(sp => new PaymentProviders(sp, configured));

        var stripe = configuration.GetSection("Payments:Stripe");
        services.AddKeyedSingleton<IPaymentProvider>(StripePaymentProvider.ProviderName, (sp, _) =>
        {
            var secretKey = stripe["SecretKey"] is { Length: > 0 } key ? key : throw new InvalidOperationException("Payments:Stripe:SecretKey is not set.");
            var webhookSecret = stripe["WebhookSecret"] is { Length: > 0 } secret ? secret : throw new InvalidOperationException("Payments:Stripe:WebhookSecret is not set.");
            var http = new SystemNetHttpClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, maxNetworkRetries: 2);
            var client = new StripeClient(new StripeClientOptions
            {
                ApiKey = secretKey,
                HttpClient = http,
                ApiBase = stripe["ApiBase"] is { Length: > 0 } apiBase ? apiBase.TrimEnd('/') : null,
            });
            var tolerance = TimeSpan.FromSeconds(stripe.GetValue("WebhookToleranceSeconds", 300));
            return new StripePaymentProvider(client, webhookSecret, tolerance, sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
