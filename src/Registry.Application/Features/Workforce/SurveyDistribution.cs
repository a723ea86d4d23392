using System.Globalization;
using System.Numerics;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Workforce;

namespace Registry.Application.Features.Workforce;

/// <summary>
/// How the voluntary workforce questions are counted where they are shown in aggregate (open data, the state's own
/// page): every credential in force falls in exactly one category of each question, "Not answered" included, so a
/// state's categories add up to its credentials in force. Questions with several choices are counted by what a
/// person chose as a whole: one race or ethnicity, or "More than one"; English only, any Spanish, or other languages.
/// </summary>
public static class SurveyDistribution
{
    public const string NotAnswered = "Not answered";
    public const string PreferNotToSay = "Prefer not to say";

    /// <param name="Name">The <see cref="SurveyQuestions"/> name.</param>
    /// <param name="Category">The category of a stored answer (<see cref="SurveyAnswerCountRow.Answer"/>).</param>
    public sealed record Question(string Name, string Title, IReadOnlyList<string> Categories, Func<string, string> Category)
    {
        /// <summary>
        /// A state's count in each category, in <see cref="Categories"/> order: the answers counted, and "Not answered" the
        /// rest of <paramref name="inForce"/>, the state's credentials in force.
        /// </summary>
        public IReadOnlyList<int> Counts(IEnumerable<SurveyAnswerCountRow> stateAnswers, int inForce)
        {
            var answered = stateAnswers.Where(a => a.Question == Name).GroupBy(a => Category(a.Answer)).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
            var notAnswered = inForce - answered.Values.Sum();
            if (notAnswered < 0) throw new InvalidOperationException($"More answers to {Name} ({answered.Values.Sum()}) than credentials in force ({inForce}).");
            return [.. Categories.Select(c => c == NotAnswered ? notAnswered : answered.GetValueOrDefault(c))];
        }
    }

    /// <summary>One question's categories with their counts for one state; a null count is hidden to protect privacy.</summary>
    public sealed record PublishedAnswers(string Question, IReadOnlyList<(string Category, int? Count)> Categories, int? Total);

    /// <summary>
    /// One state's answers to every question as staff see them: each question a one-column table, suppressed together
    /// (they share their total, the state's credentials in force) — a count under 11 hidden, with as many others as keep
    /// it from being worked out.
    /// </summary>
    public static IReadOnlyList<PublishedAnswers> Published(IReadOnlyList<SurveyAnswerCountRow> stateAnswers, int inForce)
    {
        var tables = Questions.Select(q =>
        {
            var counts = q.Counts(stateAnswers, inForce);
            var cells = new int[counts.Count, 1];
            for (var c = 0; c < counts.Count; c++) cells[c, 0] = counts[c];
            return new CountTable(q.Title, q.Categories, ["Active peer specialists"], cells);
        }).ToList();
        var shared = tables.Skip(1).Select((t, i) => new SharedFigure(i + 1, t.GrandTotal, 0, tables[0].GrandTotal)).ToList();
        return [.. SmallCellSuppression.Apply(tables, shared).Select(s => new PublishedAnswers(s.Table.Title,
            [.. s.Table.RowLabels.Select((category, row) => (category, s.Published(new TableFigure(row, 0))))],
            s.Published(s.Table.GrandTotal)))];
    }

    private const string MoreThanOne = "More than one";
    private const string EnglishOnly = "English only";
    private const string AnySpanish = "Spanish, alone or with other languages";
    private const string OtherLanguages = "Other languages, no Spanish";

    private static readonly IReadOnlyDictionary<RaceEthnicity, string> RaceNames = new Dictionary<RaceEthnicity, string>
    {
        [RaceEthnicity.AmericanIndianOrAlaskaNative] = "American Indian or Alaska Native",
        [RaceEthnicity.Asian] = "Asian",
        [RaceEthnicity.BlackOrAfricanAmerican] = "Black or African American",
        [RaceEthnicity.HispanicOrLatino] = "Hispanic or Latino",
        [RaceEthnicity.MiddleEasternOrNorthAfrican] = "Middle Eastern or North African",
        [RaceEthnicity.NativeHawaiianOrPacificIslander] = "Native Hawaiian or Pacific Islander",
        [RaceEthnicity.White] = "White",
    };

    private static readonly IReadOnlyDictionary<EducationLevel, string> EducationNames = new Dictionary<EducationLevel, string>
    {
        [EducationLevel.LessThanHighSchool] = "Did not finish high school",
        [EducationLevel.HighSchoolOrEquivalent] = "High school diploma or GED",
        [EducationLevel.SomeCollege] = "Some college, no degree",
        [EducationLevel.AssociateDegree] = "Associate degree",
        [EducationLevel.BachelorsDegree] = "Bachelor's degree",
        [EducationLevel.GraduateDegree] = "Master's degree or higher",
    };

