using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Interfaces;

/// <summary>Who is sending the current request: a signed-in person, a background job, or nobody.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    string? Name { get; }

    /// <summary>The state a Reviewer or StateAdmin works for.</summary>
    StateCode? StateCode { get; }

    /// <summary>The person record of an applicant or peer.</summary>
    Guid? PersonId { get; }

    Guid? EmployerId { get; }

    bool IsInRole(string role);
}
