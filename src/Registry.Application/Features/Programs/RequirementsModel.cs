using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Programs;

/// <summary>A program's requirements as a StateAdmin edits them; a change puts them all, so every number and switch is required in JSON.</summary>
public sealed record RequirementsModel
{
    [JsonRequired] public decimal TrainingHoursTotal { get; init; }
    public IReadOnlyList<DomainModel> TrainingDomains { get; init; } = [];
    [JsonRequired] public decimal SupervisedWorkHours { get; init; }
    [JsonRequired] public decimal SupervisionHours { get; init; }
    [JsonRequired] public int ReferencesRequired { get; init; }
    [JsonRequired] public bool HasExam { get; init; }
    [JsonRequired] public int ExamPassingScore { get; init; }
    [JsonRequired] public int ExamRetakeWaitDays { get; init; }
    [JsonRequired] public int ExamAttemptsAllowed { get; init; } = 1;
    [JsonRequired] public int ExamAttemptWindowDays { get; init; } = 365;

    /// <summary>How applicants register for the exam, in plain words (a web address, a phone number); null when not given.</summary>
    public string? ExamRegistration { get; init; }

    /// <summary>Days after a denial in which the applicant may appeal it; null when the program offers no appeal.</summary>
    public int? AppealWindowDays { get; init; }
    public IReadOnlyList<string> RequiredAttestations { get; init; } = [];
    [JsonRequired] public int RenewalCycleMonths { get; init; }
    public int? RenewsOnMonth { get; init; }
    public int? RenewsOnDay { get; init; }
    [JsonRequired] public decimal ContinuingEducationHours { get; init; }
    [JsonRequired] public decimal EthicsContinuingEducationHours { get; init; }
    [JsonRequired] public int CeAuditPercent { get; init; }

    /// <summary>CE hours to reinstate a lapsed credential; null for the same as a renewal.</summary>
    public decimal? ReinstatementContinuingEducationHours { get; init; }

    [JsonRequired] public bool ReinstatementRequiresExam { get; init; }
    [JsonRequired] public int GracePeriodDays { get; init; }
    [JsonRequired] public int RenewalWindowDays { get; init; }
    public IReadOnlyList<int> ReminderDays { get; init; } = [];
    public IReadOnlyList<Guid> ReciprocityProgramIds { get; init; } = [];

    /// <summary>The fee schedule in US dollars: one line per kind of fee charged; a kind left out (or an empty list) costs nothing.</summary>
    public IReadOnlyList<FeeModel> Fees { get; init; } = [];

    /// <summary>The specialty endorsements the program grants on its credentials (e.g. Y, youth), each with its optional extra requirements.</summary>
    public IReadOnlyList<EndorsementModel> Endorsements { get; init; } = [];

    /// <summary>One endorsement: a short code unique in the program, a name, a plain description, and optional extra requirements.</summary>
    public sealed record EndorsementModel
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";

        /// <summary>Extra training hours asked in one of the program's training domains (by its code), beyond what the credential asks; both or neither.</summary>
        public string? TrainingDomainCode { get; init; }

        public decimal? ExtraTrainingHours { get; init; }

        /// <summary>The age range on the day of application, in whole years (e.g. 18 to 29); either end optional.</summary>
        public int? MinimumAge { get; init; }

        public int? MaximumAge { get; init; }

        /// <summary>The least share, in percent, of the applicant's work hours spent with the population.</summary>
        public int? MinimumPopulationSharePercent { get; init; }

        public static EndorsementModel From(EndorsementDefinition e) => new()
        {
            Code = e.Code, Name = e.Name, Description = e.Description, TrainingDomainCode = e.TrainingDomainCode, ExtraTrainingHours = e.ExtraTrainingHours,
            MinimumAge = e.MinimumAge, MaximumAge = e.MaximumAge, MinimumPopulationSharePercent = e.MinimumPopulationSharePercent,
        };

