using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;

namespace Registry.Web.Tests.Account;

/// <summary>
/// <c>admin create</c>: the first administrator of a deployment, with a one-time link to choose a password. Run on the
/// test host's services, and once as the real program on a fresh database.
/// </summary>
public sealed class AdministratorCommandTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exitCode = await AdministratorCommand.RunAsync(Fixture.Factory.Services, arguments, output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    private async Task<T> QueryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    private static string CodeOf(string output) =>
        QueryHelpers.ParseQuery(new Uri(output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("http", StringComparison.Ordinal))).Query)["code"].ToString();

    private Task<HttpResponseMessage> ResetAsync(string email, string code, string password) =>
        Fixture.Client().PostAsJsonAsync("/api/v1/account/reset-password", new { email, code, password });

    [Fact]
    public async Task While_a_system_administrator_exists_another_is_created_only_when_asked_for_as_additional()
    {
        await Fixture.CreateUserAsync("first.admin@test.example", Roles.SystemAdmin);
        var refused = await RunAsync("admin", "create", "--email", "second.admin@test.example");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--additional", refused.Errors);
        Assert.False(await QueryAsync(db => db.Users.AnyAsync(u => u.Email == "second.admin@test.example")));

        var created = await RunAsync("admin", "create", "--email", "second.admin@test.example", "--name", "Robin Admin", "--additional");

        Assert.Equal(0, created.ExitCode);
        var user = await QueryAsync(db => db.Users.SingleAsync(u => u.Email == "second.admin@test.example"));
        Assert.Equal(("Robin Admin", true, null), (user.DisplayName, user.EmailConfirmed, user.PasswordHash));
        Assert.True(await QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.SystemAdmin))));
        Assert.Contains("http://localhost:5080/Account/ResetPassword?email=second.admin@test.example&code=", created.Output);

        // Audited as the system: no actor, the action named, the new account's id; never the link's code.
        var audit = await QueryAsync(db => db.AuditEntries.Where(a => a.Action == AdministratorCommand.Action).ToListAsync());
        var account = audit.First(a => a.EntityType == "RegistryUser" && a.Before == null); // the account added (Identity saves it again for its role)
        Assert.Equal((null, user.Id.ToString()), (account.ActorUserId, account.EntityId));
        var code = CodeOf(created.Output);
        Assert.DoesNotContain(audit, a => (a.After ?? "").Contains(code, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await ResetAsync("second.admin@test.example", code, AccountSteps.NewPassword)).StatusCode);
        Assert.NotEmpty(await Fixture.TokenAsync("second.admin@test.example", AccountSteps.NewPassword));
        // Used once, the link no longer works.
        Assert.Equal(HttpStatusCode.BadRequest, (await ResetAsync("second.admin@test.example", code, "Another-Password-77")).StatusCode);
    }

    [Fact]
    public async Task The_link_stops_working_after_24_hours()
    {
        var created = await RunAsync("admin", "create", "--email", "late.admin@test.example", "--additional");
        Assert.Equal(0, created.ExitCode);

        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.BadRequest, (await ResetAsync("late.admin@test.example", CodeOf(created.Output), AccountSteps.NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_link_still_works_just_before_24_hours()
    {
        var created = await RunAsync("admin", "create", "--email", "prompt.admin@test.example", "--additional");

        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, (await ResetAsync("prompt.admin@test.example", CodeOf(created.Output), AccountSteps.NewPassword)).StatusCode);
    }

    [Fact]
    public async Task An_address_with_an_account_a_bad_address_and_a_wrong_command_line_are_refused()
    {
        await Fixture.CreateUserAsync("taken@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var before = await QueryAsync(db => db.Users.CountAsync());

        var taken = await RunAsync("admin", "create", "--email", "taken@test.example", "--additional");
        var badAddress = await RunAsync("admin", "create", "--email", "not-an-address", "--additional");

        Assert.Equal((1, 1), (taken.ExitCode, badAddress.ExitCode));
        Assert.Contains("already exists", taken.Errors);
        Assert.Contains("name@example.org", badAddress.Errors);
        Assert.Equal(before, await QueryAsync(db => db.Users.CountAsync()));
        foreach (var wrong in new[] { new[] { "admin" }, ["admin", "create"], ["admin", "create", "--email"], ["admin", "remove", "--email", "a@test.example"], ["admin", "create", "--email", "a@test.example", "--force"] })
            Assert.Equal(2, (await RunAsync(wrong)).ExitCode);
    }

    [Fact]
    public async Task The_built_program_creates_the_first_administrator_of_a_fresh_database_once()
    {
        var database = Path.Combine(Path.GetTempPath(), $"registry-admin-{Guid.NewGuid():N}.db");
        try
        {
            var first = await RunRegistryAsync(database, "admin", "create", "--email", "first.admin@test.example", "--name", "First Admin");
            Assert.True(first.ExitCode == 0, first.Output);
            Assert.Contains("https://registry.test.example/Account/ResetPassword?email=first.admin@test.example&code=", first.Output);

            var second = await RunRegistryAsync(database, "admin", "create", "--email", "other.admin@test.example");
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("already exists", second.Output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    /// <summary>The registry's own program, as an operator runs it, on a SQLite database of its own that it creates.</summary>
    private static async Task<(int ExitCode, string Output)> RunRegistryAsync(string database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Registry.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Registry"] = $"Data Source={database}";
        start.Environment["Registry__PublicBaseUrl"] = "https://registry.test.example";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a hung command fails the test rather than the run
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output + await errors);
    }
}
