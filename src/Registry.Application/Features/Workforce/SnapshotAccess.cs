using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Workforce;

/// <summary>Who reads every state's workforce snapshots: a SystemAdmin or a NationalAnalyst; a StateAdmin reads their own state's.</summary>
internal static class SnapshotAccess
{
    public static bool ReadsEveryState(ICurrentUser user) => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.NationalAnalyst);
}
