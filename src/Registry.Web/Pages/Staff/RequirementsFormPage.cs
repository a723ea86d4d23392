using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Programs;
using Registry.Domain.Fees;

namespace Registry.Web.Pages.Staff;

/// <summary>A page with the one form of a program's requirements (<c>_RequirementsForm</c>): configuring a program and creating one.</summary>
public abstract class RequirementsFormPage : PageModel
{
    [BindProperty]
    public RequirementsModel Input { get; set; } = new();

    /// <summary>Training domains as lines "CODE; Name; hours", and reminder days as "90, 60, 30, 7": plain text, no script needed.</summary>
    [BindProperty]
    public string DomainLines { get; set; } = "";

    [BindProperty]
    public string ReminderDayList { get; set; } = "";

    // Checkbox lists bind to plain lists; the record's read-only lists would stay empty.
    [BindProperty]
    public List<string> Attestations { get; set; } = [];

    [BindProperty]
    public List<Guid> Reciprocity { get; set; } = [];

    /// <summary>The fee schedule, one line per kind of fee whether charged or not: a blank amount is not charged.</summary>
    [BindProperty]
    public List<FeeLine> Fees { get; set; } = [];

    /// <summary>The program's endorsements, one group of fields each, and one blank group to add another: a group left blank is not kept.</summary>
    [BindProperty]
    public List<EndorsementLine> Endorsements { get; set; } = [];

    public sealed class EndorsementLine
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? TrainingDomainCode { get; set; }
        public decimal? ExtraTrainingHours { get; set; }
        public int? MinimumAge { get; set; }
        public int? MaximumAge { get; set; }
        public int? MinimumPopulationSharePercent { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description)
            && string.IsNullOrWhiteSpace(TrainingDomainCode) && ExtraTrainingHours is null && MinimumAge is null && MaximumAge is null && MinimumPopulationSharePercent is null;
    }

    public sealed class FeeLine
    {
        public FeeKind Kind { get; set; }
        public decimal? Amount { get; set; }
        public decimal? HoldsPeerCredentialAmount { get; set; }
        public decimal? MilitaryOrVeteranAmount { get; set; }
    }

    public abstract IReadOnlyList<GetProgramConfiguration.Choice> AttestationChoices { get; }

    public abstract IReadOnlyList<GetProgramConfiguration.Choice> ReciprocityChoices { get; }

    /// <summary>Fills the form with <paramref name="requirements"/>.</summary>
    protected void Fill(RequirementsModel requirements)
    {
        Input = requirements;
        DomainLines = string.Join("\n", requirements.TrainingDomains.Select(d => $"{d.Code}; {d.Name}; {d.MinimumHours.ToString("0.##", CultureInfo.InvariantCulture)}"));
        ReminderDayList = string.Join(", ", requirements.ReminderDays);
        Attestations = [.. requirements.RequiredAttestations];
        Reciprocity = [.. requirements.ReciprocityProgramIds];
        Fees = Enum.GetValues<FeeKind>().Select(kind => requirements.Fees.SingleOrDefault(f => f.Kind == kind) is { } fee
            ? new FeeLine { Kind = kind, Amount = fee.Amount, HoldsPeerCredentialAmount = fee.HoldsPeerCredentialAmount, MilitaryOrVeteranAmount = fee.MilitaryOrVeteranAmount }
            : new FeeLine { Kind = kind }).ToList();
        Endorsements = [.. requirements.Endorsements.Select(e => new EndorsementLine
        {
            Code = e.Code, Name = e.Name, Description = e.Description, TrainingDomainCode = e.TrainingDomainCode, ExtraTrainingHours = e.ExtraTrainingHours,
            MinimumAge = e.MinimumAge, MaximumAge = e.MaximumAge, MinimumPopulationSharePercent = e.MinimumPopulationSharePercent,
        }), new EndorsementLine()];
    }

    /// <summary>The requirements the form was posted with; errors of the plain-text fields go to the model state.</summary>
    protected RequirementsModel PostedRequirements()
    {
        var domains = ParseDomains();
        var reminders = ReminderDayList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, out var day) ? day : -1).ToList();
        if (reminders.Contains(-1)) ModelState.AddModelError(nameof(ReminderDayList), "Write reminder days as whole numbers separated by commas, for example 90, 60, 30, 7.");
        if (domains is null) ModelState.AddModelError(nameof(DomainLines), "Write one domain a line as: CODE; Name; hours.");
        return Input with
        {
            TrainingDomains = domains ?? [], ReminderDays = reminders, RequiredAttestations = Attestations, ReciprocityProgramIds = Reciprocity, Fees = PostedFees(),
            Endorsements = PostedEndorsements(),
        };
    }

    /// <summary>The endorsement groups that are filled in; each group's errors go to its own fields, by the rules the command checks. A blank group is kept to add another.</summary>
    private List<RequirementsModel.EndorsementModel> PostedEndorsements()
    {
        var endorsements = new List<RequirementsModel.EndorsementModel>();
        var rules = new EndorsementValidator();
        for (var i = 0; i < Endorsements.Count; i++)
        {
            var line = Endorsements[i];
            if (line.IsBlank) continue;
            var endorsement = new RequirementsModel.EndorsementModel
            {
                Code = line.Code?.Trim() ?? "", Name = line.Name?.Trim() ?? "", Description = line.Description?.Trim() ?? "",
                TrainingDomainCode = string.IsNullOrWhiteSpace(line.TrainingDomainCode) ? null : line.TrainingDomainCode.Trim(),
                ExtraTrainingHours = line.ExtraTrainingHours, MinimumAge = line.MinimumAge, MaximumAge = line.MaximumAge,
                MinimumPopulationSharePercent = line.MinimumPopulationSharePercent,
            };
            foreach (var error in rules.Validate(endorsement).Errors) ModelState.AddModelError($"Endorsements[{i}].{error.PropertyName}", error.ErrorMessage);
            endorsements.Add(endorsement);
        }
        if (Endorsements.Count == 0 || !Endorsements[^1].IsBlank) Endorsements.Add(new EndorsementLine());
        return endorsements;
    }

    /// <summary>The fee lines with an amount; each line's errors go to its own fields, by the same rules the command checks.</summary>
    private List<RequirementsModel.FeeModel> PostedFees()
    {
        var fees = new List<RequirementsModel.FeeModel>();
        var rules = new FeeValidator();
        for (var i = 0; i < Fees.Count; i++)
        {
            var line = Fees[i];
            if (line.Amount is not { } amount)
            {
                if (line.HoldsPeerCredentialAmount is not null || line.MilitaryOrVeteranAmount is not null)
                    ModelState.AddModelError($"Fees[{i}].Amount", "Give the standard fee too, or leave the reduced fees blank.");
                continue;
            }
            var fee = new RequirementsModel.FeeModel
            {
                Kind = line.Kind, Amount = amount, HoldsPeerCredentialAmount = line.HoldsPeerCredentialAmount, MilitaryOrVeteranAmount = line.MilitaryOrVeteranAmount,
            };
            foreach (var error in rules.Validate(fee).Errors) ModelState.AddModelError($"Fees[{i}].{error.PropertyName}", error.ErrorMessage);
            fees.Add(fee);
        }
        return fees;
    }

    private List<RequirementsModel.DomainModel>? ParseDomains()
    {
        var domains = new List<RequirementsModel.DomainModel>();
        foreach (var line in DomainLines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var hours)) return null;
            domains.Add(new RequirementsModel.DomainModel(parts[0], parts[1], hours));
        }
        return domains;
    }
}
