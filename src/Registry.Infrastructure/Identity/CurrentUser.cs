using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// The sender of the current request, read from its claims: the HTTP request's user, or the principal a
/// background job or a test runs as (<see cref="RunAs"/>).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private static readonly AsyncLocal<ClaimsPrincipal?> Ambient = new();

    /// <summary>Runs the rest of this async flow as <paramref name="principal"/>; dispose to stop.</summary>
    public static IDisposable RunAs(ClaimsPrincipal principal)
    {
        var previous = Ambient.Value;
        Ambient.Value = principal;
        return new Restore(() => Ambient.Value = previous);
    }

    private ClaimsPrincipal Principal => Ambient.Value ?? httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string? Name => Principal.FindFirstValue(ClaimTypes.Name);
    public StateCode? StateCode => Domain.Jurisdictions.StateCode.TryParse(Principal.FindFirstValue(RegistryClaims.State), out var code) ? code : null;
    public Guid? PersonId => Guid.TryParse(Principal.FindFirstValue(RegistryClaims.Person), out var id) ? id : null;
    public Guid? EmployerId => Guid.TryParse(Principal.FindFirstValue(RegistryClaims.Employer), out var id) ? id : null;
    public bool IsInRole(string role) => Principal.IsInRole(role);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
