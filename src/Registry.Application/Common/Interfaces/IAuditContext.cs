using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Interfaces;

/// <summary>What the audit log writes beside each change saved in this scope.</summary>
public interface IAuditContext
{
    /// <summary>The use case making the change, e.g. <c>SubmitApplication</c>; <c>System</c> when none was named.</summary>
    string Action { get; set; }

    Func<StateCode?> StateCode { get; set; }

    /// <summary>
    /// Types whose additions this scope's own audited record sums up (a register import's counts), so adding
    /// 100,000 of them writes one audit entry, not 100,000.
    /// </summary>
    ISet<Type> SummarisedAdditions { get; }
}
