using System.Data;
using ClosedXML.Excel;
using MediatR;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Infrastructure.Identity;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;
using Registry.Domain.Credentials;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Workforce;

public sealed class ExportRosterTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task The_roster_lists_the_states_credentials_and_writes_formula_like_text_as_text()
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var pa = TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements());
        var sly = TestData.Person("=HYPERLINK(\"http://evil.example\",\"Click\")", "+Sly");
        sly.UpdateContact("+1 615 555 0100", null, null);
        var plain = TestData.Person("Robin", "Alvarez");
        Npi.TryParse("1234567893", out var npi);
        plain.RecordNpi(npi, peerSpecialistTaxonomy: true);
        var elsewhere = TestData.Person("Pat", "Penn");
        var today = TestClock.StartDay;
        await Fixture.InsertAsync(tn, pa, sly, plain, elsewhere,
            Credential.Issue(tn.Programs[0], sly.Id, today.AddMonths(-2), Guid.NewGuid(), Now),
            Credential.Issue(tn.Programs[0], plain.Id, today.AddMonths(-1), Guid.NewGuid(), Now),
            Credential.Issue(pa.Programs[0], elsewhere.Id, today, Guid.NewGuid(), Now));

        // The rows stream from the request's database connection, so they are written within its scope, as the endpoint does.
        using var file = new MemoryStream();
        using var runAs = CurrentUser.RunAs(TestUsers.Reviewer("TN"));
        var written = await Fixture.RunAsync<IMediator, long>(async mediator =>
            await Fixture.GetService<IRosterWriter>().WriteAsync(await mediator.Send(new ExportRoster.Query("TN")), file, CancellationToken.None));

        Assert.Equal(2, written);
        using var workbook = new XLWorkbook(new MemoryStream(file.ToArray()));
        var sheet = workbook.Worksheet("Roster");
        Assert.Equal(ExportRoster.Headers, sheet.Row(1).Cells(1, ExportRoster.Headers.Count).Select(c => c.GetString()));
        Assert.Equal(["TN-CPRS-000001", "TN-CPRS-000002"], [sheet.Cell(2, 1).GetString(), sheet.Cell(3, 1).GetString()]);
        var first = sheet.Cell(2, 6);
        Assert.False(first.HasFormula);
        Assert.Equal(XLDataType.Text, first.DataType);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"Click\")", first.GetString());
        Assert.Equal(("+Sly", "+1 615 555 0100"), (sheet.Cell(2, 7).GetString(), sheet.Cell(2, 10).GetString()));
        Assert.False(sheet.Cell(2, 10).HasFormula);
        Assert.Equal(("", "", "1234567893", Npi.PeerSpecialistTaxonomy),
            (sheet.Cell(2, 11).GetString(), sheet.Cell(2, 12).GetString(), sheet.Cell(3, 11).GetString(), sheet.Cell(3, 12).GetString()));
        Assert.Equal(today.AddMonths(-2).ToDateTime(TimeOnly.MinValue), sheet.Cell(2, 4).GetDateTime());
        Assert.True(sheet.Cell(4, 1).IsEmpty(), "Pennsylvania's credential is not on Tennessee's roster");
        Assert.Equal(1, sheet.SheetView.SplitRow);
    }

    [Fact]
    public async Task Inside_a_streamed_read_each_row_comes_from_the_open_reader_not_from_a_copy_of_the_whole_result()
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var people = Enumerable.Range(1, 3).Select(i => TestData.Person("Holder", $"Number{i}")).ToList();
        await Fixture.InsertAsync([tn, .. people, .. people.Select(p => Credential.Issue(tn.Programs[0], p.Id, TestClock.StartDay, Guid.NewGuid(), Now))]);

        // A buffered query (split, or under a retrying execution strategy) has read every row and closed its reader before
        // handing out the first; a streamed one is still fetching from the connection. Npgsql says which (SQLite does not).
        using var runAs = CurrentUser.RunAs(TestUsers.Reviewer("TN"));
        var (fetchingAtFirstRow, rows) = await Fixture.RunAsync<IServiceProvider, (bool?, int)>(async services =>
        {
            var connection = services.GetRequiredService<RegistryDbContext>().Database.GetDbConnection();
            var roster = await services.GetRequiredService<IMediator>().Send(new ExportRoster.Query("TN"));
            return await services.GetRequiredService<IStreamedReads>().ReadAsync(async ct =>
            {
                var (fetching, count) = ((bool?)null, 0);
                await foreach (var _ in roster.WithCancellation(ct))
                    if (++count == 1 && connection is NpgsqlConnection npgsql) fetching = npgsql.FullState.HasFlag(ConnectionState.Fetching);
                return (fetching, count);
            }, CancellationToken.None);
        });

        if (Fixture.Database.Provider == DatabaseProvider.Postgres) Assert.True(fetchingAtFirstRow);
        Assert.Equal(3, rows);
    }

    [Fact]
    public async Task Staff_of_another_state_and_applicants_get_no_roster()
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements()));

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ExportRoster.Query("TN"), TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ExportRoster.Query("TN"), TestUsers.Applicant(Guid.NewGuid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ExportRoster.Query("TN"), TestUsers.NationalAnalyst()));
    }
}
