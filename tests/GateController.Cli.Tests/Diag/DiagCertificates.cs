using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GateController.Cli.Tests.Diag;

/// <summary>
/// A CA with a server certificate for 127.0.0.1 and a client certificate, and a second, unrelated CA, written as PEM
/// files with .NET's <see cref="CertificateRequest"/> (no external tool).
/// </summary>
internal sealed class DiagCertificates : IDisposable
{
    private DiagCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaCertificate => Path.Combine(Directory, "ca.crt");

    public string OtherCaCertificate => Path.Combine(Directory, "other-ca.crt");

    public string ServerCertificate => Path.Combine(Directory, "server.crt");

    public string ServerKey => Path.Combine(Directory, "server.key");

    public string ClientCertificate => Path.Combine(Directory, "client.crt");

    public string ClientKey => Path.Combine(Directory, "client.key");

    public static DiagCertificates Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gc-diag-tls-").FullName;
        var certificates = new DiagCertificates(directory);
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(2);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = MakeCa("test-ca", caKey, notBefore, notAfter);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = MakeCa("other-ca", otherKey, notBefore, notAfter);
        File.WriteAllText(certificates.CaCertificate, ca.ExportCertificatePem());
        File.WriteAllText(certificates.OtherCaCertificate, other.ExportCertificatePem());

        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        WriteLeaf(ca, "CN=127.0.0.1", names.Build(), certificates.ServerCertificate, certificates.ServerKey, notBefore, notAfter, serverAuthentication: true);
        WriteLeaf(ca, "CN=gatectl-technician", null, certificates.ClientCertificate, certificates.ClientKey, notBefore, notAfter, serverAuthentication: false);
        return certificates;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static X509Certificate2 MakeCa(string name, ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static void WriteLeaf(X509Certificate2 ca, string subject, X509Extension? names, string certificatePath, string keyPath, DateTimeOffset notBefore, DateTimeOffset notAfter, bool serverAuthentication)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuthentication ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca, notBefore, notAfter, serial);
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }
}
