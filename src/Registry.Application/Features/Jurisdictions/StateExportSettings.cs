namespace Registry.Application.Features.Jurisdictions;

/// <summary>How long a state's full export is kept before the cleanup job removes it (<c>Exports:StateExportDays</c>).</summary>
public sealed record StateExportSettings(int RetentionDays = 7)
{
    public const string Section = "Exports";

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
