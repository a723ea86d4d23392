using System.Net;
using ClosedXML.Excel;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Exports;

/// <summary>
/// The state roster is written a cell at a time into the zip as the rows stream from the database; a roster far
/// larger than any of the writer's buffers reads back whole, in number order, each value in its own column.
/// </summary>
public sealed class LargeRosterExportTests(WebFixture fixture) : WebTest(fixture)
{
    private const int Holders = 3_000;

    [Fact]
    public async Task A_roster_larger_than_every_buffer_reads_back_complete_ordered_and_with_empty_cells_in_their_columns()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var people = Enumerable.Range(1, Holders).Select(i => TestData.Person("Holder", $"Number{i:D5}")).ToList();
        var credentials = people.Select(p => Credential.Issue(state.Programs[0], p.Id, new DateOnly(2024, 3, 1), Guid.NewGuid(), Now)).ToList();
        await Fixture.InsertAsync([state, .. people.Cast<object>(), .. credentials.Cast<object>()]);
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");

        var roster = await (await Fixture.ApiClientAsync("reviewer.tn@test.example")).GetAsync("/api/v1/exports/roster/TN");

        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        using var book = new XLWorkbook(await roster.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet("Roster");
        Assert.Equal(Holders + 1, sheet.LastRowUsed()!.RowNumber());
        Assert.Equal("Credential number", sheet.Cell(1, 1).GetString());
        var numbers = Enumerable.Range(2, Holders).Select(r => sheet.Cell(r, 1).GetString()).ToList();
        Assert.Equal(credentials.Select(c => c.Number.Value).Order(StringComparer.Ordinal), numbers);
        var last = sheet.Row(Holders + 1);
        var holder = people.Single(p => credentials.Single(c => c.Number.Value == numbers[^1]).HolderPersonId == p.Id);
        Assert.Equal(new DateTime(2024, 3, 1), last.Cell(4).GetDateTime());
        Assert.Equal(holder.LegalLastName, last.Cell(7).GetString());
        Assert.True(last.Cell(8).IsEmpty()); // no preferred name: the e-mail stays in column 9
        Assert.Equal(holder.Email, last.Cell(9).GetString());
    }
}
