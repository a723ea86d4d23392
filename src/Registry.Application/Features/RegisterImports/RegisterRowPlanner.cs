using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Application.Features.RegisterImports;

/// <summary>
/// Works out, a chunk of rows at a time, what each row of a register file does: the person it matches (same e-mail,
/// case-insensitive; or same legal names and date of birth; or one an earlier row of the file creates) or creates,
/// and the credential it creates, or that it was imported before unchanged; or, column by column, what is wrong.
/// The dry run and the import run the same checks, so the import re-checks every row against the registry as it is then.
/// What it remembers across chunks (numbers seen, people the file creates) is a few strings a row.
/// </summary>
public sealed partial class RegisterRowPlanner(IRegistryDbContext db, RegisterImport import, IReadOnlyList<CredentialProgram> programs,
    IReadOnlyDictionary<string, string> otherStatesPrograms, DateOnly today, DateTimeOffset at)
{
    public const int ChunkSize = 1000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy"];
    private readonly Dictionary<string, int> _numbersSeen = [];
    private readonly Dictionary<string, (Guid PersonId, int Row)> _peopleCreated = [];
    private readonly Dictionary<int, int> _highestSequence = [];

    public int Rows { get; private set; }
    public int Problems { get; private set; }
    public int NewPeople { get; private set; }
    public int MatchedPeople { get; private set; }
    public int NewCredentials { get; private set; }
    public int Unchanged { get; private set; }

    public RegisterImportCounts Counts => new(Rows, Problems, NewPeople, MatchedPeople, NewCredentials, Unchanged);

    /// <summary>What one row does: a problem (Message says what is wrong), or what it creates (Person and Credential when new).</summary>
    public sealed record Plan(int Row, RegisterRowOutcome Outcome, string Message, Person? NewPerson, Credential? NewCredential);

    private sealed record Parsed(RegisterRow Row, CredentialProgram Program, ImportedCredential Credential, string FirstName, string LastName,
        string? Email, string? Phone, DateOnly? DateOfBirth);

    public async Task<IReadOnlyList<Plan>> PlanAsync(IReadOnlyList<RegisterRow> chunk, CancellationToken cancellationToken)
    {
        var parsed = new List<(RegisterRow Row, Parsed? Parsed, List<string> Problems)>(chunk.Count);
        foreach (var row in chunk)
        {
            var problems = new List<string>();
            parsed.Add((row, Parse(row, problems), problems));
        }

        var numbers = parsed.Where(p => p.Parsed is not null).Select(p => p.Parsed!.Credential.Number).Distinct().ToList();
        var existing = (await db.Credentials.AsNoTracking().Where(c => numbers.Contains(c.Number))
                .Select(c => new { c.Number, c.HolderPersonId, c.ProgramId, c.Status, c.IssuedOn, c.ExpiresOn }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Number.Value);
        var emails = parsed.Select(p => p.Parsed?.Email?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
        var byEmail = (await db.People.AsNoTracking().Where(p => p.Email != null && emails.Contains(p.Email.ToLower()))
                .Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken))
            .GroupBy(p => p.Email!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Min(p => p.Id));
        var births = parsed.Select(p => p.Parsed?.DateOfBirth).OfType<DateOnly>().Distinct().ToList();
        var lastNames = parsed.Where(p => p.Parsed?.DateOfBirth is not null).Select(p => p.Parsed!.LastName.ToLowerInvariant()).Distinct().ToList();
        var byNameAndBirth = births.Count == 0 ? [] : (await db.People.AsNoTracking()
                .Where(p => p.DateOfBirth != null && births.Contains(p.DateOfBirth.Value) && lastNames.Contains(p.LegalLastName.ToLower()))
                .Select(p => new { p.Id, p.LegalFirstName, p.LegalLastName, p.DateOfBirth }).ToListAsync(cancellationToken))
            .GroupBy(p => NameKey(p.LegalFirstName, p.LegalLastName, p.DateOfBirth!.Value)).ToDictionary(g => g.Key, g => g.Min(p => p.Id));

        var plans = new List<Plan>(chunk.Count);
        foreach (var (row, found, problems) in parsed)
        {
            Rows++;
            var plan = found is null ? null : Decide(found, problems, existing.GetValueOrDefault(found.Credential.Number.Value) is { } c
                ? (c.HolderPersonId, c.ProgramId, c.Status, c.IssuedOn, c.ExpiresOn) : null, byEmail, byNameAndBirth);
            if (plan is null || problems.Count > 0)
            {
                Problems++;
                plans.Add(new Plan(row.Number, RegisterRowOutcome.Problem, string.Join(" ", problems), null, null));
                continue;
            }
            plans.Add(plan);
        }
        return plans;
    }

    /// <summary>The highest imported sequence of each program, to continue numbering after.</summary>
    public IReadOnlyDictionary<Guid, int> HighestSequences =>
        _highestSequence.ToDictionary(p => programs[p.Key].Id, p => p.Value);

    private Plan? Decide(Parsed row, List<string> problems, (Guid Holder, Guid ProgramId, CredentialStatus Status, DateOnly IssuedOn, DateOnly ExpiresOn)? existing,
        Dictionary<string, Guid> byEmail, Dictionary<string, Guid> byNameAndBirth)
    {
        var number = row.Credential.Number;
        if (_numbersSeen.TryGetValue(number.Value, out var earlier))
        {
            problems.Add($"{RegisterColumns.CredentialNumber}: {number} is also on row {earlier:N0}; each credential can be in the file once.");
            return null;
        }
        _numbersSeen[number.Value] = row.Row.Number;

        var emailKey = row.Email?.ToLowerInvariant();
        var nameKey = row.DateOfBirth is { } born ? NameKey(row.FirstName, row.LastName, born) : null;
        (Guid Id, RegisterRowOutcome Outcome, string Said)? person =
            emailKey is not null && byEmail.TryGetValue(emailKey, out var sameEmail) ? (sameEmail, RegisterRowOutcome.SameEmail, "matches a person already in the registry (same e-mail)")
            : emailKey is not null && _peopleCreated.TryGetValue("@" + emailKey, out var fileEmail) ? (fileEmail.PersonId, RegisterRowOutcome.PersonOfEarlierRow, $"is the person of row {fileEmail.Row:N0} (same e-mail)")
            : nameKey is not null && byNameAndBirth.TryGetValue(nameKey, out var sameName) ? (sameName, RegisterRowOutcome.SameNameAndBirthDate, "matches a person already in the registry (same name and date of birth)")
            : nameKey is not null && _peopleCreated.TryGetValue(nameKey, out var fileName) ? (fileName.PersonId, RegisterRowOutcome.PersonOfEarlierRow, $"is the person of row {fileName.Row:N0} (same name and date of birth)")
            : null;

        if (existing is { } held)
        {
            if (person?.Id != held.Holder)
            {
                problems.Add($"{RegisterColumns.CredentialNumber}: {number} is already held by another person in the registry.");
                return null;
            }
            if (held.ProgramId != row.Program.Id || held.Status != row.Credential.Status || held.IssuedOn != row.Credential.IssuedOn || held.ExpiresOn != row.Credential.ExpiresOn)
            {
                problems.Add($"{RegisterColumns.CredentialNumber}: {number} is already in the registry with other details ({held.Status}, issued on {held.IssuedOn:yyyy-MM-dd}, " +
                             $"expires on {held.ExpiresOn:yyyy-MM-dd}); an import does not change credentials already here.");
                return null;
            }
            Unchanged++;
            return new Plan(row.Row.Number, RegisterRowOutcome.Unchanged, $"Already imported, unchanged: {number}.", null, null);
        }

        Person? newPerson = null;
        try
        {
            if (person is null)
            {
                newPerson = new Person(row.FirstName, row.LastName, row.Email!);
                newPerson.UpdateContact(row.Phone, row.DateOfBirth, null);
            }
            var credential = Credential.Import(row.Program, person?.Id ?? newPerson!.Id, row.Credential,
                new ImportSource(import.Id, row.Row.Number, today), import.SubmittedByUserId, at);
            var index = IndexOf(row.Program);
            _highestSequence[index] = Math.Max(_highestSequence.GetValueOrDefault(index), number.Sequence);
            NewCredentials++;
            if (newPerson is null)
            {
                if (person!.Value.Outcome != RegisterRowOutcome.PersonOfEarlierRow) MatchedPeople++;
                return new Plan(row.Row.Number, person!.Value.Outcome, $"New credential {number}; the holder {person.Value.Said}.", null, credential);
            }
            NewPeople++;
            if (emailKey is not null) _peopleCreated["@" + emailKey] = (newPerson.Id, row.Row.Number);
            if (nameKey is not null) _peopleCreated[nameKey] = (newPerson.Id, row.Row.Number);
            return new Plan(row.Row.Number, RegisterRowOutcome.NewPerson, $"New person and new credential {number}.", newPerson, credential);
        }
        catch (DomainRuleException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }

    private int IndexOf(CredentialProgram program)
    {
        for (var i = 0; i < programs.Count; i++)
            if (programs[i].Id == program.Id) return i;
        throw new InvalidOperationException("The program is not one of the import's state.");
    }

    private Parsed? Parse(RegisterRow row, List<string> problems)
    {
        var program = ProgramOf(row[RegisterColumns.Program], problems);
        var number = NumberOf(row[RegisterColumns.CredentialNumber], program, problems);
        var first = Name(row[RegisterColumns.FirstName], RegisterColumns.FirstName, problems);
        var last = Name(row[RegisterColumns.LastName], RegisterColumns.LastName, problems);
        var email = Text(row[RegisterColumns.Email]);
        if (email is not null && (email.Length > 256 || email.Contains(' ') || email.IndexOf('@') is <= 0 || email.EndsWith('@')))
            problems.Add($"{RegisterColumns.Email}: '{Shorten(email)}' is not an e-mail address.");
        var phone = Text(row[RegisterColumns.Phone]);
        if (phone is not null && (phone.Length > 32 || !phone.Any(char.IsAsciiDigit)))
            problems.Add($"{RegisterColumns.Phone}: '{Shorten(phone)}' is not a phone number (at most 32 characters).");
        // A date of birth is private: a problem with it never quotes it.
        var born = DateOf(row[RegisterColumns.DateOfBirth], RegisterColumns.DateOfBirth, problems, required: false, quote: false);
        if (born > today) problems.Add($"{RegisterColumns.DateOfBirth}: the date is in the future.");
        var status = StatusOf(row[RegisterColumns.Status], problems);
        var issued = DateOf(row[RegisterColumns.IssuedOn], RegisterColumns.IssuedOn, problems, required: true);
        if (issued > today) problems.Add($"{RegisterColumns.IssuedOn}: {issued:yyyy-MM-dd} is in the future.");
        var expires = DateOf(row[RegisterColumns.ExpiresOn], RegisterColumns.ExpiresOn, problems, required: true);
        if (issued is { } i && expires is { } x && x <= i)
            problems.Add($"{RegisterColumns.ExpiresOn}: {x:yyyy-MM-dd} is not after the issue date {i:yyyy-MM-dd}.");
        var since = DateOf(row[RegisterColumns.StatusSince], RegisterColumns.StatusSince, problems, required: false);
        if (since > today) problems.Add($"{RegisterColumns.StatusSince}: {since:yyyy-MM-dd} is in the future.");
        var actions = ActionsOf(row[RegisterColumns.Discipline], problems);
        var note = CeNote(row[RegisterColumns.CeHours], problems);
        if (problems.Count > 0) return null;
        return new Parsed(row, program!, new ImportedCredential(number!, issued!.Value, expires!.Value, status!.Value, since, actions, note), first!, last!, email, phone, born);
    }

    private CredentialProgram? ProgramOf(RegisterCell cell, List<string> problems)
    {
        var code = Text(cell);
        if (code is null)
        {
            problems.Add($"{RegisterColumns.Program}: the program code is missing.");
            return null;
        }
        var program = programs.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
        if (program is not null) return program;
        problems.Add(otherStatesPrograms.TryGetValue(code.ToUpperInvariant(), out var state)
            ? $"{RegisterColumns.Program}: {code.ToUpperInvariant()} is a program of {state}, not of {import.StateCode}; import it there."
            : $"{RegisterColumns.Program}: '{Shorten(code)}' is not a program of {import.StateCode}; {(programs.Count == 0 ? "the state has no programs yet" : $"its programs are {string.Join(", ", programs.Select(p => p.Code))}")}.");
        return null;
    }

    private CredentialNumber? NumberOf(RegisterCell cell, CredentialProgram? program, List<string> problems)
    {
        var text = Text(cell);
        if (text is null)
        {
            problems.Add($"{RegisterColumns.CredentialNumber}: the credential number is missing.");
            return null;
        }
        if (program is null) return null;
        if (CredentialNumber.TryParseForProgram(text, program.StateCode, program.Code, out var number, out _)) return number;
        problems.Add($"{RegisterColumns.CredentialNumber}: '{Shorten(text)}' is not a credential number of {program.Code}; write it as " +
                     $"{CredentialNumber.Create(program.StateCode, program.Code, 123)} or as its digits alone (123, at most six).");
        return null;
    }

    private static string? Name(RegisterCell cell, string column, List<string> problems)
    {
        var text = Text(cell);
        if (text is null) problems.Add($"{column}: the name is missing.");
        else if (text.Length > 100 || !ReadableText.IsReadable(text)) problems.Add($"{column}: the name must be readable text of at most 100 characters.");
        else return text;
        return null;
    }

    private static CredentialStatus? StatusOf(RegisterCell cell, List<string> problems)
    {
        var text = Text(cell);
        var status = Enum.GetValues<CredentialStatus>().Where(s => string.Equals(s.ToString(), text, StringComparison.OrdinalIgnoreCase)).Select(s => (CredentialStatus?)s).FirstOrDefault();
        if (status is null)
            problems.Add(text is null
                ? $"{RegisterColumns.Status}: the status is missing."
                : $"{RegisterColumns.Status}: '{Shorten(text)}' is not a status the registry has; use one of {string.Join(", ", Enum.GetNames<CredentialStatus>())}.");
        return status;
    }

    private static DateOnly? DateOf(RegisterCell cell, string column, List<string> problems, bool required, bool quote = true)
    {
        if (cell.Date is { } date) return date;
        var text = Text(cell);
        if (text is null)
        {
            if (required) problems.Add($"{column}: the date is missing.");
            return null;
        }
        if (TryDate(text, out var parsed)) return parsed;
        problems.Add($"{column}: {(quote ? $"'{Shorten(text)}'" : "the value")} is not a date; write it as yyyy-mm-dd (2024-03-01) or m/d/yyyy (3/1/2024).");
        return null;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>"2024-03-01 Reprimanded: reason; 2025-01-10 Suspended until 2025-04-10: reason": actions separated by semicolons.</summary>
    private IReadOnlyList<ImportedAction> ActionsOf(RegisterCell cell, List<string> problems)
    {
        var text = Text(cell);
        if (text is null) return [];
        var actions = new List<ImportedAction>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = ActionShape().Match(part);
            CredentialEventKind? kind = match.Success ? match.Groups["action"].Value.ToLowerInvariant() switch
            {
                "reprimand" or "reprimanded" => CredentialEventKind.Reprimanded,
                "probation" => CredentialEventKind.ProbationStarted,
                "suspended" or "suspension" => CredentialEventKind.Suspended,
                "revoked" or "revocation" => CredentialEventKind.Revoked,
                _ => null,
            } : null;
            DateOnly on = default, until = default;
            if (kind is null || !TryDate(match.Groups["date"].Value, out on) || (match.Groups["until"].Success && !TryDate(match.Groups["until"].Value, out until)))
            {
                problems.Add($"{RegisterColumns.Discipline}: '{Shorten(part)}' is not an action in the form 'yyyy-mm-dd Reprimanded: reason' " +
                             "(Reprimanded, Probation until yyyy-mm-dd, Suspended [until yyyy-mm-dd] or Revoked); separate actions with ';'.");
                continue;
            }
            if (on > today)
            {
                problems.Add($"{RegisterColumns.Discipline}: the action of {on:yyyy-MM-dd} is in the future.");
                continue;
            }
            actions.Add(new ImportedAction(kind.Value, on, match.Groups["until"].Success ? until : null, match.Groups["reason"].Value.Trim()));
        }
        return actions;
    }

    private static string? CeNote(RegisterCell cell, List<string> problems)
    {
        var text = Text(cell);
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours <= 1000)
            return $"Continuing education completed in the current cycle, as the earlier register reported: {hours:0.##} hours.";
        problems.Add($"{RegisterColumns.CeHours}: '{Shorten(text)}' is not a number of hours (0 to 1000).");
        return null;
    }

    private static string? Text(RegisterCell cell) => string.IsNullOrWhiteSpace(cell.Text) ? null : cell.Text.Trim();

    private static string NameKey(string first, string last, DateOnly born) =>
        $"{ReadableText.Normalise(first).ToLowerInvariant()}|{ReadableText.Normalise(last).ToLowerInvariant()}|{born:yyyy-MM-dd}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(?<date>\S+)\s+(?<action>[A-Za-z]+)(?:\s+until\s+(?<until>\S+))?\s*:\s*(?<reason>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ActionShape();
}
