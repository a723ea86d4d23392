using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Time;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Documents;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Letters;

/// <summary>
/// Writes the formal letter of a decision, in the same unit of work as the decision, and keeps the PDF with the
/// application or the discipline case. The words are written here, once: the letter kept is the letter sent, and
/// later changes to a program or to the board's contact never reach it. No private field of the person (date of
/// birth, lived experience, disclosures) is read here; the reasons are the decision's own, written to the person.
/// </summary>
internal static class DecisionLetters
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static string Day(DateOnly date) => date.ToString("MMMM d, yyyy", English);

    /// <summary>
    /// An approval, a denial or a request for information about an application (tracked, after the decision);
    /// <paramref name="reason"/> is the one the status change recorded.
    /// </summary>
    public static async Task<DecisionLetter> ForApplicationAsync(IRegistryDbContext db, IDecisionLetterRenderer renderer, IRegistryCalendar calendar,
        CertificationApplication application, DecisionLetterKind kind, string? reason, Credential? credential, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == application.ProgramId).Select(p => new { p.Name, p.StateCode }).SingleAsync(cancellationToken);
        var endorsement = await EndorsementAppliedForAsync(db, application, cancellationToken);
        var person = await AddresseeAsync(db, application.PersonId, cancellationToken);
        var board = await BoardAsync(db, program.StateCode, cancellationToken);
        var today = await calendar.TodayAsync(program.StateCode, cancellationToken);
        var references = new List<LetterReference> { new("Program", program.Name), new("Application reference", application.Id.ToString()) };
        if (credential is not null) references.Add(new("Credential number", credential.Number.Value));
        if (endorsement is not null) references.Add(new("Endorsement", endorsement));
        // An endorsement application is named by its endorsement, e.g. "the Recovery Support endorsement (RS) of Texas Peer Specialist".
        var subject = endorsement is null ? program.Name : $"the {endorsement} endorsement of {program.Name}";
        var body = new List<string> { $"Dear {person.Greeting}," };
        string title, heading;
        switch (kind)
        {
            case DecisionLetterKind.Approval:
                var number = credential?.Number.Value;
                title = $"Approval of your application for {subject}";
                heading = "Your application is approved";
                body.Add($"We are glad to tell you that your application for {subject} was approved on {Day(today)}.");
                body.Add(application.Type switch
                {
                    ApplicationType.Renewal when credential is not null => $"Your credential {number} is renewed and is valid until {Day(credential.ExpiresOn)}.",
                    ApplicationType.Reinstatement when credential is not null => $"Your credential {number} is reinstated and is valid until {Day(credential.ExpiresOn)}.",
                    ApplicationType.Endorsement when credential is not null => $"Your credential {number} now carries the {endorsement} endorsement, for as long as the credential is in force.",
                    _ when credential is not null => $"Your credential number is {number}. It was issued on {Day(credential.IssuedOn)} and is valid until {Day(credential.ExpiresOn)}.",
                    _ => "Your credential is shown on your record when you sign in.",
                });
                body.Add("You can see your credential, its public record and your certificate when you sign in to the registry.");
                break;
            case DecisionLetterKind.Denial:
                title = $"Decision on your application for {subject}";
                heading = "Your application was not approved";
                body.Add($"We reviewed your application for {subject} and decided on {Day(today)} not to approve it.");
                body.Add($"The reason: {reason}");
                if (application.AppealUntil is { } lastDay)
                {
                    body.Add($"You may appeal this decision until {Day(lastDay)}.");
                    body.Add("How to appeal: sign in to the registry, open this application and choose \"Appeal this decision\". "
                        + "Explain in your own words why the decision should change. The board will tell you its answer in writing.");
                }
                else
                    body.Add("This program does not offer an appeal of a denial. You may apply again when you meet the requirements.");
                break;
            case DecisionLetterKind.InformationRequest:
                title = $"Request for information about your application for {subject}";
                heading = "We need more information about your application";
                body.Add($"On {Day(today)} a reviewer asked for more information before deciding on your application for {subject}.");
                body.Add($"What we need: {reason}");
                body.Add("Please sign in to the registry, answer the request and resubmit your application. The review goes on when you resubmit.");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a letter about an application.");
        }
        var letter = Letter(title, board, today, person.FullName, references, heading, body);
        return Keep(db, renderer, letter, kind, application.PersonId, program.StateCode, application.Id, credential?.Id, null, today, at);
    }

    /// <summary>The notice that opens a discipline case, or its decision (tracked, after the step).</summary>
    public static async Task<DecisionLetter> ForCaseAsync(IRegistryDbContext db, IDecisionLetterRenderer renderer, IRegistryCalendar calendar,
        Credential credential, DisciplineCase disciplineCase, DecisionLetterKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == credential.ProgramId).Select(p => p.Name).SingleAsync(cancellationToken);
        var person = await AddresseeAsync(db, credential.HolderPersonId, cancellationToken);
        var board = await BoardAsync(db, credential.StateCode, cancellationToken);
        var today = await calendar.TodayAsync(credential.StateCode, cancellationToken);
        var number = credential.Number.Value;
        var references = new List<LetterReference> { new("Credential number", number), new("Program", program) };
        var body = new List<string> { $"Dear {person.Greeting}," };
        string title, heading;
        switch (kind)
        {
            case DecisionLetterKind.DisciplineNotice:
                title = $"Notice about your credential {number}";
                heading = "A case has been opened about your credential";
                body.Add($"On {Day(today)} {board.Name} opened a case about your credential {number}. This is what the case is about:");
                body.Add(disciplineCase.Notice);
                body.Add($"Please respond by {Day(disciplineCase.ResponseDueOn)}. You can write your response when you sign in to the registry. "
                    + "The board reads your response before it decides.");
                break;
            case DecisionLetterKind.DisciplineDecision:
                title = $"Decision about your credential {number}";
                heading = "A decision in the case about your credential";
                body.Add($"On {Day(today)} the case about your credential {number} was {Outcome(disciplineCase, credential)}.");
                body.Add($"The reasons: {disciplineCase.DecisionNotes}");
                if (disciplineCase.AppealUntil is { } lastDay)
                    body.Add($"You may appeal this decision until {Day(lastDay)}. How to appeal: write to {board.Name} before that date, "
                        + "say which decision you appeal and why it should change. The ways to reach the board are below.");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a letter about a discipline case.");
        }
        var letter = Letter(title, board, today, person.FullName, references, heading, body);
        return Keep(db, renderer, letter, kind, credential.HolderPersonId, credential.StateCode, null, credential.Id, disciplineCase.Id, today, at);
    }

    private static string Outcome(DisciplineCase disciplineCase, Credential credential) => disciplineCase.Outcome switch
    {
        DisciplineOutcome.NoAction => "closed without action",
        DisciplineOutcome.Reprimand => "decided with a reprimand, which is shown on your public record",
        DisciplineOutcome.Probation => $"decided with probation until {(credential.RestrictionEndsOn is { } end ? Day(end) : "further notice")}, under these conditions: {credential.ProbationConditions}",
        DisciplineOutcome.Suspension => "decided with a suspension" + (credential.RestrictionEndsOn is { } until ? $" until {Day(until)}" : ""),
        _ => "decided with revocation of the credential",
    };

    private static LetterText Letter(string title, BoardContactDetails board, DateOnly today, string fullName, List<LetterReference> references, string heading, List<string> body)
    {
        if (board.Sentence("Questions about this letter?") is { } contact) body.Add(contact);
        return new LetterText(title, board, today, fullName, references, heading, body);
    }

    private static DecisionLetter Keep(IRegistryDbContext db, IDecisionLetterRenderer renderer, LetterText text, DecisionLetterKind kind, Guid personId, StateCode state,
        Guid? applicationId, Guid? credentialId, Guid? caseId, DateOnly today, DateTimeOffset at)
    {
        var fileName = $"{FileNameOf(kind)}-{today:yyyy-MM-dd}.pdf";
        var letter = new DecisionLetter(personId, state, kind, applicationId, credentialId, caseId, fileName, renderer.Render(text), at);
        db.DecisionLetters.Add(letter);
        return letter;
    }

    private static string FileNameOf(DecisionLetterKind kind) => kind switch
    {
        DecisionLetterKind.Approval => "approval-letter",
        DecisionLetterKind.Denial => "decision-letter",
        DecisionLetterKind.InformationRequest => "request-for-information",
        DecisionLetterKind.DisciplineNotice => "notice-of-case",
        _ => "decision-about-credential",
    };

    private sealed record Addressee(string FullName, string Greeting);

    /// <summary>For an endorsement application: the endorsement's name and code, e.g. "Recovery Support (RS)"; null for other applications.</summary>
    public static async Task<string?> EndorsementAppliedForAsync(IRegistryDbContext db, CertificationApplication application, CancellationToken cancellationToken)
    {
        if (application.EndorsementCode is not { } code) return null;
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
        return program.Requirements.Endorsement(code) is { } definition ? $"{definition.Name} ({definition.Code})" : code;
    }

    private static Task<Addressee> AddresseeAsync(IRegistryDbContext db, Guid personId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new Addressee(p.LegalFirstName + " " + p.LegalLastName, p.PreferredName ?? p.LegalFirstName))
            .SingleAsync(cancellationToken);

    private static async Task<BoardContactDetails> BoardAsync(IRegistryDbContext db, StateCode state, CancellationToken cancellationToken) =>
        await BoardContacts.OfStateAsync(db, state, cancellationToken) ?? new BoardContactDetails($"{state.Value} peer certification board", null, null, null, null);
}
