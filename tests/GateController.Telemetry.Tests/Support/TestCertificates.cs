namespace GateController.Telemetry.Tests.Support;

/// <summary>A CA, a server certificate for 127.0.0.1 and a client certificate, made with the openssl CLI.</summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaCertificate => Path.Combine(Directory, "ca.crt");

    public string OtherCaCertificate => Path.Combine(Directory, "other-ca.crt");

    public string ServerCertificate => Path.Combine(Directory, "server.crt");

    public string ServerKey => Path.Combine(Directory, "server.key");

    public string OtherServerCertificate => Path.Combine(Directory, "other-server.crt");

    public string OtherServerKey => Path.Combine(Directory, "other-server.key");

    public string ClientCertificate => Path.Combine(Directory, "client.crt");

    public string ClientKey => Path.Combine(Directory, "client.key");

    public static TestCertificates Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gc-tls-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var certificates = new TestCertificates(directory);
        File.WriteAllText(Path.Combine(directory, "server.ext"), "subjectAltName=IP:127.0.0.1\n");
        certificates.MakeCa("ca");
        certificates.MakeCa("other-ca");
        certificates.MakeLeaf("server", "/CN=127.0.0.1", "-extfile server.ext", "ca");
        certificates.MakeLeaf("other-server", "/CN=127.0.0.1", "-extfile server.ext", "other-ca");
        certificates.MakeLeaf("client", "/CN=gate-unit", string.Empty, "ca");
        return certificates;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private void MakeCa(string name)
    {
        OpenSsl($"ecparam -name prime256v1 -genkey -noout -out {name}.key");
        OpenSsl($"req -x509 -new -key {name}.key -sha256 -days 2 -subj /CN={name} -out {name}.crt");
    }

    private void MakeLeaf(string name, string subject, string extensions, string ca)
    {
        OpenSsl($"ecparam -name prime256v1 -genkey -noout -out {name}.key");
        OpenSsl($"req -new -key {name}.key -subj {subject} -out {name}.csr");
        OpenSsl($"x509 -req -in {name}.csr -CA {ca}.crt -CAkey {ca}.key -CAcreateserial -days 2 -sha256 {extensions} -out {name}.crt");
    }

    private void OpenSsl(string arguments)
    {
        var (code, output) = NativeProbe.Run("/bin/sh", $"-c \"cd '{Directory}' && openssl {arguments}\"");
        if (code != 0)
        {
            throw new InvalidOperationException($"openssl {arguments} failed: {output}");
        }
    }
}
