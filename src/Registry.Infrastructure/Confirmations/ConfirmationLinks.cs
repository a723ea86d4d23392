using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Confirmations;

/// <summary>
/// Confirmation links signed by ASP.NET Core Data Protection. The token holds only the confirmation request's
/// id; the request's row makes it work once and carries its expiry, checked against the registry's clock (a
/// time-limited protector would check the system clock instead).
/// </summary>
public sealed class ConfirmationLinks(IDataProtectionProvider dataProtection, TimeSpan lifetime, string publicBaseUrl) : IConfirmationLinks
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Registry.ConfirmationLinks");
    private readonly string _baseUrl = publicBaseUrl.TrimEnd('/');

    public TimeSpan Lifetime { get; } = lifetime;

    public string TokenFor(Guid confirmationRequestId) => _protector.Protect(confirmationRequestId.ToString("N"));

    public Guid? Read(string token)
    {
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null; // altered, foreign or truncated
        }
    }

    public string UrlFor(string token) => $"{_baseUrl}/Confirm/{Uri.EscapeDataString(token)}";
}

public static class ConfirmationServices
{
    /// <summary>
    /// Links live <c>Confirmations:LinkDays</c> days (14) and point at <c>Registry:PublicBaseUrl</c>. The signing
    /// keys (also those of sign-in cookies and anti-forgery tokens) are kept where <c>DataProtection:Store</c> says: in
    /// the database, shared by every web server, or in <c>DataProtection:KeysFolder</c>; either way links and
    /// sign-ins survive a restart. One application name, so every server reads the others' keys. How the keys are
    /// protected at rest: <see cref="KeyRing"/>.
    /// </summary>
    public static IServiceCollection AddConfirmationLinks(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("PeerSpecialistRegistry");
        if (StoreLocations.Chosen(configuration, "DataProtection") == StoreLocation.Database)
            dataProtection.PersistKeysToDbContext<SharedStorageDbContext>();
        else
        {
            var keys = Path.GetFullPath(configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder ? folder : Path.Combine("App_Data", "keys"), contentRootPath);
            dataProtection.PersistKeysToOwnerOnlyFolder(keys);
        }
        dataProtection.ProtectKeysWithConfiguredCertificate(configuration, contentRootPath);
        var lifetime = TimeSpan.FromDays(configuration.GetValue("Confirmations:LinkDays", 14));
        return services.AddSingleton<IConfirmationLinks>(sp =>
            new ConfirmationLinks(sp.GetRequiredService<IDataProtectionProvider>(), lifetime, sp.GetRequiredService<MessageLinks>().PublicBaseUrl));
    }
}
