using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Employers;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Bench.Generation;

public sealed record GenerationResult(Scale Scale, IReadOnlyDictionary<string, long> RowsByTable, TimeSpan Migration, TimeSpan BulkInsert)
{
    public long Rows => RowsByTable.Values.Sum();
}

/// <summary>
/// Fills a migrated PostgreSQL database with a scale's data: states and programs through EF, everything
/// else by binary COPY in three waves (parents before children, so foreign keys hold), each wave one loop
/// over the people streaming into one COPY per table.
/// </summary>
public sealed class DataGenerator(Scale scale, string connectionString, TextWriter? log = null)
{
    /// <summary>Every generated account signs in with this password (the demo one, documented in the README).</summary>
    public const string Password = "PeerSupport-Demo-2026";

    /// <summary>The tables written by COPY (their keys and indexes are rebuilt after the load).</summary>
    public static readonly IReadOnlyList<string> LoadedTables =
    [
        "People", "Employers", "AspNetUsers", "Applications", "Credentials", "AspNetUserRoles", "ApplicationHistory", "TrainingRecords",
        "WorkExperience", "SupervisionLogs", "ApplicationReferences", "SignedAttestations", "CredentialHistory", "ExamAttempts",
        "CredentialEndorsements", "WorkforceSurveyResponses",
    ];

    private readonly Catalog _catalog = new(scale);
    private readonly Dictionary<string, long> _rows = [];
    private Dictionary<string, Guid> _roles = [];
    private Stopwatch _clock = new();
    private Dictionary<string, Wording> _wordings = [];

    public Catalog Catalog => _catalog;

    /// <summary>Migrates the (empty) database, then generates.</summary>
    public async Task<GenerationResult> GenerateAsync(CancellationToken ct = default)
    {
        scale.Validate();
        var clock = Stopwatch.StartNew();
        await BenchDatabase.MigrateAsync(connectionString, ct);
        var migration = clock.Elapsed;
        log?.WriteLine($"Migrated in {migration.TotalSeconds:F1} s; generating {scale} (seed {scale.Seed}, today {scale.Today:yyyy-MM-dd})");

        clock.Restart();
        _clock = clock;
        await ReferenceData.WriteStatesAndProgramsAsync(connectionString, _catalog, ct);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        _roles = await ReferenceData.RoleIdsAsync(dataSource, ct);
        _wordings = await ReferenceData.WordingsAsync(dataSource, ct);

        var window = await BulkLoadWindow.OpenAsync(dataSource, LoadedTables, ct);
        int[] sequences;
        try
        {
            await PeopleAndEmployersAsync(dataSource, ct);
            sequences = await AccountsApplicationsAndCredentialsAsync(dataSource, ct);
            await RecordsAndHistoriesAsync(dataSource, ct);
        }
        finally
        {
            await window.CloseAsync(dataSource, CancellationToken.None);
        }
        log?.WriteLine($"  keys and indexes rebuilt after {clock.Elapsed.TotalSeconds:F1} s");
        await FinishAsync(dataSource, sequences, ct);
        var bulk = clock.Elapsed;
        log?.WriteLine($"Wrote {_rows.Values.Sum():N0} rows in {bulk.TotalSeconds:F1} s");
        return new GenerationResult(scale, new Dictionary<string, long>(_rows), migration, bulk);
    }

    private async Task PeopleAndEmployersAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var people = await BinaryCopy.StartAsync(dataSource, "People", "Id", "LegalFirstName", "LegalLastName", "PreferredName", "Email", "Phone",
            "DateOfBirth", "MailingAddress_Line1", "MailingAddress_Line2", "MailingAddress_City", "MailingAddress_County", "MailingAddress_State", "MailingAddress_PostalCode", "ResidenceChangeCount");
        await using var employers = await BinaryCopy.StartAsync(dataSource, "Employers", "Id", "Name", "ContactEmail", "Status", "ApprovedAt", "StateCode", "RegisteredAt");

