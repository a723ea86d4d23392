using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Web.Tests.Records;

/// <summary>A Tennessee (or Pennsylvania) draft belonging to a signed-up applicant, and helpers to read what the registry mailed.</summary>
public static partial class RecordsWebScenario
{
    public static readonly byte[] Pdf = [.. "%PDF-1.7\n% certificate\n"u8, .. new byte[64]];

    public static async Task<Guid> DraftAsync(WebFixture fixture, string email = "applicant@test.example", string stateCode = "TN")
    {
        var state = stateCode == "TN" ? TestData.State("TN", "Tennessee", "CPRS") : TestData.State(stateCode, "Pennsylvania", "CPS");
        var person = TestData.Person("Robin", "Alvarez");
        var draft = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), fixture.Factory.Clock.GetUtcNow());
        await fixture.InsertAsync(state, person, draft);
        await fixture.CreateUserAsync(email, Roles.Applicant, personId: person.Id);
        return draft.Id;
    }

    public static async Task<T> QueryAsync<T>(WebFixture fixture, Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    /// <summary>The token in the newest confirmation e-mail to <paramref name="email"/>.</summary>
    public static async Task<string> TokenMailedToAsync(WebFixture fixture, string email)
    {
        var body = (await QueryAsync(fixture, db => db.Notifications.Where(n => n.RecipientEmail == email).OrderByDescending(n => n.CreatedAt).FirstAsync())).Rendered().Text;
        return Uri.UnescapeDataString(ConfirmLink().Match(body).Groups[1].Value);
    }

    public static string Today(int plusDays = 0) => TestClock.StartDay.AddDays(plusDays).ToString("yyyy-MM-dd");

    [GeneratedRegex(@"/Confirm/(\S+)")]
    private static partial Regex ConfirmLink();
}