        public EndorsementDefinition ToDefinition() =>
            new(Code, Name, Description, TrainingDomainCode, ExtraTrainingHours, MinimumAge, MaximumAge, MinimumPopulationSharePercent);
    }

    public sealed record DomainModel(string Code, string Name, [property: JsonRequired] decimal MinimumHours);

    /// <summary>One kind of fee: the standard amount, and optionally the reduced amount for a person who already holds a peer credential and the military or veteran amount.</summary>
    public sealed record FeeModel
    {
        [JsonRequired] public FeeKind Kind { get; init; }
        [JsonRequired] public decimal Amount { get; init; }
        public decimal? HoldsPeerCredentialAmount { get; init; }
        public decimal? MilitaryOrVeteranAmount { get; init; }
    }

    public static RequirementsModel From(ProgramRequirements r) => new()
    {
        TrainingHoursTotal = r.TrainingHoursTotal,
        TrainingDomains = r.TrainingDomains.Select(d => new DomainModel(d.Code, d.Name, d.MinimumHours)).ToList(),
        SupervisedWorkHours = r.SupervisedWorkHours, SupervisionHours = r.SupervisionHours, ReferencesRequired = r.ReferencesRequired,
        HasExam = r.Exam is not null, ExamPassingScore = r.Exam?.PassingScore ?? 0, ExamRetakeWaitDays = r.Exam?.RetakeWaitDays ?? 0,
        ExamAttemptsAllowed = r.Exam?.AttemptsAllowed ?? 1, ExamAttemptWindowDays = r.Exam?.AttemptWindowDays ?? 365,
        ExamRegistration = r.Exam?.Registration, AppealWindowDays = r.AppealWindowDays,
        RequiredAttestations = r.RequiredAttestations, RenewalCycleMonths = r.RenewalCycleMonths, RenewsOnMonth = r.RenewsOnMonth, RenewsOnDay = r.RenewsOnDay,
        ContinuingEducationHours = r.ContinuingEducationHours, EthicsContinuingEducationHours = r.EthicsContinuingEducationHours,
        CeAuditPercent = r.CeAuditPercent, ReinstatementContinuingEducationHours = r.ReinstatementContinuingEducationHours,
        ReinstatementRequiresExam = r.ReinstatementRequiresExam, GracePeriodDays = r.GracePeriodDays, RenewalWindowDays = r.RenewalWindowDays,
        ReminderDays = r.ReminderDays, ReciprocityProgramIds = r.ReciprocityProgramIds,
        Fees = r.Fees.Select(f => new FeeModel { Kind = f.Kind, Amount = f.Amount, HoldsPeerCredentialAmount = f.HoldsPeerCredentialAmount, MilitaryOrVeteranAmount = f.MilitaryOrVeteranAmount }).ToList(),
        Endorsements = r.Endorsements.Select(EndorsementModel.From).ToList(),
    };

    /// <summary>The domain's requirements; the domain refuses combinations that make no sense.</summary>
    public ProgramRequirements ToRequirements() => new(
        TrainingHoursTotal, TrainingDomains.Select(d => new TrainingDomainRequirement(d.Code.Trim().ToUpperInvariant(), d.Name, d.MinimumHours)),
        SupervisedWorkHours, SupervisionHours, ReferencesRequired,
        HasExam ? new ExamRequirement(ExamPassingScore, ExamRetakeWaitDays, ExamAttemptsAllowed, ExamAttemptWindowDays, ExamRegistration) : null,
        RequiredAttestations, RenewalCycleMonths, ContinuingEducationHours, EthicsContinuingEducationHours, GracePeriodDays, RenewalWindowDays,
        ReciprocityProgramIds, RenewsOnMonth is { } month && RenewsOnDay is { } day ? new RenewalDate(month, day) : null, CeAuditPercent, ReminderDays,
        ReinstatementContinuingEducationHours, ReinstatementRequiresExam, AppealWindowDays,
        Fees.Select(f => new FeeRate(f.Kind, f.Amount, f.HoldsPeerCredentialAmount, f.MilitaryOrVeteranAmount)),
        Endorsements.Select(e => e.ToDefinition()));

    /// <summary>The domain's requirements, once every attestation asked for has a published wording.</summary>
    public async Task<ProgramRequirements> ToKnownRequirementsAsync(IRegistryDbContext db, CancellationToken cancellationToken)
    {
        var known = await db.AttestationWordings.Select(w => w.Code).Distinct().ToListAsync(cancellationToken);
        var unknown = RequiredAttestations.Except(known).ToList();
        if (unknown.Count > 0) throw new NotFoundException("Attestation", string.Join(", ", unknown));
        return ToRequirements();
    }
}