    private static readonly IReadOnlyDictionary<PracticeSetting, string> SettingNames = new Dictionary<PracticeSetting, string>
    {
        [PracticeSetting.CommunityMentalHealth] = "Community mental health",
        [PracticeSetting.SubstanceUseTreatment] = "Substance use treatment",
        [PracticeSetting.HospitalOrEmergencyDepartment] = "Hospital or emergency department",
        [PracticeSetting.Crisis] = "Crisis services",
        [PracticeSetting.Justice] = "Justice system",
        [PracticeSetting.RecoveryCommunityOrganization] = "Recovery community organization",
        [PracticeSetting.PeerRun] = "Peer-run organization",
        [PracticeSetting.School] = "School or college",
        [PracticeSetting.Other] = "Another setting",
    };

    // Declared after the names it reads: static fields are set in the order written.
    public static readonly IReadOnlyList<Question> Questions =
    [
        new(SurveyQuestions.RaceEthnicity, "Race and ethnicity",
            [.. RaceNames.Values, MoreThanOne, PreferNotToSay, NotAnswered], RaceCategory),
        new(SurveyQuestions.Gender, "Gender",
            ["Woman", "Man", "Non-binary", "Another gender", PreferNotToSay, NotAnswered], answer => Parse<GenderAnswer>(answer) switch
            {
                GenderAnswer.Woman => "Woman",
                GenderAnswer.Man => "Man",
                GenderAnswer.NonBinary => "Non-binary",
                GenderAnswer.AnotherGender => "Another gender",
                _ => PreferNotToSay,
            }),
        new(SurveyQuestions.Languages, "Languages used in peer work",
            [EnglishOnly, AnySpanish, OtherLanguages, PreferNotToSay, NotAnswered], LanguageCategory),
        new(SurveyQuestions.Veteran, "Served in the military",
            ["Veteran", "Not a veteran", PreferNotToSay, NotAnswered], answer => Parse<VeteranAnswer>(answer) switch
            {
                VeteranAnswer.Veteran => "Veteran",
                VeteranAnswer.NotVeteran => "Not a veteran",
                _ => PreferNotToSay,
            }),
        new(SurveyQuestions.Education, "Highest education",
            [.. EducationNames.Values, PreferNotToSay, NotAnswered], answer => EducationNames.GetValueOrDefault(Parse<EducationLevel>(answer), PreferNotToSay)),
        new(SurveyQuestions.Employment, "Work now (answers from the last 12 months)",
            ["Working in a peer role", "Working, not in a peer role", "Not working", PreferNotToSay, NotAnswered], answer => Parse<EmploymentAnswer>(answer) switch
            {
                EmploymentAnswer.PeerRole => "Working in a peer role",
                EmploymentAnswer.OtherRole => "Working, not in a peer role",
                EmploymentAnswer.NotWorking => "Not working",
                _ => PreferNotToSay,
            }),
        new(SurveyQuestions.Setting, "Setting of peer work (answers from the last 12 months)",
            [.. SettingNames.Values, PreferNotToSay, NotAnswered], answer => SettingNames.GetValueOrDefault(Parse<PracticeSetting>(answer), PreferNotToSay)),
        new(SurveyQuestions.Hours, "Hours of peer work a week (answers from the last 12 months)",
            ["None", "1 to 19", "20 to 34", "35 or more", PreferNotToSay, NotAnswered], answer => answer == SurveyQuestions.Declined ? PreferNotToSay
                : int.Parse(answer, CultureInfo.InvariantCulture) switch
                {
                    0 => "None",
                    < 20 => "1 to 19",
                    < 35 => "20 to 34",
                    _ => "35 or more",
                }),
    ];

    private static string RaceCategory(string answer)
    {
        var race = (RaceEthnicity)int.Parse(answer, CultureInfo.InvariantCulture);
        if (race.HasFlag(RaceEthnicity.PreferNotToSay)) return PreferNotToSay;
        return BitOperations.PopCount((uint)race) == 1 && RaceNames.TryGetValue(race, out var name) ? name : MoreThanOne;
    }

    private static string LanguageCategory(string answer)
    {
        var languages = (ServiceLanguages)int.Parse(answer, CultureInfo.InvariantCulture);
        return languages.HasFlag(ServiceLanguages.PreferNotToSay) ? PreferNotToSay
            : languages.HasFlag(ServiceLanguages.Spanish) ? AnySpanish
            : languages == ServiceLanguages.English ? EnglishOnly
            : OtherLanguages;
    }

    private static TEnum Parse<TEnum>(string answer) where TEnum : struct, Enum => Enum.Parse<TEnum>(answer);
}
