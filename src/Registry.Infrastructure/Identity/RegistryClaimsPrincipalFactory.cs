using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Security;

namespace Registry.Infrastructure.Identity;

/// <summary>Adds the links that authorization needs (state, person, employer) as claims at sign-in.</summary>
public sealed class RegistryClaimsPrincipalFactory(
    UserManager<RegistryUser> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RegistryUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RegistryUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.StateCode is { } state) identity.AddClaim(new Claim(RegistryClaims.State, state));
        if (user.PersonId is { } person) identity.AddClaim(new Claim(RegistryClaims.Person, person.ToString()));
        if (user.EmployerId is { } employer) identity.AddClaim(new Claim(RegistryClaims.Employer, employer.ToString()));
        if (!string.IsNullOrEmpty(user.DisplayName)) identity.AddClaim(new Claim("registry:display-name", user.DisplayName));
        return identity;
    }
}
