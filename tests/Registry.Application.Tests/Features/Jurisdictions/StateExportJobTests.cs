using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Exports.StateData;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Jurisdictions;

/// <summary>The state export's job on each provider: every file written with the database's row counts, one state only.</summary>
public sealed class StateExportJobTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task The_job_writes_every_file_of_the_state_with_the_databases_row_counts()
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var pa = TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements());
        var holder = TestData.Person("Robin", "Alvarez");
        var elsewhere = TestData.Person("Pat", "Penn");
        await Fixture.InsertAsync(tn, pa, holder, elsewhere,
            Credential.Issue(tn.Programs[0], holder.Id, TestClock.StartDay, Guid.NewGuid(), Now),
            Credential.Issue(pa.Programs[0], elsewhere.Id, TestClock.StartDay, Guid.NewGuid(), Now));

        var requested = await Fixture.SendAsync(new RequestStateExport.Command("TN"), TestUsers.StateAdmin("TN"));
        await Fixture.RunAsync<StateExportJob, int>(async job => { await job.RunAsync(requested.Id, CancellationToken.None); return 0; });

        var export = await Fixture.QueryAsync(db => db.StateExports.SingleAsync());
        Assert.Equal(StateExportStatus.Ready, export.Status);
        await using var content = await Fixture.GetService<IDocumentStore>().OpenReadAsync(export.StorageKey!);
        using var zip = new ZipArchive(content);
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var rows = manifest.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("rows").GetInt64());
        foreach (var table in StateDataTables.Files.Where(t => t.FileName != "audit-log.csv"))
            Assert.Equal(await Fixture.QueryAsync(db => table.CountAsync(db, StateCode.Parse("TN"), CancellationToken.None)), rows[table.FileName]);
        Assert.Equal((1, 1, 1), (rows["people.csv"], rows["credentials.csv"], rows["programs.csv"]));

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new RequestStateExport.Command("TN"), TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new DownloadStateExport.Query(export.Id), TestUsers.StateAdmin("PA")));
    }
}
