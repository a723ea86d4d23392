namespace Registry.Web.Pages.Account;

/// <summary>One labelled USWDS text input for the _TextField partial: its hint, its errors, and whether it is private.</summary>
public sealed record TextField(string Name, string Label, string? Value, string Type = "text", string? Autocomplete = null,
    string? Hint = null, bool Private = false, string? InputMode = null, string? Width = null)
{
    public const string PrivateHint = "Only you and your state's registry staff can see this.";
}
