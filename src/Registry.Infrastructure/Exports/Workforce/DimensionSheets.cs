using ClosedXML.Excel;
using Registry.Application.Features.Workforce;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// The workforce workbook's Endorsements sheet (each program's specialty endorsements: in force on the period's last day,
/// granted and withdrawn in the period) and Workforce answers sheet (each state's answers to the voluntary questions on
/// the last day, small counts hidden as on the dashboard).
/// </summary>
internal static class DimensionSheets
{
    public const string EndorsementsSheet = "Endorsements";
    public const string AnswersSheet = "Workforce answers";
    public const string Hidden = "fewer than 11 or hidden";

    public static readonly IReadOnlyList<(string Term, string Meaning)> Definitions =
    [
        ("Endorsements in force", "Specialty endorsements granted on or before the period's last day, not withdrawn by then, on a credential active (or on probation) that day. A person with two endorsements counts under each."),
        ("Endorsements granted, withdrawn", "Endorsements granted, or withdrawn, on a day inside the period."),
        ("Workforce answers", "Voluntary answers of the peer specialists active on the period's last day: about the person, their latest application's or renewal's answers; about their work, their latest answers of the 12 months before that day. 'Not answered' counts those who skipped the question or were not asked. The answers are private, so a count under 11 is hidden ('" + Hidden + "'), with as many others as keep it from being worked out from the total."),
    ];

    public static void Write(XLWorkbook workbook, WorkforceReport report)
    {
        var dimensions = report.Dimensions;
        var endorsements = workbook.Worksheets.Add(EndorsementsSheet);
        var headerRow = WorkforceWorkbook.WriteHeading(endorsements, "Specialty endorsements", report, [], null);
        WorkforceWorkbook.WriteTable(endorsements, headerRow, "Endorsements",
            [("State", 8), ("Program code", 14), ("Endorsement code", 14), ("Endorsement", 36), ("In force", 13), ("Granted in period", 13), ("Withdrawn in period", 13)],
            dimensions.Endorsements.Select(e => new object?[] { e.StateCode, e.ProgramCode, e.Code, e.Name, e.InForce, e.Granted, e.Withdrawn }),
            [WorkforceWorkbook.TotalLabel, null, null, null, dimensions.Endorsements.Sum(e => e.InForce), dimensions.Endorsements.Sum(e => e.Granted),
             dimensions.Endorsements.Sum(e => e.Withdrawn)]);
        endorsements.SheetView.FreezeRows(headerRow);

        var answers = workbook.Worksheets.Add(AnswersSheet);
        headerRow = WorkforceWorkbook.WriteHeading(answers, "Voluntary workforce answers of active peer specialists", report, [], null);
        var rows = dimensions.Answers.SelectMany(state => state.Questions.SelectMany(question => question.Categories
            .Select(c => new object?[] { state.StateCode, question.Question, c.Category, (object?)c.Count ?? Hidden })
            .Append([state.StateCode, question.Question, WorkforceWorkbook.TotalLabel, (object?)question.Total ?? Hidden])));
        WorkforceWorkbook.WriteTable(answers, headerRow, "WorkforceAnswers", [("State", 8), ("Question", 40), ("Answer", 40), ("Active peer specialists", 16)], rows, null);
        answers.SheetView.FreezeRows(headerRow);
    }
}
