using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Pages.Staff;

/// <summary>What <c>_StateChooser</c> shows a system administrator who has not yet named a state.</summary>
public sealed record StateChooser(string Introduction, IReadOnlyList<ListJurisdictions.Model> States);
