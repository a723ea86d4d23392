using System.Globalization;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Exams;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Eligibility;

/// <summary>One requirement of the program, what the applicant has, what is needed, and a plain sentence.</summary>
public sealed record RequirementResult(string Code, string Title, decimal Have, decimal Need, bool IsMet, bool NeededToSubmit, string Sentence);

public sealed record EligibilityResult(IReadOnlyList<RequirementResult> Requirements)
{
    /// <summary>The version of the program's requirements this result was computed against.</summary>
    public int RequirementsVersion { get; init; } = 1;

    /// <summary>A program that asks for nothing: everything is met.</summary>
    public static EligibilityResult NothingRequired { get; } = new([]);

    /// <summary>Everything the applicant can provide is there (the exam result is recorded by staff later).</summary>
    public bool ReadyToSubmit => Requirements.All(r => r.IsMet || !r.NeededToSubmit);

    public bool ReadyToApprove => Requirements.All(r => r.IsMet);

    public IReadOnlyList<RequirementResult> MissingToSubmit => Requirements.Where(r => !r.IsMet && r.NeededToSubmit).ToList();
}

/// <summary>What an application holds, as eligibility sees it.</summary>
public sealed record ApplicantRecords(
    IEnumerable<TrainingRecord> Training,
    IEnumerable<WorkExperience> Work,
    IEnumerable<SupervisionLog> Supervision,
    IEnumerable<Reference> References,
    IEnumerable<SignedAttestation> Attestations,
    IEnumerable<ExamAttempt> ExamAttempts)
{
    public IEnumerable<ContinuingEducationRecord> ContinuingEducation { get; init; } = [];

    public static ApplicantRecords Of(CertificationApplication application, IEnumerable<ExamAttempt> examAttempts) =>
        new(application.TrainingRecords, application.WorkExperience, application.SupervisionLogs, application.References, application.Attestations, examAttempts)
        {
            ContinuingEducation = application.ContinuingEducation,
        };
}

/// <summary>What a renewal or reinstatement is judged by besides the program's rules.</summary>
/// <param name="ExamPassedSince">For a reinstatement that needs the exam: a pass on or after this day (the lapsed expiry) counts.</param>
public sealed record ContinuingTerms(ApplicationType Type, bool SelectedForCeAudit, DateOnly ExamPassedSince);

/// <summary>
/// The eligibility rule: a pure function of the program's requirements (data), the applicant's records
/// and whether reciprocity applies. Applicants see it as their checklist; reviewers see the same list.
/// </summary>
public static class EligibilityCheck
{
    public static EligibilityResult Evaluate(ProgramRequirements rules, ApplicantRecords records, IReadOnlyDictionary<string, string> attestationTitles, bool byReciprocity)
    {
        var results = new List<RequirementResult>();
        var training = records.Training.Where(t => t.Review != RecordReview.Rejected).ToList();

        // Reciprocity: the credential already held covers training, work, supervision and the exam.
        if (!byReciprocity)
        {
            if (rules.TrainingHoursTotal > 0)
                results.Add(Hours("training", "Training", training.Sum(t => t.Hours), rules.TrainingHoursTotal, "training"));
            foreach (var domain in rules.TrainingDomains.Where(d => d.MinimumHours > 0))
                results.Add(Hours($"training:{domain.Code}", domain.Name, training.Where(t => t.DomainCode == domain.Code).Sum(t => t.Hours), domain.MinimumHours, $"{domain.Name.ToLowerInvariant()} training"));
            if (rules.SupervisedWorkHours > 0)
                results.Add(Hours("work", "Supervised work", records.Work.Where(w => w.Review != RecordReview.Rejected).Sum(w => w.Hours), rules.SupervisedWorkHours, "supervised work"));
            if (rules.SupervisionHours > 0)
                results.Add(Supervision(records.Supervision.ToList(), rules.SupervisionHours));
        }

        if (rules.ReferencesRequired > 0)
        {
            var references = records.References.ToList();
            var confirmed = references.Count(r => r.IsConfirmed);
            var waiting = references.Count - confirmed;
            results.Add(new("references", "References", confirmed, rules.ReferencesRequired, confirmed >= rules.ReferencesRequired, true,
                $"References confirmed: {confirmed} of {rules.ReferencesRequired}" + (waiting > 0 ? $" ({waiting} waiting for the referee)" : "") + "."));
        }

        results.AddRange(Attestations(rules, records, attestationTitles));

        if (rules.Exam is not null && !byReciprocity)
        {
            var passed = records.ExamAttempts.Where(a => a.Passed).OrderBy(a => a.TakenOn).FirstOrDefault();
            results.Add(new("exam", "Exam", passed is null ? 0 : 1, 1, passed is not null, false,
                passed is null ? "Exam: not yet passed. Staff record your result when the testing company reports it." : $"Exam: passed on {passed.TakenOn:MMMM d, yyyy}."));
        }
        return new EligibilityResult(results);
    }

