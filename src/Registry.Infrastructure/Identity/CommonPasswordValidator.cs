using System.IO.Compression;
using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// Refuses a password found in lists of common and breached passwords (ASVS 2.1.7). The list ships in this
/// assembly: every entry of at least 12 characters (the registry's minimum; shorter ones fail on length) of
/// SecLists' "10 million password list, top 1,000,000" (xato.net, OWASP SecLists, CC BY-SA 3.0), lower-cased.
/// It is compared without regard to case, so "Password1234" is refused as "password1234" is.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<RegistryUser>
{
    public const string Code = "PasswordTooCommon";
    public const string Message = "This password is too common or has appeared in a data breach; choose another.";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    public Task<IdentityResult> ValidateAsync(UserManager<RegistryUser> manager, RegistryUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("Registry.Infrastructure.Identity.CommonPasswords.txt.gz")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var passwords = new HashSet<string>(50_000, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) passwords.Add(line);
        return passwords;
    }
}
