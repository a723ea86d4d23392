using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Interfaces;

/// <summary>
/// Workforce counts along the dimensions beyond status and place: specialty endorsements and the voluntary
/// minimum data set. Each counts the credentials in force (active or on probation) on one day, as the histories say
/// that day, so a past month's figures do not change when later rows are added.
/// </summary>
public interface IWorkforceDimensions
{
    /// <summary>Endorsements in force on <paramref name="on"/>, by state, program, the holder's residence that day and endorsement code.</summary>
    Task<IReadOnlyList<EndorsementCountRow>> EndorsementsInForceAsync(DateOnly on, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken);

    /// <summary>Endorsements granted and withdrawn on days in [from, to], by state, program and code.</summary>
    Task<IReadOnlyList<EndorsementChangeRow>> EndorsementChangesAsync(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken);

    /// <summary>
    /// Credentials in force on <paramref name="on"/> by state and the holder's answer to each workforce question for
    /// that program, as of that day: about the person, the answers of their latest application or renewal (a question
    /// skipped there stays skipped); about their work, the latest answers of any occasion within the 12 months before
    /// it. A credential whose holder gave no answer to a question is not counted for it.
    /// </summary>
    Task<IReadOnlyList<SurveyAnswerCountRow>> SurveyAnswersInForceAsync(DateOnly on, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken);
}

public sealed record EndorsementCountRow(StateCode State, Guid ProgramId, StateCode? ResidenceState, string? County, string Code, int Count);

public sealed record EndorsementChangeRow(StateCode State, Guid ProgramId, string Code, int Granted, int Withdrawn);

/// <summary>
/// <see cref="Question"/> is a <see cref="SurveyQuestions"/> name; <see cref="Answer"/> the stored answer as text: an
/// enum name, a bit set's number (race and ethnicity, languages), whole hours, or <see cref="SurveyQuestions.Declined"/>.
/// </summary>
public sealed record SurveyAnswerCountRow(StateCode State, string Question, string Answer, int Count);

/// <summary>The names of the counted workforce questions.</summary>
public static class SurveyQuestions
{
    public const string RaceEthnicity = nameof(RaceEthnicity);
    public const string Gender = nameof(Gender);
    public const string Languages = nameof(Languages);
    public const string Veteran = nameof(Veteran);
    public const string Education = nameof(Education);
    public const string Employment = nameof(Employment);
    public const string Setting = nameof(Setting);
    public const string Hours = nameof(Hours);

    /// <summary>Hours answered "prefer not to say".</summary>
    public const string Declined = "Declined";
}
