using Microsoft.EntityFrameworkCore;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Jobs;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Jobs;

/// <summary>Credentials with chosen expiry dates, for the daily jobs.</summary>
internal sealed class JobTestData(SliceFixture fixture)
{
    public DateOnly Today => RegistryDay.Today(fixture.Clock, "America/Chicago"); // TestData.State's zone

    public async Task<CredentialProgram> ProgramAsync(string code = "TN", int gracePeriodDays = 30, IEnumerable<int>? reminderDays = null)
    {
        var requirements = new ProgramRequirements(0, [], 0, 0, 0, null, [], renewalCycleMonths: 24, continuingEducationHours: 0,
            ethicsContinuingEducationHours: 0, gracePeriodDays: gracePeriodDays, renewalWindowDays: 90, reminderDays: reminderDays);
        var state = TestData.State(code, $"State {code}", "CPS", requirements);
        await fixture.InsertAsync(state);
        return state.Programs[0];
    }

    public async Task<Person> PersonAsync(string first = "Robin")
    {
        var person = TestData.Person(first, "Holder");
        await fixture.InsertAsync(person);
        return person;
    }

    /// <summary>An active credential that expires on <paramref name="expiresOn"/>, changed first by <paramref name="arrange"/>.</summary>
    public async Task<Credential> CredentialAsync(CredentialProgram program, Person holder, DateOnly expiresOn, Action<Credential>? arrange = null)
    {
        var issuedOn = expiresOn.AddYears(-2);
        var credential = Credential.Issue(program, holder.Id, issuedOn, Guid.NewGuid(), fixture.Clock.GetUtcNow().AddYears(-2));
        arrange?.Invoke(credential);
        await fixture.InsertAsync(credential);
        await fixture.ExecuteAsync(db => db.Credentials.Where(c => c.Id == credential.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ExpiresOn, expiresOn)));
        return credential;
    }

    /// <summary>A renewal for the credential, at the given status.</summary>
    public async Task RenewalAsync(Credential credential, ApplicationStatus status)
    {
        var application = CertificationApplication.Start(credential.HolderPersonId, credential.ProgramId, ApplicationType.Renewal, Guid.NewGuid(), fixture.Clock.GetUtcNow());
        await fixture.InsertAsync(application);
        await fixture.ExecuteAsync(db => db.Applications.Where(a => a.Id == application.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.CredentialId, credential.Id).SetProperty(a => a.Status, status)));
    }

    public Task<ReminderRun> RemindAsync() => fixture.RunAsync<RenewalReminderJob, ReminderRun>(job => job.RunAsync());

    public Task<ExpiryRun> ExpireAsync() => fixture.RunAsync<CredentialExpiryJob, ExpiryRun>(job => job.RunAsync());

    public Task<Credential> ReloadAsync(Guid id) =>
        fixture.QueryAsync(db => db.Credentials.Include(c => c.History).AsNoTracking().SingleAsync(c => c.Id == id));
}
