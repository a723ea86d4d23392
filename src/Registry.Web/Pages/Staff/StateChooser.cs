using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Pages.Staff;

/// <summary>
/// What <c>_StateChooser</c> shows a system administrator who has not yet named a state. Without <paramref name="Page"/>
/// each state links to its review queue, audit log and export; with it, to that page for the state
/// (<c>{Page}?State={code}</c>), named "{state}'s {Subject}".
/// </summary>
public sealed record StateChooser(string Introduction, IReadOnlyList<ListJurisdictions.Model> States, string? Page = null, string? Subject = null);
