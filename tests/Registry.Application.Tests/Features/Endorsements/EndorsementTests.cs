using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Employers;
using Registry.Application.Features.Endorsements;
using Registry.Application.Features.Programs;
using Registry.Application.Features.Verification;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Endorsements;

public sealed class EndorsementTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly RequirementsModel.EndorsementModel Youth = new()
    {
        Code = "y", Name = "Youth", Description = "Peer support with young adults.", MinimumAge = 18, MaximumAge = 29, MinimumPopulationSharePercent = 50,
    };

    private static readonly RequirementsModel.EndorsementModel Family = new() { Code = "F", Name = "Family", Description = "Peer support with families." };

    private async Task<Guid> ProgramWithEndorsementsAsync(string state = "FL")
    {
        var florida = TestData.State(state, "Florida", "CRPS", TestData.NoRequirements());
        await Fixture.InsertAsync(florida);
        var programId = florida.Programs[0].Id;
        var current = await Fixture.SendAsync(new GetProgramConfiguration.Query(programId), TestUsers.StateAdmin(state));
        await Fixture.SendAsync(new ConfigureProgram.Command { ProgramId = programId, Requirements = current.Requirements with { Endorsements = [Youth, Family] } },
            TestUsers.StateAdmin(state));
        return programId;
    }

    [Fact]
    public async Task A_program_s_endorsements_are_kept_with_its_requirements_and_read_back()
    {
        var programId = await ProgramWithEndorsementsAsync();

        var read = await Fixture.SendAsync(new GetProgramConfiguration.Query(programId), TestUsers.StateAdmin("FL"));

        Assert.Equal(["Y", "F"], read.Requirements.Endorsements.Select(e => e.Code));
        Assert.Equal((18, 29, 50), (read.Requirements.Endorsements[0].MinimumAge, read.Requirements.Endorsements[0].MaximumAge, read.Requirements.Endorsements[0].MinimumPopulationSharePercent));
        Assert.Equal(2, await Fixture.QueryAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.RequirementsVersion).SingleAsync()));
    }

    [Fact]
    public async Task Endorsements_that_make_no_sense_are_field_errors_and_change_nothing()
    {
        var programId = await ProgramWithEndorsementsAsync();
        var current = await Fixture.SendAsync(new GetProgramConfiguration.Query(programId), TestUsers.StateAdmin("FL"));

        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Fixture.SendAsync(new ConfigureProgram.Command
        {
            ProgramId = programId,
            Requirements = current.Requirements with
            {
                Endorsements = [Youth with { MinimumAge = 30 }, Family with { Code = "Y" }, Family with { Code = "V", TrainingDomainCode = "MIL", ExtraTrainingHours = 8 }],
            },
        }, TestUsers.StateAdmin("FL")));

        Assert.Contains(error.Errors, e => e.ErrorMessage == "The oldest age cannot be below the youngest age.");
        Assert.Contains(error.Errors, e => e.ErrorMessage == "Each endorsement needs its own code.");
        Assert.Contains(error.Errors, e => e.ErrorMessage.Contains("MIL is not one of the program's training domains"));
        Assert.Equal(2, await Fixture.QueryAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.RequirementsVersion).SingleAsync()));
    }

    [Fact]
    public async Task Granting_and_withdrawing_show_on_every_verification_answer_tell_the_holder_and_are_audited()
    {
        var programId = await ProgramWithEndorsementsAsync();
        var program = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Id == programId));
        var holder = TestData.Person("Rosa", "Delgado");
        var credential = Credential.Issue(program, holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now.AddDays(-90));
        await Fixture.InsertAsync(holder, credential);
        var number = credential.Number.Value;
        var before = await Fixture.SendAsync(new RevalidateCredential.Query(number), TestUsers.Anonymous);

        await Fixture.SendAsync(new GrantEndorsement.Command(credential.Id, "y", "Board decision of the last meeting."), TestUsers.Reviewer("FL"));

        var granted = await Fixture.SendAsync(new VerifyCredential.Query(number), TestUsers.Anonymous);
        Assert.Equal([new PublicEndorsement("Y", "Youth", EndorsementStatus.Active, TestClock.StartDay)], granted.Endorsements);
        Assert.NotEqual(before, granted.EntityTag);
        var bulk = (await Fixture.SendAsync(new SearchCredentials.Query("Delgado", "FL"), TestUsers.Anonymous)).Items.Single();
        Assert.Equal(JsonSerializer.Serialize(granted), JsonSerializer.Serialize(bulk));
        await AssertReadersAgreeAsync(credential.Number);

        await Fixture.SendAsync(new WithdrawEndorsement.Command(credential.Id, "Y", "Granted in error: the work hours were with adults."), TestUsers.StateAdmin("FL"));

        var withdrawn = await Fixture.SendAsync(new VerifyCredential.Query(number), TestUsers.Anonymous);
        Assert.Equal(EndorsementStatus.Withdrawn, Assert.Single(withdrawn.Endorsements).Status);
        Assert.DoesNotContain("adults", JsonSerializer.Serialize(withdrawn)); // the reason is not public
        await AssertReadersAgreeAsync(credential.Number);
        Assert.Equal(CredentialStatus.Active, withdrawn.Status);

        var told = await Fixture.QueryAsync(db => db.Notifications.Where(n => n.PersonId == holder.Id).Select(n => n.DeduplicationKey).ToListAsync());
        Assert.Contains(told, k => k!.StartsWith("endorsementgranted:"));
        Assert.Contains(told, k => k!.StartsWith("endorsementwithdrawn:"));
        var audited = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.StateCode == "FL").Select(a => a.Action).ToListAsync());
        Assert.Contains("GrantEndorsement", audited);
        Assert.Contains("WithdrawEndorsement", audited);
    }

    [Fact]
    public async Task Only_the_state_s_staff_grant_and_only_endorsements_the_program_defines()
    {
        var programId = await ProgramWithEndorsementsAsync();
        var program = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Id == programId));
        var holder = TestData.Person("Sam", "Okafor");
        var credential = Credential.Issue(program, holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now.AddDays(-90));
        await Fixture.InsertAsync(holder, credential);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new GrantEndorsement.Command(credential.Id, "Y", null), TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new GrantEndorsement.Command(credential.Id, "Y", null), TestUsers.Applicant(holder.Id)));
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new GrantEndorsement.Command(credential.Id, "V", null), TestUsers.Reviewer("FL")));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Fixture.SendAsync(new WithdrawEndorsement.Command(credential.Id, "Y", " "), TestUsers.Reviewer("FL")));
        Assert.False(await Fixture.QueryAsync(db => db.Set<CredentialEndorsement>().AnyAsync()));
    }

    [Fact]
    public async Task Watching_employers_are_told_an_endorsement_was_granted_or_withdrawn_but_never_why()
    {
        var programId = await ProgramWithEndorsementsAsync();
        var program = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Id == programId));
        var holder = TestData.Person("Ari", "Watched");
        var credential = Credential.Issue(program, holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now.AddDays(-90));
        var employer = new Employer("First Clinic", "first.clinic@employer.example", StateCode.Parse("FL"), Now.AddYears(-1));
        employer.Approve(null, Now.AddYears(-1));
        await Fixture.InsertAsync(holder, credential, employer);
        await Fixture.SendAsync(new WatchCredentials.Command([credential.Number.Value]), TestUsers.Employer(employer.Id));

        await Fixture.SendAsync(new GrantEndorsement.Command(credential.Id, "F", null), TestUsers.Reviewer("FL"));
        await Fixture.SendAsync(new WithdrawEndorsement.Command(credential.Id, "F", "Private reason of the board."), TestUsers.Reviewer("FL"));
        await Fixture.SendAsync(new NotifyWatchingEmployers.Command(), TestUsers.SystemAdmin());

        var alerts = await Fixture.QueryAsync(db => db.WatchAlerts.AsNoTracking().Select(a => a.Kind).ToListAsync());
        Assert.Equal([CredentialEventKind.EndorsementGranted, CredentialEventKind.EndorsementWithdrawn], alerts.Order());
        var mail = (await Fixture.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Template == "watch-list-change"))).Rendered().Text;
        Assert.Contains("endorsement F granted", mail);
        Assert.Contains("endorsement F withdrawn", mail);
        Assert.DoesNotContain("Private reason", mail);
    }

    private async Task AssertReadersAgreeAsync(CredentialNumber number)
    {
        var (provider, compiled) = await Fixture.RunAsync<IServiceProvider, (string, string)>(async services =>
        {
            var database = services.GetRequiredService<IDatabaseTransactions>();
            var one = await PublicCredentials.LoadOneAsync(services.GetRequiredService<IPublicRecordReader>(), database, number, CancellationToken.None);
            var other = await PublicCredentials.LoadOneAsync(new CompiledPublicRecordReader(services.GetRequiredService<IRegistryDbContext>()), database, number, CancellationToken.None);
            return (JsonSerializer.Serialize(one) + one!.EntityTag, JsonSerializer.Serialize(other) + other!.EntityTag);
        });
        Assert.Equal(compiled, provider);
    }
}
