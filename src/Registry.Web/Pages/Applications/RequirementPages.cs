namespace Registry.Web.Pages.Applications;

/// <summary>Where the applicant fixes each line of the checklist, by the requirement's code (training, work, ce:ethics, attestation:…).</summary>
public static class RequirementPages
{
    /// <summary>The page for the requirement, or the application's own page for what staff record (the exam, the CE audit).</summary>
    public static string PathFor(Guid applicationId, string requirementCode) => $"/Applications/{applicationId}" + requirementCode.Split(':')[0] switch
    {
        "training" => "/Training",
        "work" => "/Work",
        "supervision" => "/Supervision",
        "references" => "/References",
        "ce" => "/ContinuingEducation",
        "attestation" => "/Attestations",
        _ => "",
    };
}
