using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Uploads;
using Registry.Domain.Common;
using Registry.Domain.Exams;

namespace Registry.Application.Features.Exams;

/// <summary>
/// State staff import the testing vendor's results file. All or nothing: every row is checked first, and
/// if any row is bad nothing is written and every bad row is reported. Rows already imported are skipped,
/// so importing the same file twice changes nothing.
/// </summary>
public static class ImportExamResults
{
    public const int MaximumBytes = 5 * 1024 * 1024;
    public const int MaximumRows = 10_000;

    private static readonly SpreadsheetUpload Upload = new(nameof(Command.File), MaximumBytes, MaximumRows);

    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid ProgramId, Stream File, string FileName) : ICommand<Outcome>, IProgramScoped;

    public sealed record RowProblem(int Row, string Reason);

    /// <summary>Refused when Problems is not empty; then nothing was written.</summary>
    public sealed record Outcome(int Imported, int AlreadyPresent, IReadOnlyList<RowProblem> Problems)
    {
        public bool Refused => Problems.Count > 0;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.FileName).MaximumLength(255);
    }

    private sealed record Candidate(ExamResultRow Row, Guid PersonId, DateOnly TakenOn, int Score);

    public sealed class Handler(IRegistryDbContext db, IExamResultsReader reader, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var bytes = await Upload.ReadAsync(command.File, "Choose a results file; the file chosen is empty.",
                "The file is larger than 5 MB; split it into smaller files.", cancellationToken);
            var sheet = reader.Read(bytes);
            Upload.CheckSheet(sheet.Problem, sheet.Rows.Count, "The file has a header row but no results under it.",
                $"The file has {sheet.Rows.Count:N0} results; at most {MaximumRows:N0} can be imported at once.");

            var program = await db.Programs.SingleAsync(p => p.Id == command.ProgramId, cancellationToken);
            var exam = program.Requirements.Exam ?? throw new DomainRuleException("This program has no exam.");
            var today = await calendar.TodayAsync(program.StateCode, cancellationToken);
            var problems = new List<RowProblem>();
            var people = await CandidatesAsync(command.ProgramId, sheet.Rows, cancellationToken);

            var parsed = new List<Candidate>();
            foreach (var row in sheet.Rows)
            {
                var reason = Parse(row, people, today, out var candidate);
                if (reason is null) parsed.Add(candidate!);
                else problems.Add(new(row.RowNumber, reason));
            }

            var personIds = parsed.Select(c => c.PersonId).Distinct().ToList();
            var existing = (await db.ExamAttempts.Where(a => a.ProgramId == command.ProgramId && personIds.Contains(a.PersonId))
                    .Select(a => new { a.PersonId, a.TakenOn, a.Score, a.Passed }).ToListAsync(cancellationToken))
                .ToLookup(a => a.PersonId);

            var toAdd = new List<(Candidate Row, int Number, bool Passed)>();
            var alreadyPresent = 0;
            foreach (var person in parsed.GroupBy(c => c.PersonId))
            {
                var history = existing[person.Key].Select(a => (a.TakenOn, a.Passed)).ToList();
                var seen = new Dictionary<DateOnly, int>();
                foreach (var candidate in person.OrderBy(c => c.TakenOn).ThenBy(c => c.Row.RowNumber))
                {
                    if (seen.TryAdd(candidate.TakenOn, candidate.Row.RowNumber) is false)
                    {
                        problems.Add(new(candidate.Row.RowNumber, $"Duplicate of row {seen[candidate.TakenOn]}: the same person and exam date appear twice in the file."));
                        continue;
                    }
                    if (existing[person.Key].FirstOrDefault(a => a.TakenOn == candidate.TakenOn) is { } recorded)
                    {
                        if (recorded.Score == candidate.Score) alreadyPresent++;
                        else problems.Add(new(candidate.Row.RowNumber, $"A different score ({recorded.Score}) is already recorded for this person on {candidate.TakenOn:yyyy-MM-dd}."));
                        continue;
                    }
                    if (new ExamRetakeRules(exam, history).RefusalToRecord(candidate.TakenOn) is { } refusal)
                    {
                        problems.Add(new(candidate.Row.RowNumber, refusal));
                        continue;
                    }
                    var passed = exam.IsPassing(candidate.Score);
                    history.Add((candidate.TakenOn, passed));
                    toAdd.Add((candidate, history.Count, passed));
                }
            }

            if (problems.Count > 0) return new Outcome(0, 0, problems.OrderBy(p => p.Row).ToList());

            var now = clock.GetUtcNow();
            foreach (var (candidate, number, _) in toAdd)
                db.ExamAttempts.Add(new ExamAttempt(candidate.PersonId, command.ProgramId, exam, candidate.TakenOn, candidate.Score, number, user.UserId!.Value, now));
            return new Outcome(toAdd.Count, alreadyPresent, []);
        }

        /// <summary>The people the file names who have an application for this program, by id and by lower-case e-mail.</summary>
        private async Task<Dictionary<string, Guid>> CandidatesAsync(Guid programId, IReadOnlyList<ExamResultRow> rows, CancellationToken cancellationToken)
        {
            var ids = rows.Select(r => Guid.TryParse(r.CandidateId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
            var emails = rows.Where(r => string.IsNullOrWhiteSpace(r.CandidateId) && !string.IsNullOrWhiteSpace(r.Email))
                .Select(r => r.Email!.Trim().ToLowerInvariant()).Distinct().ToList();
            var found = await db.People
                .Where(p => ids.Contains(p.Id) || emails.Contains(p.Email!.ToLower()))
                .Where(p => db.Applications.Any(a => a.PersonId == p.Id && a.ProgramId == programId))
                .Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken);
            var known = await db.People.Where(p => ids.Contains(p.Id) || emails.Contains(p.Email!.ToLower()))
                .Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken);
            var map = new Dictionary<string, Guid>();
            foreach (var p in known)
            {
                map[p.Id.ToString()] = Guid.Empty;
                if (p.Email is { } email) map[email.ToLowerInvariant()] = Guid.Empty;
            }
            foreach (var p in found)
            {
                map[p.Id.ToString()] = p.Id;
                if (p.Email is { } email) map[email.ToLowerInvariant()] = p.Id;
            }
            return map;
        }

        /// <summary>Why the row cannot be imported, or null with the candidate it names.</summary>
        private static string? Parse(ExamResultRow row, Dictionary<string, Guid> people, DateOnly today, out Candidate? candidate)
        {
            candidate = null;
            string key;
            if (!string.IsNullOrWhiteSpace(row.CandidateId))
            {
                if (!Guid.TryParse(row.CandidateId.Trim(), out var id)) return $"The candidate id '{SpreadsheetUpload.Shorten(row.CandidateId)}' is not a valid id.";
                key = id.ToString();
            }
            else if (!string.IsNullOrWhiteSpace(row.Email)) key = row.Email.Trim().ToLowerInvariant();
            else return "The row names no candidate (candidate id or e-mail).";

            if (!people.TryGetValue(key, out var personId)) return "Unknown candidate: no person with this id or e-mail.";
            if (personId == Guid.Empty) return "The candidate has no application for this program.";

            DateOnly takenOn;
            if (row.ExamDate is { } cellDate) takenOn = cellDate;
            else if (string.IsNullOrWhiteSpace(row.ExamDateText)) return "The exam date is missing.";
            else if (!DateOnly.TryParseExact(row.ExamDateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out takenOn))
                return $"The exam date '{SpreadsheetUpload.Shorten(row.ExamDateText)}' is not a date in the form yyyy-mm-dd.";
            if (takenOn > today) return $"The exam date {takenOn:yyyy-MM-dd} is in the future.";

            if (!int.TryParse(row.Score?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score) || score is < 0 or > RecordExamAttempt.MaximumScore)
                return $"The score '{SpreadsheetUpload.Shorten(row.Score)}' is not a whole number from 0 to {RecordExamAttempt.MaximumScore}.";

            candidate = new Candidate(row, personId, takenOn, score);
            return null;
        }
    }
}
