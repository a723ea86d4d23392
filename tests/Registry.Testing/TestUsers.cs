using System.Security.Claims;
using Registry.Application.Common.Security;

namespace Registry.Testing;

/// <summary>Principals to send requests as, built the way sign-in builds them (same claim types).</summary>
public static class TestUsers
{
    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    public static ClaimsPrincipal Applicant(Guid personId, Guid? userId = null) =>
        Build(Roles.Applicant, userId, new Claim(RegistryClaims.Person, personId.ToString()));

    public static ClaimsPrincipal Reviewer(string state) => Build(Roles.Reviewer, null, new Claim(RegistryClaims.State, state));

    public static ClaimsPrincipal StateAdmin(string state) => Build(Roles.StateAdmin, null, new Claim(RegistryClaims.State, state));

    public static ClaimsPrincipal SystemAdmin() => Build(Roles.SystemAdmin, null);

    public static ClaimsPrincipal NationalAnalyst() => Build(Roles.NationalAnalyst, null);

    public static ClaimsPrincipal Employer(Guid employerId) => Build(Roles.Employer, null, new Claim(RegistryClaims.Employer, employerId.ToString()));

    private static ClaimsPrincipal Build(string role, Guid? userId, params Claim[] extra)
    {
        var id = userId ?? Guid.NewGuid();
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, id.ToString()),
            new(ClaimTypes.Name, $"{role.ToLowerInvariant()}-{id:N}@test.example"),
            new(ClaimTypes.Role, role),
            .. extra,
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
    }
}
