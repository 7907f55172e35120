using System.Security.Cryptography.X509Certificates;
using Commonweal.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace Commonweal.Web.Hosting;

/// <summary>
/// The data-protection keys (which protect sign-in cookies, sessions and antiforgery tokens) live in the store, so every
/// instance shares them and a restart signs no one out. At rest they are encrypted with the certificate named by
/// <c>Commonweal:DataProtection:CertificateFile</c> (a PKCS#12 file; its password in
/// <c>Commonweal:DataProtection:CertificatePassword</c>); without one they are stored unencrypted and the platform says so
/// at start. See docs/deploying.md.
/// </summary>
public static class KeyStorage
{
    public static IServiceCollection AddCommonwealKeyStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName("Commonweal")
            .PersistKeysToDbContext<CommonwealDbContext>();
        if (configuration["Commonweal:DataProtection:CertificateFile"] is { Length: > 0 } file)
        {
            if (!File.Exists(file)) throw new InvalidOperationException($"Commonweal:DataProtection:CertificateFile: no file at '{file}'");
            keys.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(file, configuration["Commonweal:DataProtection:CertificatePassword"]));
        }

        return services;
    }

    /// <summary>Whether the keys are encrypted at rest (for the warning at start).</summary>
    public static bool Encrypted(IConfiguration configuration) => configuration["Commonweal:DataProtection:CertificateFile"] is { Length: > 0 };
}
