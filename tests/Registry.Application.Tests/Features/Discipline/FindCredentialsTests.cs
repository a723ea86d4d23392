using FluentValidation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Discipline;
using Registry.Application.Tests.Features.Paging;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Discipline;

public sealed class FindCredentialsTests(SliceFixture fixture) : SliceTest(fixture)
{
    private async Task<Credential> IssueAsync(Jurisdiction state, string first, string last)
    {
        var holder = TestData.Person(first, last);
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(holder, credential);
        return credential;
    }

    [Fact]
    public async Task Staff_page_through_their_states_credentials_by_name_while_credentials_are_issued()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        var ohio = TestData.State("OH", "Ohio", "CPS");
        await Fixture.InsertAsync(tennessee, ohio);
        var before = new List<Guid>();
        foreach (var (first, last) in new[] { ("Ana", "Moss"), ("Ben", "Moss"), ("Ben", "Moss"), ("Cy", "Noor"), ("Di", "Lund"), ("Ed", "Park"), ("Fay", "Moss") })
            before.Add((await IssueAsync(tennessee, first, last)).Id);
        await IssueAsync(ohio, "Gil", "Moss");
        var reviewer = TestUsers.Reviewer("TN");

        var read = await PageThrough.AllAsync(
            cursor => Fixture.SendAsync(new FindCredentials.Query("TN", null) { Cursor = cursor, Limit = 2 }, reviewer),
            async pages =>
            {
                // One before every name read so far (an offset would repeat a row) and one after every name.
                await IssueAsync(tennessee, $"New{pages}", "Aaberg");
                await IssueAsync(tennessee, $"New{pages}", "Zurich");
            });

        PageThrough.AssertEachOnce(before, read.Select(r => r.Id).ToList());
        Assert.Equal(read.Select(r => r.HolderName.Split(' ')[1]).Order(StringComparer.Ordinal), read.Select(r => r.HolderName.Split(' ')[1]));
        Assert.DoesNotContain(read, r => r.HolderName.EndsWith("Aaberg") || r.HolderName == "Gil Moss");
        Assert.Contains(read, r => r.HolderName.EndsWith("Zurich"));
        Assert.All(read, r => Assert.StartsWith("TN-CPRS-", r.CredentialNumber));
    }

    [Fact]
    public async Task A_search_by_number_or_name_pages_too_and_other_states_are_refused()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        await Fixture.InsertAsync(tennessee);
        var quinn = await IssueAsync(tennessee, "Quinn", "Holder");
        await IssueAsync(tennessee, "Ray", "Holder");
        await IssueAsync(tennessee, "Sam", "Other");
        var reviewer = TestUsers.Reviewer("TN");

        var byNumber = await Fixture.SendAsync(new FindCredentials.Query("TN", quinn.Number.Value), reviewer);
        var byName = await Fixture.SendAsync(new FindCredentials.Query("TN", "Hol") { Limit = 1 }, reviewer);
        var rest = await Fixture.SendAsync(new FindCredentials.Query("TN", "Hol") { Cursor = byName.Next, Limit = 1 }, reviewer);

        Assert.Equal(quinn.Id, Assert.Single(byNumber.Items).Id);
        Assert.Equal(["Quinn Holder", "Ray Holder"], byName.Items.Concat(rest.Items).Select(r => r.HolderName));
        Assert.Null(rest.Next);
        Assert.Equal("limit", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new FindCredentials.Query("TN", null) { Limit = 201 }, reviewer))).Errors).PropertyName);
        Assert.Equal("cursor", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new FindCredentials.Query("TN", null) { Cursor = "%%%" }, reviewer))).Errors).PropertyName);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new FindCredentials.Query("TN", null), TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new FindCredentials.Query("TN", null), TestUsers.Applicant(Guid.NewGuid())));
    }
}
