using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Credentials;

/// <summary>A credential from a state's earlier register: its number kept, its history rebuilt through the status rules, marked as imported.</summary>
public class CredentialImportTests
{
    private static readonly DateOnly ImportedOn = new(2027, 6, 15);
    private static readonly DateTimeOffset Now = new(2027, 6, 15, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly Guid ImportId = Guid.NewGuid();

    private static ImportedCredential Record(CredentialProgram program, CredentialStatus status = CredentialStatus.Active, DateOnly? since = null,
        DateOnly? issued = null, DateOnly? expires = null, params ImportedAction[] actions) =>
        new(CredentialNumber.Create(program.StateCode, program.Code, 42), issued ?? new DateOnly(2024, 3, 1), expires ?? new DateOnly(2026, 3, 1), status, since, actions, null);

    private static Credential Import(CredentialProgram program, ImportedCredential record) =>
        Credential.Import(program, Guid.NewGuid(), record, new ImportSource(ImportId, 7, ImportedOn), Staff, Now);

    [Fact]
    public void An_imported_credential_keeps_its_number_and_dates_is_marked_with_its_import_and_row_and_tells_no_one()
    {
        var program = Tennessee.Cprs();

        var credential = Import(program, Record(program));

        Assert.Equal(("TN-CPRS-000042", new DateOnly(2024, 3, 1), new DateOnly(2026, 3, 1)), (credential.Number.Value, credential.IssuedOn, credential.ExpiresOn));
        Assert.Equal([CredentialEventKind.Issued, CredentialEventKind.Imported], credential.History.Select(e => e.Kind));
        var marker = credential.History[^1];
        Assert.Equal((ImportId, 7, ImportedOn), (marker.RegisterImportId, marker.ImportRow, marker.EffectiveOn));
        Assert.Empty(credential.DomainEvents);
        Assert.Equal(42, program.LastCredentialSequence); // new numbers continue after it
        Assert.Equal("TN-CPRS-000043", program.AllocateCredentialNumber().Value);
    }

    [Fact]
    public void The_status_holds_from_the_date_it_began_and_public_actions_from_theirs_so_past_dates_replay()
    {
        var program = Tennessee.Cprs();
        var record = Record(program, CredentialStatus.Probation, since: new DateOnly(2025, 1, 10),
            actions: [new ImportedAction(CredentialEventKind.Reprimanded, new DateOnly(2024, 6, 1), null, "Late paperwork"),
                      new ImportedAction(CredentialEventKind.ProbationStarted, new DateOnly(2025, 1, 10), new DateOnly(2026, 1, 10), "Monthly supervision")]);

        var credential = Import(program, record);

        Assert.Equal(CredentialStatus.Probation, credential.Status);
        Assert.Null(credential.StatusOn(new DateOnly(2024, 2, 28)));
        Assert.Equal(CredentialStatus.Active, credential.StatusOn(new DateOnly(2024, 12, 31)));
        Assert.Equal(CredentialStatus.Probation, credential.StatusOn(new DateOnly(2025, 1, 10)));
        Assert.Contains(credential.History, e => e.Kind == CredentialEventKind.Reprimanded && e.IsPublicAction);
    }

    [Fact]
    public void An_expired_credential_s_status_begins_after_its_expiry()
    {
        var program = Tennessee.Cprs();

        var credential = Import(program, Record(program, CredentialStatus.Expired, since: new DateOnly(2026, 3, 2)));

        Assert.Equal(CredentialStatus.Active, credential.StatusOn(new DateOnly(2026, 3, 1)));
        Assert.Equal(CredentialStatus.Expired, credential.StatusOn(new DateOnly(2026, 3, 2)));
        Assert.Throws<DomainRuleException>(() => Import(program, Record(program, CredentialStatus.Lapsed, since: new DateOnly(2025, 1, 1))));
    }

    public static TheoryData<string, Func<CredentialProgram, ImportedCredential>> Refused => new()
    {
        { "expiry before issue", p => Record(p, expires: new DateOnly(2024, 1, 1)) },
        { "issued in the future", p => Record(p, issued: new DateOnly(2027, 7, 1), expires: new DateOnly(2029, 7, 1)) },
        { "status begins in the future", p => Record(p, CredentialStatus.Suspended, since: new DateOnly(2027, 7, 1)) },
        { "status begins before issue", p => Record(p, CredentialStatus.Suspended, since: new DateOnly(2023, 1, 1)) },
        { "a revocation undone", p => Record(p, CredentialStatus.Active, actions: new ImportedAction(CredentialEventKind.Revoked, new DateOnly(2025, 1, 1), null, "Fraud")) },
        { "an action in the future", p => Record(p, actions: new ImportedAction(CredentialEventKind.Reprimanded, new DateOnly(2027, 7, 1), null, "Late")) },
        { "a probation without its end", p => Record(p, CredentialStatus.Probation, actions: new ImportedAction(CredentialEventKind.ProbationStarted, new DateOnly(2025, 1, 1), null, "Supervision")) },
        { "a status that began before the last action", p => Record(p, CredentialStatus.Suspended, since: new DateOnly(2024, 5, 1),
            actions: new ImportedAction(CredentialEventKind.Reprimanded, new DateOnly(2025, 1, 1), null, "Late")) },
        { "a number of another program", p => Record(p) with { Number = CredentialNumber.Create(StateCode.Parse("OH"), "OPS", 1) } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_record_that_breaks_the_rules_is_refused(string why, Func<CredentialProgram, ImportedCredential> record)
    {
        var program = Tennessee.Cprs();

        var refused = Assert.Throws<DomainRuleException>(() => Import(program, record(program)));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message), why);
        Assert.Equal(0, program.LastCredentialSequence); // a refused record takes no number
    }

    [Theory]
    [InlineData("TN-CPRS-000123", true, 123)]
    [InlineData("tn-cprs-000123", true, 123)]
    [InlineData("123", true, 123)]
    [InlineData("000123", true, 123)]
    [InlineData("TN-CPRS-123", false, 0)]
    [InlineData("OH-CPRS-000123", false, 0)]
    [InlineData("1234567", false, 0)]
    [InlineData("0", false, 0)]
    [InlineData("12a", false, 0)]
    public void Imported_numbers_are_the_program_s_own_form_or_bare_digits(string text, bool accepted, int sequence)
    {
        var parsed = CredentialNumber.TryParseForProgram(text, StateCode.Parse("TN"), "CPRS", out var number, out var found);

        Assert.Equal((accepted, sequence), (parsed, found * (parsed ? 1 : 0)));
        if (accepted) Assert.Equal($"TN-CPRS-{sequence:D6}", number!.Value);
    }
}