        for (long k = 0; k < scale.People; k++)
        {
            ct.ThrowIfCancellationRequested();
            var p = Person(k);
            var state = _catalog.States[_catalog.StateOf(k)];
            var rng = new Rng(scale.Seed, Stream.User, k);
            var hasAddress = rng.Chance(0.8);
            people.Row().Uuid(PersonId(k)).Text(p.First).Text(p.Last).Text(rng.Chance(0.1) ? Names.First[rng.Next(Names.First.Length)] : null).Text(p.Email)
                .Text(rng.Chance(0.7) ? $"{555}-{rng.Between(200, 999)}-{rng.Between(0, 9999):D4}" : null)
                .Date(rng.Chance(0.9) ? new DateOnly(rng.Between(1950, 2003), rng.Between(1, 12), rng.Between(1, 28)) : null);
            if (hasAddress)
                people.Text($"{rng.Between(1, 9999)} {Names.Streets[rng.Next(Names.Streets.Length)]}").Text(rng.Chance(0.2) ? $"Apt {rng.Between(1, 40)}" : null)
                    .Text(state.City).Text(state.County).Text(state.Code).Text($"{state.ZipPrefix}{rng.Between(0, 99):D2}");
            else
                people.Text(null).Text(null).Text(null).Text(null).Text(null).Text(null);
            people.Int(0); // no residence history yet (see WorkforceExports)
        }

