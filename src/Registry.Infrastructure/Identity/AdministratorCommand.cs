using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Validation;
using Registry.Application.Features.Accounts;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// <c>admin create --email E [--name N] [--additional]</c>, run instead of the web host: the way into a new deployment.
/// Creates a SystemAdmin account with no password and prints a link to choose one (Identity's reset link: one use,
/// valid for a day). Refuses while a SystemAdmin exists unless <c>--additional</c> is given, and for an address that
/// already has an account. Audited as the system. Exit code 0 when created, 1 if refused or failed, 2 for a wrong
/// command line.
/// </summary>
public static class AdministratorCommand
{
    public const string Usage = "Usage: dotnet Registry.Web.dll admin create --email <e-mail address> [--name \"Display name\"] [--additional]";

    /// <summary>The action its audit entries carry.</summary>
    public const string Action = "CreateAdministrator";

    public static bool IsAdministratorCommand(string[] args) => args is ["admin", ..];

    public sealed record Arguments(string Email, string? Name, bool Additional);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (Parse(args) is not { } arguments)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        var invalid = new ArgumentsValidator().Validate(arguments);
        if (!invalid.IsValid)
        {
            foreach (var failure in invalid.Errors) await errors.WriteLineAsync(failure.ErrorMessage);
            return 1;
        }
        try
        {
            await using var scope = services.CreateAsyncScope();
            var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
            // The same start as the web host's: the database is brought to the latest migration where the host would do it.
            if (configuration.GetValue("Database:MigrateOnStartup", true))
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            var (refusal, link) = await CreateAsync(scope.ServiceProvider, arguments);
            if (refusal is not null)
            {
                await errors.WriteLineAsync(refusal);
                return 1;
            }
            await output.WriteLineAsync($"Created the administrator account {arguments.Email.Trim()}.");
            await output.WriteLineAsync("Open this link within 24 hours to choose its password; it works once:");
            await output.WriteLineAsync(link);
            return 0;
        }
        catch (Exception e)
        {
            await errors.WriteLineAsync($"The administrator was not created: {e.Message}");
            return 1;
        }
    }

    /// <summary>The account and its link, or why not; nothing is written when refused.</summary>
    public static async Task<(string? Refusal, string Link)> CreateAsync(IServiceProvider scope, Arguments arguments)
    {
        var identity = scope.GetRequiredService<IIdentityService>();
        scope.GetRequiredService<IAuditContext>().Action = Action;
        var email = arguments.Email.Trim();
        if (!arguments.Additional && await identity.AnyInRoleAsync(Roles.SystemAdmin, CancellationToken.None))
            return ("A system administrator already exists. To add another, run the command again with --additional.", "");
        if (await identity.FindByEmailAsync(email) is not null)
            return ($"An account with the e-mail address {email} already exists.", "");
        // The role is a second save: both or neither.
        var userId = await scope.GetRequiredService<IDatabaseTransactions>().InTransactionAsync(_ =>
            identity.CreateUserAsync(new NewAccount(email, arguments.Name?.Trim() is { Length: > 0 } name ? name : email) { EmailConfirmed = true },
                Roles.SystemAdmin, password: null), CancellationToken.None);
        return (null, scope.GetRequiredService<IAccountLinks>().ResetPassword(email, await identity.PasswordResetCodeAsync(userId)));
    }

    private static Arguments? Parse(string[] args)
    {
        if (args is not ["admin", "create", .. var options]) return null;
        var (email, name, additional) = ((string?)null, (string?)null, false);
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--email" when i + 1 < options.Length && email is null: email = options[++i]; break;
                case "--name" when i + 1 < options.Length && name is null: name = options[++i]; break;
                case "--additional" when !additional: additional = true; break;
                default: return null;
            }
        }
        return email is null ? null : new Arguments(email, name, additional);
    }

    private sealed class ArgumentsValidator : AbstractValidator<Arguments>
    {
        public ArgumentsValidator()
        {
            RuleFor(a => a.Email).AccountEmail("Give the administrator's e-mail address after --email.");
            RuleFor(a => a.Name!).MaximumLength(200).ReadableText().When(a => a.Name is not null);
        }
    }
}
