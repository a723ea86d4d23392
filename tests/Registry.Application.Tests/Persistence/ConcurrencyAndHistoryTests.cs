using Registry.Domain.Eligibility;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Application.Tests.Persistence;

public sealed class ConcurrencyAndHistoryTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task Two_people_changing_one_application_at_once_cannot_both_win()
    {
        var state = TestData.State("TN", "Tennessee");
        var person = TestData.Person();
        var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now);
        application.Submit(Guid.NewGuid(), Now, EligibilityResult.NothingRequired);
        await Fixture.InsertAsync(state, person, application);

        await Fixture.ExecuteAsync(async first =>
        {
            var mine = await first.Applications.Include(a => a.History).SingleAsync(a => a.Id == application.Id);
            await Fixture.ExecuteAsync(async second =>
            {
                var theirs = await second.Applications.Include(a => a.History).SingleAsync(a => a.Id == application.Id);
                theirs.Withdraw(Guid.NewGuid(), Now, "Changed my mind.");
                await second.SaveChangesAsync();
            });
            mine.BeginReview(Guid.NewGuid(), Now);
            await Assert.ThrowsAsync<ConflictException>(() => first.SaveChangesAsync());
        });

        var saved = await Fixture.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == application.Id));
        Assert.Equal(ApplicationStatus.Withdrawn, saved.Status);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task A_credential_and_its_history_round_trip_and_replay_past_statuses()
    {
        var state = TestData.State("PA", "Pennsylvania");
        var person = TestData.Person();
        var issuedOn = new DateOnly(2024, 1, 15);
        var credential = Credential.Issue(state.Programs[0], person.Id, issuedOn, Guid.NewGuid(), Now);
        credential.Suspend("Conditions unmet.", new DateOnly(2024, 6, 1), null, Guid.NewGuid(), Now);
        credential.Reinstate(new DateOnly(2024, 9, 1), Guid.NewGuid(), Now, null);
        await Fixture.InsertAsync(state, person, credential);

        var saved = await Fixture.QueryAsync(db => db.Credentials.Include(c => c.History).AsNoTracking().SingleAsync(c => c.Number == credential.Number));

        Assert.Equal("PA-CPS-000001", saved.Number.Value);
        Assert.Equal(new DateOnly(2026, 1, 15), saved.ExpiresOn);
        Assert.Equal(3, saved.History.Count);
        Assert.Null(saved.StatusOn(new DateOnly(2024, 1, 14)));
        Assert.Equal(CredentialStatus.Active, saved.StatusOn(new DateOnly(2024, 5, 31)));
        Assert.Equal(CredentialStatus.Suspended, saved.StatusOn(new DateOnly(2024, 7, 1)));
        Assert.Equal(CredentialStatus.Active, saved.StatusOn(new DateOnly(2024, 9, 1)));
    }

    [Fact]
    public async Task Credential_numbers_are_unique_in_the_database()
    {
        var state = TestData.State("PA", "Pennsylvania");
        var person = TestData.Person();
        var first = Credential.Issue(state.Programs[0], person.Id, new DateOnly(2024, 1, 15), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, person, first);

        // A stale copy of the program hands out the same sequence again.
        var stale = TestData.State("PA", "Pennsylvania").Programs[0];
        var duplicate = Credential.Issue(stale, person.Id, new DateOnly(2024, 2, 1), Guid.NewGuid(), Now);
        Assert.Equal(first.Number, duplicate.Number);

        await Assert.ThrowsAsync<ConflictException>(() => Fixture.ExecuteAsync(async db =>
        {
            db.Credentials.Add(duplicate);
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task History_rows_cannot_be_rewritten()
    {
        var state = TestData.State("PA", "Pennsylvania");
        var person = TestData.Person();
        var credential = Credential.Issue(state.Programs[0], person.Id, new DateOnly(2024, 1, 15), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, person, credential);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Fixture.ExecuteAsync(async db =>
        {
            var saved = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == credential.Id);
            db.Remove(saved.History[0]);
            await db.SaveChangesAsync();
        }));

        Assert.Equal(1, await Fixture.QueryAsync(db => db.Credentials.Where(c => c.Id == credential.Id).SelectMany(c => c.History).CountAsync()));
    }

    [Fact]
    public async Task Program_requirements_are_stored_as_data_and_read_back_whole()
    {
        var state = TestData.State("TN", "Tennessee");
        await Fixture.InsertAsync(state);

        var program = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync());

        Assert.Equal(46, program.Requirements.TrainingHoursTotal);
        Assert.Equal(["ETHICS", "ADVOCACY"], program.Requirements.TrainingDomains.Select(d => d.Code));
        Assert.Equal(16, program.Requirements.TrainingDomains[0].MinimumHours);
        Assert.Equal(70, program.Requirements.Exam!.PassingScore);
        Assert.Equal(["lived-experience", "code-of-ethics"], program.Requirements.RequiredAttestations);
        Assert.Equal(24, program.Requirements.RenewalCycleMonths);
    }
}
