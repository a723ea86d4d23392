namespace Registry.Web.Pages.Applications;

/// <summary>Where the applicant fixes each line of the checklist, by the requirement's code (training, work, ce:ethics, attestation:…).</summary>
public static class RequirementPages
{
    /// <summary>The page (or the application page's exam section) where the requirement is met, and the link's words; null for what only staff record.</summary>
    public static (string Href, string Label)? For(Guid applicationId, string requirementCode)
    {
        var application = $"/Applications/{applicationId}";
        return requirementCode switch
        {
            _ when requirementCode.StartsWith("training", StringComparison.Ordinal) => ($"{application}/Training", "Your training"),
            "work" => ($"{application}/Work", "Your work experience"),
            "supervision" => ($"{application}/Supervision", "Your supervision"),
            "references" => ($"{application}/References", "Your references"),
            _ when requirementCode.StartsWith("attestation:", StringComparison.Ordinal) => ($"{application}/Attestations", "Your attestations"),
            _ when requirementCode.StartsWith("ce", StringComparison.Ordinal) => ($"{application}/ContinuingEducation", "Your continuing education"),
            "exam" => ("#exam", "About the exam"),
            _ => null,
        };
    }

    /// <summary>The page for the requirement, or the application's own page for what staff record (the exam, the CE audit).</summary>
    public static string PathFor(Guid applicationId, string requirementCode) =>
        For(applicationId, requirementCode) is { } place && !place.Href.StartsWith('#') ? place.Href : $"/Applications/{applicationId}";
}
