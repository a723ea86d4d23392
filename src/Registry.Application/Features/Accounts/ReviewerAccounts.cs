using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>Disabling and enabling a reviewer: a StateAdmin acts only on the reviewers of their own state.</summary>
internal static class ReviewerAccounts
{
    /// <summary>Anyone else is "not found": another state's staff are none of this administrator's business.</summary>
    public static async Task SetEnabledAsync(IIdentityService identity, ICurrentUser admin, RequestScope scope, Guid reviewerId, bool enabled)
    {
        var state = admin.StateCode ?? throw new InvalidOperationException("A StateAdmin always has a state.");
        var reviewer = await identity.FindByIdAsync(reviewerId);
        if (reviewer is null || reviewer.StateCode != state.Value || !await identity.IsInRoleAsync(reviewerId, Roles.Reviewer))
            throw new NotFoundException("Reviewer", reviewerId);
        scope.StateCode = state;
        await identity.SetSignInEnabledAsync(reviewerId, enabled);
    }
}
