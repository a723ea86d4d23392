using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// The Data Protection key ring at rest. With <c>DataProtection:CertificatePath</c> (a .pfx, opened with
/// <c>DataProtection:CertificatePassword</c>) each key's secret is encrypted to that certificate before it is stored,
/// in the folder or the database alike; without one the secret is stored as it is, and outside Development the
/// registry says so at start-up. A folder ring is the service user's alone (folder 0700, key files 0600).
/// </summary>
public static class KeyRing
{
    public static IDataProtectionBuilder PersistKeysToOwnerOnlyFolder(this IDataProtectionBuilder builder, string folder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            // Made before Data Protection's repository, which would otherwise make it with the process's default mode.
            OwnerOnly.CreateFolder(folder);
            options.XmlRepository = new OwnerOnlyXmlRepository(new DirectoryInfo(folder), sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        }));
        return builder;
    }

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration, string contentRootPath)
    {
        var path = configuration["DataProtection:CertificatePath"];
        var protectedByCertificate = !string.IsNullOrWhiteSpace(path);
        if (protectedByCertificate)
            builder.ProtectKeysWithCertificate(LoadCertificate(Path.GetFullPath(path!, contentRootPath), configuration["DataProtection:CertificatePassword"]));
        builder.Services.AddHostedService(sp => new UnprotectedKeysWarning(protectedByCertificate, sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILogger<UnprotectedKeysWarning>>()));
        return builder;
    }

    /// <summary>A certificate that cannot be read stops the start, naming the setting, rather than leaving keys unprotected.</summary>
    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath ({path}) could not be opened as a PKCS#12 (.pfx) file with DataProtection:CertificatePassword: {e.Message}", e);
        }
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"DataProtection:CertificatePath ({path}) holds no private key, which reading the keys back needs.");
    }

    /// <summary>The folder ring of Data Protection, each key file created 0600 in a 0700 folder.</summary>
    private sealed class OwnerOnlyXmlRepository(DirectoryInfo directory, ILoggerFactory loggers) : FileSystemXmlRepository(directory, loggers)
    {
        public override void StoreElement(XElement element, string friendlyName)
        {
            OwnerOnly.CreateFolder(Directory.FullName);
            var name = friendlyName.Length > 0 && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? friendlyName : Guid.NewGuid().ToString();
            // Written to a temporary file and moved into place, as Data Protection's own folder ring does.
            var temporary = Path.Combine(Directory.FullName, $"{Guid.NewGuid()}.tmp");
            try
            {
                using (var file = OwnerOnly.CreateNew(temporary)) element.Save(file);
                File.Move(temporary, Path.Combine(Directory.FullName, $"{name}.xml"));
            }
            finally
            {
                File.Delete(temporary);
            }
        }
    }

    private sealed class UnprotectedKeysWarning(bool protectedByCertificate, IHostEnvironment environment, ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!protectedByCertificate && !environment.IsDevelopment())
                logger.LogWarning("The Data Protection keys, which sign sign-in cookies, bearer tokens and e-mailed links, are stored unencrypted: " +
                    "set DataProtection:CertificatePath (a .pfx) and DataProtection:CertificatePassword to encrypt them at rest.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
