using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Interfaces;

/// <summary>What the audit log writes beside each change saved in this scope.</summary>
public interface IAuditContext
{
    /// <summary>The use case making the change, e.g. <c>SubmitApplication</c>; <c>System</c> when none was named.</summary>
    string Action { get; set; }

    Func<StateCode?> StateCode { get; set; }
}
