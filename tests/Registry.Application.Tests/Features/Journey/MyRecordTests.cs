using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Attestations;
using Registry.Application.Features.MyRecord;
using Registry.Domain.Applications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Journey;

public sealed class MyRecordTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task The_record_holds_everything_about_the_person_and_reads_back_as_a_workbook()
    {
        var scenario = await JourneyScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        await Fixture.ExecuteAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.TrainingRecords).SingleAsync();
            var dates = new RecordDates(TestClock.StartDay, scenario.Applicant.DateOfBirth);
            // A value that would be a formula if written carelessly.
            application.AddTrainingRecord(JourneyScenario.Requirements(), "=HYPERLINK(\"http://evil.example\")", "State office", "ETHICS", 6, dates.Today.AddDays(-5), null, dates);
            await db.SaveChangesAsync();
        });
        await Fixture.SendAsync(new SignAttestation.Command { ApplicationId = scenario.Application.Id, Code = "lived-experience", Agreed = true, Statement = "My story." }, applicant);

        var record = await Fixture.SendAsync(new ExportMyRecord.Query(), applicant);

        Assert.Equal(new DateOnly(1988, 5, 1), record.Profile.DateOfBirth);
        var application = Assert.Single(record.Applications);
        Assert.Equal("My story.", Assert.Single(application.Attestations).Statement);
        Assert.Equal(6, Assert.Single(application.Training).Hours);

        using var stream = new MemoryStream();
        Fixture.GetService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<IMyRecordWorkbook>().Write(record, stream);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        Assert.Equal("1988-05-01", workbook.Worksheet("Profile").Cell(7, 2).GetDateTime().ToString("yyyy-MM-dd"));
        var course = workbook.Worksheet("Training").Cell(2, 2);
        Assert.False(course.HasFormula);
        Assert.Equal("=HYPERLINK(\"http://evil.example\")", course.GetString());
        Assert.Equal("My story.", workbook.Worksheet("Attestations").Cell(2, 6).GetString());
        Assert.Equal(15, workbook.Worksheets.Count); // one sheet per kind of record, discipline cases included
    }

    [Fact]
    public async Task A_renewals_continuing_education_is_in_the_record()
    {
        var renewal = await Renewals.RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 40);
        var started = await renewal.StartAsync();
        await renewal.AddEnoughCeAsync(started.ApplicationId);

        var record = await Fixture.SendAsync(new ExportMyRecord.Query(), renewal.AsHolder);

        var application = Assert.Single(record.Applications, a => a.Type == nameof(ApplicationType.Renewal));
        Assert.Equal([("Motivational interviewing", 5m, false), ("Boundaries and ethics", 1m, true)],
            application.ContinuingEducation.Select(e => (e.Course, e.Hours, e.IsEthics)));
        using var stream = new MemoryStream();
        Fixture.GetService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<IMyRecordWorkbook>().Write(record, stream);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Continuing education");
        Assert.Equal(["Boundaries and ethics", "Motivational interviewing"], new[] { sheet.Cell(2, 2).GetString(), sheet.Cell(3, 2).GetString() }.Order());
        Assert.Equal(6m, sheet.Cell(2, 4).GetValue<decimal>() + sheet.Cell(3, 4).GetValue<decimal>());
    }

    [Fact]
    public async Task Staff_cannot_download_a_persons_record_as_their_own()
    {
        await Assert.ThrowsAsync<Common.Exceptions.ForbiddenException>(() => Fixture.SendAsync(new ExportMyRecord.Query(), TestUsers.Reviewer("TN")));
    }
}
