using FluentValidation;
using Registry.Application.Features.Verification;
using Registry.Application.Tests.Features.Paging;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Verification;

public sealed class SearchCredentialsTests(SliceFixture fixture) : SliceTest(fixture)
{
    private async Task<Credential> IssueAsync(Jurisdiction state, string first, string last)
    {
        var holder = TestData.Person(first, last);
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(holder, credential);
        return credential;
    }

    [Fact]
    public async Task Paging_through_a_search_while_credentials_are_issued_reads_every_match_once_in_name_order()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        await Fixture.InsertAsync(tennessee);
        var before = new List<string>();
        foreach (var (first, last) in new[] { ("Cy", "Mays"), ("Ana", "Mayer"), ("Ben", "Mayer"), ("Ben", "Mayer"), ("Di", "Maynard"), ("Ed", "Mayo") })
            before.Add((await IssueAsync(tennessee, first, last)).Number.Value);
        await IssueAsync(tennessee, "Not", "Moss");
        var anyone = TestUsers.Anonymous;

        var read = await PageThrough.AllAsync(
            cursor => Fixture.SendAsync(new SearchCredentials.Query("may", "tn") { Cursor = cursor, Limit = 2 }, anyone),
            async pages =>
            {
                await IssueAsync(tennessee, $"New{pages}", "Maya"); // before every name read after the first page
                await IssueAsync(tennessee, $"New{pages}", "Mayz");
            });

        PageThrough.AssertEachOnce(before, read.Select(c => c.CredentialNumber).ToList());
        Assert.Equal(["Ana Mayer", "Ben Mayer", "Ben Mayer", "Di Maynard", "Ed Mayo", "Cy Mays"], read.Select(c => c.HolderName).Where(n => !n.StartsWith("New")));
        Assert.Contains(read, c => c.HolderName.EndsWith("Mayz"));
    }

    [Fact]
    public async Task A_limit_out_of_range_or_an_altered_cursor_is_refused_naming_it()
    {
        var anyone = TestUsers.Anonymous;
        Assert.Equal("limit", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new SearchCredentials.Query("may", "TN") { Limit = 201 }, anyone))).Errors).PropertyName);
        Assert.Equal("cursor", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new SearchCredentials.Query("may", "TN") { Cursor = "eyJMYXN0TmFtZSI6" }, anyone))).Errors).PropertyName);
    }
}
