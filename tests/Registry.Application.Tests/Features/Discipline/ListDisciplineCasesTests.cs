using FluentValidation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Discipline;
using Registry.Application.Tests.Features.Paging;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Discipline;

public sealed class ListDisciplineCasesTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly DateOnly InTwoWeeks = TestClock.StartDay.AddDays(14);

    /// <summary>A credential with one case opened at the clock's instant, responded to or decided when asked.</summary>
    private async Task<DisciplineCase> CaseAsync(Jurisdiction state, string last, bool respond = false, bool decide = false)
    {
        var holder = TestData.Person("Quinn", last);
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now.AddDays(-200));
        var opened = DisciplineCase.Open(credential, "A private allegation.", InTwoWeeks, TestClock.StartDay, Guid.NewGuid(), Now);
        if (respond) opened.RecordResponse(credential, "My private side.", TestClock.StartDay, Guid.NewGuid(), Now);
        if (decide) opened.Decide(credential, DisciplineOutcome.Reprimand, "Private notes.", null, null, 30, TestClock.StartDay, Guid.NewGuid(), Now);
        await Fixture.InsertAsync(holder, credential, opened);
        return opened;
    }

    [Fact]
    public async Task Open_cases_come_first_newest_first_and_rows_keep_the_private_words_out()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        var ohio = TestData.State("OH", "Ohio");
        await Fixture.InsertAsync(tennessee, ohio);
        var decided = await CaseAsync(tennessee, "Decided", respond: true, decide: true);
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        var older = await CaseAsync(tennessee, "Older");
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        var responded = await CaseAsync(tennessee, "Responded", respond: true);
        await CaseAsync(ohio, "Elsewhere");
        var reviewer = TestUsers.Reviewer("TN");

        var all = await Fixture.SendAsync(new ListDisciplineCases.Query { StateCode = "TN" }, reviewer);
        var open = await Fixture.SendAsync(new ListDisciplineCases.Query { StateCode = "TN", Open = true }, reviewer);

        Assert.Equal([responded.Id, older.Id, decided.Id], all.Items.Select(r => r.CaseId));
        Assert.Equal([ListDisciplineCases.CaseStatus.ResponseReceived, ListDisciplineCases.CaseStatus.AwaitingResponse, ListDisciplineCases.CaseStatus.Decided],
            all.Items.Select(r => r.Status));
        var row = all.Items[2];
        Assert.Equal(("Quinn Decided", InTwoWeeks, DisciplineOutcome.Reprimand, decided.OpenedAt), (row.HolderName, row.ResponseDueOn, row.Outcome, row.OpenedAt));
        Assert.StartsWith("TN-CPRS-", row.CredentialNumber);
        Assert.DoesNotContain("private", System.Text.Json.JsonSerializer.Serialize(all), StringComparison.OrdinalIgnoreCase);
        Assert.Equal([responded.Id, older.Id], open.Items.Select(r => r.CaseId));
    }

    [Fact]
    public async Task Paging_through_the_cases_while_cases_are_opened_reads_every_case_once()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        await Fixture.InsertAsync(tennessee);
        var before = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            before.Add((await CaseAsync(tennessee, $"Holder{i}", decide: i % 2 == 0)).Id);
            Fixture.Clock.Advance(TimeSpan.FromMinutes(i % 2)); // some share an instant: the id breaks the tie
        }
        var reviewer = TestUsers.Reviewer("TN");

        var read = await PageThrough.AllAsync(
            cursor => Fixture.SendAsync(new ListDisciplineCases.Query { StateCode = "TN", Cursor = cursor, Limit = 2 }, reviewer),
            async pages =>
            {
                // New open cases come first (an offset would repeat a row); an older decided one comes after the open ones.
                Fixture.Clock.Advance(TimeSpan.FromDays(1));
                await CaseAsync(tennessee, $"Newer{pages}");
                Fixture.Clock.SetTo(TestClock.Start.AddDays(-pages));
                await CaseAsync(tennessee, $"Older{pages}", decide: true);
                Fixture.Clock.SetTo(TestClock.Start.AddDays(pages));
            });

        PageThrough.AssertEachOnce(before, read.Select(r => r.CaseId).ToList());
        Assert.DoesNotContain(read, r => r.HolderName.Contains("Newer"));
        Assert.Contains(read, r => r.HolderName.Contains("Older"));
    }

    [Fact]
    public async Task A_bad_limit_or_cursor_is_refused_and_only_staff_of_the_state_read_the_cases()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        await Fixture.InsertAsync(tennessee);
        await CaseAsync(tennessee, "One");

        Assert.Equal("limit", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new ListDisciplineCases.Query { StateCode = "TN", Limit = 0 }, TestUsers.StateAdmin("TN")))).Errors).PropertyName);
        Assert.Equal("cursor", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new ListDisciplineCases.Query { StateCode = "TN", Cursor = "bm90IGpzb24" }, TestUsers.StateAdmin("TN")))).Errors).PropertyName);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListDisciplineCases.Query { StateCode = "TN" }, TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListDisciplineCases.Query { StateCode = "TN" }, TestUsers.Applicant(Guid.NewGuid())));
        Assert.Single((await Fixture.SendAsync(new ListDisciplineCases.Query { StateCode = "TN" }, TestUsers.SystemAdmin())).Items);
    }
}