    /// <summary>
    /// The checklist of a renewal or reinstatement: continuing-education hours and ethics hours (rejected
    /// entries do not count), the program's attestations signed again, the exam when a reinstatement needs it,
    /// and, for a renewal drawn for audit, every CE entry verified by staff before approval.
    /// </summary>
    public static EligibilityResult EvaluateContinuing(ProgramRequirements rules, ApplicantRecords records, IReadOnlyDictionary<string, string> attestationTitles, ContinuingTerms terms)
    {
        var results = new List<RequirementResult>();
        var reinstatement = terms.Type == ApplicationType.Reinstatement;
        var education = records.ContinuingEducation.ToList();
        var counted = education.Where(c => c.Review != RecordReview.Rejected).ToList();
        var needed = rules.ContinuingEducationHoursFor(reinstatement);
        if (needed > 0)
            results.Add(Hours("ce", "Continuing education", counted.Sum(c => c.Hours), needed, "continuing education"));
        if (rules.EthicsContinuingEducationHours > 0)
            results.Add(Hours("ce:ethics", "Ethics continuing education", counted.Where(c => c.IsEthics).Sum(c => c.Hours), rules.EthicsContinuingEducationHours, "ethics continuing education"));

        results.AddRange(Attestations(rules, records, attestationTitles));

        if (reinstatement && rules.ReinstatementRequiresExam && rules.Exam is not null)
        {
            var passed = records.ExamAttempts.Where(a => a.Passed && a.TakenOn >= terms.ExamPassedSince).OrderBy(a => a.TakenOn).FirstOrDefault();
            results.Add(new("exam", "Exam", passed is null ? 0 : 1, 1, passed is not null, false,
                passed is null ? $"Exam: reinstatement needs a pass on or after {terms.ExamPassedSince:MMMM d, yyyy}. Staff record your result when the testing company reports it."
                    : $"Exam: passed on {passed.TakenOn:MMMM d, yyyy}."));
        }

        if (terms.SelectedForCeAudit)
        {
            var verified = education.Count(c => c.Review == RecordReview.Verified);
            results.Add(new("ce-audit", "CE audit", verified, education.Count, verified == education.Count, false,
                $"CE audit: this renewal was drawn for an audit, so staff check the evidence of every continuing-education entry before approval ({verified} of {education.Count} verified)."));
        }
        return new EligibilityResult(results);
    }

    /// <summary>
    /// The checklist of an endorsement application: the endorsement's own extra requirements, judged from the
    /// applicant's training hours in its domain (every application's entries not rejected), their date of birth on
    /// <paramref name="applicationDay"/>, and the share of work hours with the population they stated (0 to 100; null
    /// when not yet stated).
    /// </summary>
    public static EligibilityResult EvaluateEndorsement(ProgramRequirements rules, EndorsementDefinition definition, IEnumerable<TrainingRecord> training,
        DateOnly? dateOfBirth, DateOnly applicationDay, int? workHoursSharePercent)
    {
        var domainHours = definition.TrainingDomainCode is { } domain
            ? training.Where(t => t.DomainCode == domain && t.Review != RecordReview.Rejected).Sum(t => t.Hours)
            : 0m;
        var programDomainHours = rules.TrainingDomains.SingleOrDefault(d => d.Code == definition.TrainingDomainCode)?.MinimumHours ?? 0m;
        var share = workHoursSharePercent ?? 0;
        return new EligibilityResult(definition.Evaluate(domainHours, programDomainHours, dateOfBirth, applicationDay, share, workHoursSharePercent is null ? 0 : 100));
    }

    private static IEnumerable<RequirementResult> Attestations(ProgramRequirements rules, ApplicantRecords records, IReadOnlyDictionary<string, string> attestationTitles)
    {
        var signed = records.Attestations.Select(a => a.Code).ToHashSet();
        foreach (var code in rules.RequiredAttestations)
        {
            var title = attestationTitles.TryGetValue(code, out var t) ? t : code;
            var isSigned = signed.Contains(code);
            yield return new($"attestation:{code}", title, isSigned ? 1 : 0, 1, isSigned, true, isSigned ? $"Signed: {title}." : $"Not yet signed: {title}.");
        }
    }

    private static RequirementResult Hours(string code, string title, decimal have, decimal need, string what) =>
        new(code, title, have, need, have >= need, true, $"{Capitalised(what)}: {Number(have)} of {Number(need)} hours.");

    private static RequirementResult Supervision(IReadOnlyList<SupervisionLog> logs, decimal need)
    {
        var confirmed = logs.Where(l => l.IsConfirmed).Sum(l => l.Hours);
        var pending = logs.Where(l => !l.IsConfirmed).Sum(l => l.Hours);
        var sentence = $"Supervision confirmed by your supervisor: {Number(confirmed)} of {Number(need)} hours" +
            (pending > 0 ? $" ({Number(pending)} hours waiting for confirmation)." : ".");
        return new("supervision", "Supervision", confirmed, need, confirmed >= need, true, sentence);
    }

    private static string Number(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