        for (var e = 0; e < scale.Employers; e++)
        {
            var rng = new Rng(scale.Seed, Stream.Employer, e);
            var state = _catalog.States[e % _catalog.States.Count];
            var approved = rng.Chance(0.85);
            employers.Row().Uuid(EmployerId(e)).Text($"{Names.Organisations[rng.Next(Names.Organisations.Length)]} of {state.City} #{e + 1}")
                .Text(EmployerEmail(e)).Enum(approved ? EmployerStatus.Approved : EmployerStatus.PendingApproval)
                .Time(approved ? scale.Now.AddDays(-rng.Between(1, 700)) : null)
                .Text(state.Code).Time(scale.Now.AddDays(-720)); // no extra draws: the rest of the data stays as it was
        }
        await CompleteAsync(people, employers);
    }

    private async Task<int[]> AccountsApplicationsAndCredentialsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var users = await BinaryCopy.StartAsync(dataSource, "AspNetUsers", "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
            "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled",
            "AccessFailedCount", "DisplayName", "PersonId", "EmployerId", "StateCode");
        await using var applications = await BinaryCopy.StartAsync(dataSource, "Applications", "Id", "PersonId", "ProgramId", "Type", "Status", "CreatedAt",
            "SubmittedAt", "FirstSubmittedAt", "DecidedAt", "DecisionReason", "RequirementsVersion", "Version", "SelectedForCeAudit");
        await using var credentials = await BinaryCopy.StartAsync(dataSource, "Credentials", "Id", "Number", "ProgramId", "StateCode", "HolderPersonId",
            "Status", "IssuedOn", "ExpiresOn", "RestrictionEndsOn", "ProbationConditions", "Version");

        // One hash for every account: hashing is deliberately slow, and the accounts share the demo password.
        var hash = new PasswordHasher<RegistryUser>().HashPassword(new RegistryUser(), Password);
        void Account(Guid id, string email, string name, Guid? person = null, Guid? employer = null, string? state = null) =>
            users.Row().Uuid(id).Text(email).Text(email.ToUpperInvariant()).Text(email).Text(email.ToUpperInvariant())
                .Bool(true).Text(hash).Text(id.ToString("N").ToUpperInvariant()).Text(id.ToString()).Bool(false).Bool(false).Bool(true)
                .Int(0).Text(name).Uuid(person).Uuid(employer).Text(state);

        Account(SystemAdminId, "admin@registry.example", "Registry Administrator");
        for (var s = 0; s < _catalog.States.Count; s++)
        {
            var state = _catalog.States[s];
            Account(ReviewerId(s), $"reviewer.{state.Code.ToLowerInvariant()}@registry.example", $"{state.Name} Reviewer", state: state.Code);
            Account(StateAdminId(s), $"admin.{state.Code.ToLowerInvariant()}@registry.example", $"{state.Name} Administrator", state: state.Code);
        }
        for (var e = 0; e < scale.Employers; e++)
            Account(EmployerUserId(e), EmployerEmail(e), $"Employer {e + 1} HR", employer: EmployerId(e));

        var sequences = new int[_catalog.Programs.Count];
        for (long k = 0; k < scale.People; k++)
        {
            ct.ThrowIfCancellationRequested();
            if (HasAccount(k))
            {
                var p = Person(k);
                Account(UserId(k), p.Email, $"{p.First} {p.Last}", person: PersonId(k));
            }
            var credential = k < scale.Credentials ? new CredentialPlan(_catalog, k) : null;
            var application = new ApplicationPlan(_catalog, k, credential);
            applications.Row().Uuid(ApplicationId(k)).Uuid(PersonId(k)).Uuid(application.Program.Id).Enum(ApplicationType.Initial).Enum(application.Status)
                .Time(application.CreatedAt).Time(application.SubmittedAt).Time(application.SubmittedAt).Time(application.DecidedAt).Text(application.DecisionReason)
                .Int(application.SubmittedAt is null ? null : 1).Int(0).Bool(false);
            if (credential is null) continue;
            var program = credential.Program;
            var sequence = ++sequences[program.Index];
            credentials.Row().Uuid(CredentialId(k)).Text($"{program.State.Code}-{program.Code}-{sequence:D6}").Uuid(program.Id).Text(program.State.Code)
                .Uuid(PersonId(k)).Enum(credential.Status).Date(credential.IssuedOn).Date(credential.ExpiresOn)
                .Date(credential.RestrictionEndsOn).Text(credential.ProbationConditions).Int(0);
        }
        await CompleteAsync(users, applications, credentials);
        return sequences;
    }

    private async Task RecordsAndHistoriesAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var roles = await BinaryCopy.StartAsync(dataSource, "AspNetUserRoles", "UserId", "RoleId");
        await using var history = await BinaryCopy.StartAsync(dataSource, "ApplicationHistory", "Id", "ApplicationId", "From", "To", "ActorUserId", "At", "Reason");
        await using var training = await BinaryCopy.StartAsync(dataSource, "TrainingRecords", "Id", "ApplicationId", "Course", "Provider", "DomainCode", "Hours",
            "CompletedOn", "Review", "ReviewReason");
        await using var work = await BinaryCopy.StartAsync(dataSource, "WorkExperience", "Id", "ApplicationId", "Kind", "Organisation", "Role", "StartOn", "EndOn",
            "Hours", "Review", "ReviewReason");
        await using var supervision = await BinaryCopy.StartAsync(dataSource, "SupervisionLogs", "Id", "ApplicationId", "HeldOn", "Hours", "Format", "Topics",
            "SupervisorName", "SupervisorCredential", "SupervisorEmail", "ConfirmedAt");
        await using var references = await BinaryCopy.StartAsync(dataSource, "ApplicationReferences", "Id", "ApplicationId", "RefereeName", "RefereeEmail",
            "Relationship", "ConfirmedAt", "Statement");
        await using var attestations = await BinaryCopy.StartAsync(dataSource, "SignedAttestations", "Id", "ApplicationId", "WordingId", "Code", "WordingVersion",
            "Kind", "Title", "SignedText", "DisclosedYes", "Statement", "SignedAt");
        await using var events = await BinaryCopy.StartAsync(dataSource, "CredentialHistory", "Id", "CredentialId", "Sequence", "Kind", "FromStatus", "ToStatus",
            "EffectiveOn", "ExpiresOnAfter", "ActorUserId", "RecordedAt", "Reason");
        await using var exams = await BinaryCopy.StartAsync(dataSource, "ExamAttempts", "Id", "PersonId", "ProgramId", "TakenOn", "Score", "Passed",
            "AttemptNumber", "RecordedByUserId", "RecordedAt");
        await using var endorsements = await BinaryCopy.StartAsync(dataSource, "CredentialEndorsements", "Id", "CredentialId", "Code", "GrantedOn",
            "ApplicationId", "WithdrawnOn", "WithdrawalReason");
        await using var answers = await BinaryCopy.StartAsync(dataSource, "WorkforceSurveyResponses", "Id", "PersonId", "StateCode", "ProgramId",
            "ApplicationId", "CredentialId", "Occasion", "AnsweredOn", "AnsweredAt", "RaceEthnicity", "Gender", "Languages", "Veteran", "Education",
            "Employment", "Setting", "CountyOfPractice", "CountyDeclined", "HoursPerWeek", "HoursDeclined");

        roles.Row().Uuid(SystemAdminId).Uuid(_roles[Roles.SystemAdmin]);
        for (var s = 0; s < _catalog.States.Count; s++)
        {
            roles.Row().Uuid(ReviewerId(s)).Uuid(_roles[Roles.Reviewer]);
            roles.Row().Uuid(StateAdminId(s)).Uuid(_roles[Roles.StateAdmin]);
        }
        for (var e = 0; e < scale.Employers; e++) roles.Row().Uuid(EmployerUserId(e)).Uuid(_roles[Roles.Employer]);

        for (long k = 0; k < scale.People; k++)
        {
            ct.ThrowIfCancellationRequested();
            if (HasAccount(k)) roles.Row().Uuid(UserId(k)).Uuid(_roles[Roles.Applicant]);
            var credential = k < scale.Credentials ? new CredentialPlan(_catalog, k) : null;
            var plan = new ApplicationPlan(_catalog, k, credential);
            var reviewer = ReviewerId(plan.Program.StateIndex);
            var applicant = HasAccount(k) ? UserId(k) : reviewer; // no account: staff keyed in the paper application
            var applicationId = ApplicationId(k);
            var rng = new Rng(scale.Seed, Stream.Record, k);

            for (var i = 0; i < plan.History.Count; i++)
            {
                var change = plan.History[i];
                history.Row().Uuid(Ids.For(Stream.History, k, i)).Uuid(applicationId).Enum(change.From).Enum(change.To)
                    .Uuid(change.ByStaff ? reviewer : applicant).Time(change.At).Text(change.Reason);
            }
            WriteRecords(plan, k, applicationId, rng, training, work, supervision, references, attestations);
            WriteExams(plan, k, reviewer, rng, exams);

            if (credential is null) continue;
            for (var i = 0; i < credential.Events.Count; i++)
            {
                var e = credential.Events[i];
                events.Row().Uuid(Ids.For(Stream.CredentialEvent, k, i + 1)).Uuid(CredentialId(k)).Int(i + 1).Enum(e.Kind).Enum(e.From).Enum(e.To)
                    .Date(e.EffectiveOn).Date(e.ExpiresOnAfter).Uuid(e.BySystem ? null : reviewer)
                    .Time(new DateTimeOffset(e.EffectiveOn.ToDateTime(new TimeOnly(e.BySystem ? 2 : 15, 0)), TimeSpan.Zero)).Text(e.Reason);
            }
            WriteEndorsementsAndAnswers(credential, k, applicationId, endorsements, answers);
        }
        await CompleteAsync(roles, history, training, work, supervision, references, attestations, events, exams, endorsements, answers);
    }

    private void WriteRecords(ApplicationPlan plan, long k, Guid applicationId, Rng rng,
        BinaryCopy training, BinaryCopy work, BinaryCopy supervision, BinaryCopy references, BinaryCopy attestations)
    {
        var rules = plan.Program.Requirements;
        var day = plan.RecordsFrom;
        var review = plan.Reviewed ? RecordReview.Verified : RecordReview.Pending;
        var provider = Names.TrainingProviders[rng.Next(Names.TrainingProviders.Length)];
        var courses = rules.TrainingDomains.Select(d => (d.Code, Course: $"{d.Name} for peer specialists", Hours: d.MinimumHours)).ToList();
        var rest = rules.TrainingHoursTotal - rules.TrainingDomains.Sum(d => d.MinimumHours);
        if (rest > 0) courses.Add(("", "Foundations of peer support", rest));
        if (!plan.Complete) courses = courses.Take(1).ToList();
        for (var i = 0; i < courses.Count; i++)
        {
            // A denied application's first course was not accepted; that is why it was denied.
            var rejected = plan.Status == ApplicationStatus.Denied && i == 0;
            training.Row().Uuid(Ids.For(Stream.Record, k, i)).Uuid(applicationId).Text(courses[i].Course).Text(provider).Text(courses[i].Code)
                .Number(courses[i].Hours).Date(day.AddDays(7 * i)).Enum(rejected ? RecordReview.Rejected : review)
                .Text(rejected ? "The provider is not on the state's approved list." : null);
        }

        var lived = _wordings["lived-experience"];
        attestations.Row().Uuid(Ids.For(Stream.Record, k, 80)).Uuid(applicationId).Uuid(lived.Id).Text(lived.Code).Int(lived.Version).Enum(lived.Kind)
            .Text(lived.Title).Text(lived.Text).Bool(null).Text(Names.LivedExperience[rng.Next(Names.LivedExperience.Length)]).Time(plan.CreatedAt.AddHours(1));
        if (!plan.Complete) return;

        var signed = 81;
        foreach (var code in rules.RequiredAttestations.Where(c => c != lived.Code))
        {
            var wording = _wordings[code];
            var disclosure = wording.Kind == AttestationKind.Disclosure;
            attestations.Row().Uuid(Ids.For(Stream.Record, k, signed++)).Uuid(applicationId).Uuid(wording.Id).Text(wording.Code).Int(wording.Version)
                .Enum(wording.Kind).Text(wording.Title).Text(wording.Text).Bool(disclosure ? rng.Chance(0.05) : null).Text(null).Time(plan.CreatedAt.AddHours(2));
        }

        if (rules.SupervisedWorkHours > 0)
            work.Row().Uuid(Ids.For(Stream.Record, k, 16)).Uuid(applicationId).Enum(rng.Chance(0.7) ? WorkKind.Paid : WorkKind.Volunteer)
                .Text(Names.Organisations[rng.Next(Names.Organisations.Length)]).Text("Peer support specialist")
                .Date(day.AddDays(-400)).Date(day.AddDays(-1)).Number(rules.SupervisedWorkHours + rng.Between(0, 100)).Enum(review).Text(null);

        var confirmedAt = plan.Confirmed ? plan.SubmittedAt?.AddDays(-1) : null;
        var supervisor = $"{Names.First[rng.Next(Names.First.Length)]} {Names.Last[rng.Next(Names.Last.Length)]}";
        var session = 0;
        for (var left = rules.SupervisionHours; left > 0; left -= 5, session++)
            supervision.Row().Uuid(Ids.For(Stream.Record, k, 32 + session)).Uuid(applicationId).Date(day.AddDays(-200 + 14 * session)).Number(Math.Min(5, left))
                .Enum(session % 3 == 0 ? SupervisionFormat.Individual : SupervisionFormat.Group).Text(Names.SupervisionTopics[session % Names.SupervisionTopics.Length])
                .Text(supervisor).Text("LCSW").Text($"supervisor{k % 997}@example.org").Time(confirmedAt);

        string[] relationships = ["Former colleague", "Clinical supervisor", "Community member"];
        for (var i = 0; i < rules.ReferencesRequired; i++)
            references.Row().Uuid(Ids.For(Stream.Record, k, 64 + i)).Uuid(applicationId)
                .Text($"{Names.First[rng.Next(Names.First.Length)]} {Names.Last[rng.Next(Names.Last.Length)]}").Text($"referee{k}-{i}@example.org")
                .Text(relationships[i % relationships.Length]).Time(confirmedAt)
                .Text(confirmedAt is null ? null : "Dependable, warm and honest with the people they support.");
    }

    /// <summary>
    /// One holder in four has a specialty endorsement (one in twenty of those withdrawn later); three in five answered the
    /// workforce questions with their application, and half of all holders the yearly questions in the last year.
    /// </summary>
    private void WriteEndorsementsAndAnswers(CredentialPlan credential, long k, Guid applicationId, BinaryCopy endorsements, BinaryCopy answers)
    {
        var rng = new Rng(scale.Seed, Stream.Endorsement, k);
        var today = scale.Today;
        var program = credential.Program;
        if (rng.Chance(0.25))
        {
            var grantedOn = Min(credential.IssuedOn.AddDays(rng.Between(0, 180)), today);
            var withdrawnOn = rng.Chance(0.05) ? grantedOn.AddDays(rng.Between(30, 400)) : (DateOnly?)null;
            if (withdrawnOn > today) withdrawnOn = null;
            endorsements.Row().Uuid(Ids.For(Stream.Endorsement, k)).Uuid(CredentialId(k)).Text(rng.Chance(0.6) ? "Y" : "F").Date(grantedOn).Uuid(null)
                .Date(withdrawnOn).Text(withdrawnOn is null ? null : "No longer works with this population.");
        }

        T Pick<T>() where T : struct, System.Enum => rng.Pick(System.Enum.GetValues<T>());
        DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var hours = rng.Chance(0.1) ? (int?)null : rng.Between(0, 45);
        if (rng.Chance(0.6))
        {
            var answeredOn = credential.IssuedOn.AddDays(-rng.Between(1, 30));
            RaceEthnicity[] races = [.. System.Enum.GetValues<RaceEthnicity>().Where(r => r is not (RaceEthnicity.None or RaceEthnicity.PreferNotToSay))];
            var race = rng.Chance(0.05) ? RaceEthnicity.PreferNotToSay : rng.Pick(races) | (rng.Chance(0.1) ? rng.Pick(races) : RaceEthnicity.None);
            var languages = rng.Chance(0.05) ? ServiceLanguages.PreferNotToSay
                : ServiceLanguages.English | (rng.Chance(0.2) ? ServiceLanguages.Spanish : ServiceLanguages.None) | (rng.Chance(0.05) ? ServiceLanguages.Vietnamese : ServiceLanguages.None);
            answers.Row().Uuid(Ids.For(Stream.Survey, k)).Uuid(PersonId(k)).Text(program.State.Code).Uuid(program.Id).Uuid(applicationId).Uuid(CredentialId(k))
                .Enum(SurveyOccasion.Application).Date(answeredOn).Time(Noon(answeredOn)).Int((int)race).Enum(Pick<GenderAnswer>()).Int((int)languages)
                .Enum(Pick<VeteranAnswer>()).Enum(Pick<EducationLevel>()).Enum(Pick<EmploymentAnswer>()).Enum(Pick<PracticeSetting>()).Text(null).Bool(false)
                .Int(hours).Bool(hours is null);
        }
        if (rng.Chance(0.5) && credential.IssuedOn < today)
        {
            var answeredOn = today.AddDays(-rng.Between(0, Math.Min(364, today.DayNumber - credential.IssuedOn.DayNumber)));
            answers.Row().Uuid(Ids.For(Stream.Survey, k, 1)).Uuid(PersonId(k)).Text(program.State.Code).Uuid(program.Id).Uuid(null).Uuid(CredentialId(k))
                .Enum(SurveyOccasion.AnnualPulse).Date(answeredOn).Time(Noon(answeredOn)).Int(null).Text(null).Int(null).Text(null).Text(null)
                .Enum(Pick<EmploymentAnswer>()).Enum(Pick<PracticeSetting>()).Text(null).Bool(false).Int(hours).Bool(hours is null);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private void WriteExams(ApplicationPlan plan, long k, Guid reviewer, Rng rng, BinaryCopy exams)
    {
        if (plan.Program.Requirements.Exam is not { } exam || plan.SubmittedAt is not { } submitted) return;
        if (plan.Status is not (ApplicationStatus.UnderReview or ApplicationStatus.InfoRequested or ApplicationStatus.Approved or ApplicationStatus.Denied)) return;

        var lastTaken = DateOnly.FromDateTime(submitted.UtcDateTime).AddDays(-rng.Between(5, 30));
        var passedLast = plan.Status == ApplicationStatus.Approved || rng.Chance(0.6);
        var attempts = passedLast && rng.Chance(0.15) ? 2 : 1;
        for (var a = 1; a <= attempts; a++)
        {
            var taken = a == attempts ? lastTaken : lastTaken.AddDays(-(exam.RetakeWaitDays + rng.Between(1, 20)));
            var passed = a == attempts && passedLast;
            var score = passed ? exam.PassingScore + rng.Between(0, exam.PassingScore / 4) : exam.PassingScore - rng.Between(1, exam.PassingScore / 5);
            exams.Row().Uuid(Ids.For(Stream.Exam, k, a)).Uuid(PersonId(k)).Uuid(plan.Program.Id).Date(taken).Int(score).Bool(passed).Int(a)
                .Uuid(reviewer).Time(new DateTimeOffset(taken.AddDays(3).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        }
    }

    private async Task FinishAsync(NpgsqlDataSource dataSource, int[] sequences, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        for (var i = 0; i < sequences.Length; i++)
        {
            var command = new NpgsqlBatchCommand("UPDATE \"Programs\" SET \"LastCredentialSequence\" = $1 WHERE \"Id\" = $2");
            command.Parameters.Add(new() { Value = sequences[i] });
            command.Parameters.Add(new() { Value = _catalog.Programs[i].Id });
            batch.BatchCommands.Add(command);
        }
        // Each address is the holder's residence from the start of records, as the migration that added the history
        // recorded existing people's. The row takes its person's id: ordered ids append to the key's index.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO "ResidenceHistory" ("Id", "PersonId", "Sequence", "StateCode", "County", "EffectiveOn")
            SELECT p."Id", p."Id", 1, p."MailingAddress_State", p."MailingAddress_County", DATE '0001-01-01'
            FROM "People" p
            WHERE p."MailingAddress_County" IS NOT NULL
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""UPDATE "People" SET "ResidenceChangeCount" = 1 WHERE "MailingAddress_County" IS NOT NULL"""));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("ANALYZE"));
        batch.Timeout = 0;
        await batch.ExecuteNonQueryAsync(ct);

        // The histories were copied past the application, so the workforce ledger is worked out from them as the migration does.
        var ledger = Stopwatch.StartNew();
        await using (var rebuild = dataSource.CreateCommand(WorkforceLedger.Rebuild(SqlDialect.Postgres).Text + """; ANALYZE "WorkforceLedger" """))
        {
            rebuild.CommandTimeout = 0;
            await rebuild.ExecuteNonQueryAsync(ct);
        }
        log?.WriteLine($"  workforce ledger rebuilt in {ledger.Elapsed.TotalSeconds:F1} s");
    }

    private async Task CompleteAsync(params BinaryCopy[] copies)
    {
        foreach (var copy in copies)
        {
            await copy.CompleteAsync();
            _rows[copy.Table] = _rows.GetValueOrDefault(copy.Table) + copy.Rows;
        }
        log?.WriteLine($"  {_clock.Elapsed.TotalSeconds,5:F1} s: " + string.Join(", ", copies.Select(c => $"{c.Table} {c.Rows:N0}")));
    }

    private (string First, string Last, string Email) Person(long k)
    {
        var rng = new Rng(scale.Seed ^ 0x5BD1E995, Stream.Person, k);
        var first = Names.First[rng.Next(Names.First.Length)];
        var last = Names.Last[rng.Next(Names.Last.Length)];
        return (first, last, $"{first}.{last.Replace("'", "")}.{k}@example.org".ToLowerInvariant());
    }

    /// <summary>Applicants in the pipeline all have accounts; one holder in five does (the rest were certified on paper).</summary>
    public bool HasAccount(long k) => k >= scale.Credentials || k % 5 == 0;

    public static Guid PersonId(long k) => Ids.For(Stream.Person, k);
    public static Guid ApplicationId(long k) => Ids.For(Stream.Application, k);
    public static Guid CredentialId(long k) => Ids.For(Stream.Credential, k);
    public static Guid EmployerId(long e) => Ids.For(Stream.Employer, e);
    public static Guid UserId(long k) => Ids.For(Stream.User, k);
    public static Guid ReviewerId(int state) => Ids.For(Stream.User, state, 1);
    public static Guid StateAdminId(int state) => Ids.For(Stream.User, state, 2);
    public static Guid SystemAdminId => Ids.For(Stream.User, 0, 3);
    public static Guid EmployerUserId(long e) => Ids.For(Stream.User, e, 4);
    public static string EmployerEmail(long e) => $"hr{e + 1}@employer{e + 1}.example";
}
