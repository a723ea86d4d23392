using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// Identity's data-protected tokens (password reset, e-mail confirmation) with their lifespan counted on the
/// registry's <see cref="TimeProvider"/>: Identity's own provider reads the system clock. The issue time travels
/// beside the token and is bound into its protected purpose, so changing it breaks the token. Identity's own check
/// of the same lifespan still runs on the system clock.
/// </summary>
public sealed class ClockedTokenProvider(IDataProtectionProvider protection, IOptions<DataProtectionTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<RegistryUser>> logger, TimeProvider clock) : DataProtectorTokenProvider<RegistryUser>(protection, options, logger)
{
    public override async Task<string> GenerateAsync(string purpose, UserManager<RegistryUser> manager, RegistryUser user)
    {
        var issued = clock.GetUtcNow().UtcTicks;
        return $"{issued}.{await base.GenerateAsync(Bound(purpose, issued), manager, user)}";
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<RegistryUser> manager, RegistryUser user)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 1 || !long.TryParse(token.AsSpan(0, dot), out var issued) || issued < 0 || issued > DateTimeOffset.MaxValue.UtcTicks) return false;
        if (new DateTimeOffset(issued, TimeSpan.Zero) + Options.TokenLifespan < clock.GetUtcNow()) return false;
        return await base.ValidateAsync(Bound(purpose, issued), token[(dot + 1)..], manager, user);
    }

    private static string Bound(string purpose, long issued) => $"{purpose}@{issued}";
}
