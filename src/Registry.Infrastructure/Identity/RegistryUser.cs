using Microsoft.AspNetCore.Identity;

namespace Registry.Infrastructure.Identity;

/// <summary>A sign-in account. A person, a state or an employer it acts for are claims built from these links.</summary>
public sealed class RegistryUser : IdentityUser<Guid>
{
    public Guid? PersonId { get; set; }
    public Guid? EmployerId { get; set; }

    /// <summary>The state a Reviewer or StateAdmin works for.</summary>
    public string? StateCode { get; set; }

    public string DisplayName { get; set; } = "";
}
