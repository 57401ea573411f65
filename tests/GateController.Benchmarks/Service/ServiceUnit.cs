using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage;
using GateController.Storage.Keys;
using GateController.Storage.Records;
using GateController.Vision.Onnx;

namespace GateController.Benchmarks.Service;

/// <summary>A unit on disk for the service benchmarks: key, store (optionally with face templates), configuration.</summary>
internal sealed class ServiceUnit : IDisposable
{
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("gc-service-bench-");

    public ServiceUnit(bool face, int faceTemplates)
    {
        var keyFile = Path.Combine(Directory, "device.key");
        var data = Path.Combine(Directory, "data");
        var root = RepositoryLayout.Root;
        var models = Path.Combine(root, "artifacts", "models");
        var manifest = Path.Combine(root, "models", "manifest.json");
        using (var key = DeviceKeyFile.Create(keyFile))
        using (var store = GateStore.Open(new GateStoreOptions { DataDirectory = data, WalReserveKilobytes = 0 }, key, TimeProvider.System))
        {
            var resident = ResidentId.Parse("R-1");
            store.AddResident(new Resident(resident, "bench", null, ResidentStatus.Active, false), "bench");
            store.AddCard(resident, CardFormat.Wiegand26, [1, 2, 3], "bench");
            if (faceTemplates > 0)
            {
                var feature = ModelManifest.Load(manifest)["fr_feature"];
                var modelId = $"{feature.Name}:{feature.InstalledSha256[..16]}";
                store.RecordConsent(new ConsentGrant(resident, ConsentKind.Face, "1.0", "notice", ConsentChannel.Office, "F1", null, "bench"));
                store.ExecuteScalarForTests("PRAGMA synchronous=OFF");
                var random = new Random(7);
                var embedding = new float[512];
                for (var i = 0; i < faceTemplates; i++)
                {
                    for (var v = 0; v < embedding.Length; v++)
                    {
                        embedding[v] = (float)((random.NextDouble() * 2) - 1);
                    }

                    store.AddFaceTemplate(resident, modelId, embedding, "bench");
                }

                store.ExecuteScalarForTests("PRAGMA synchronous=FULL");
                store.ExecuteScalarForTests("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }

        ConfigFile = Path.Combine(Directory, "gatecontroller.json");
        File.WriteAllText(ConfigFile, $$"""
            {
              "Store": { "DataDirectory": "{{data}}", "KeyFile": "{{keyFile}}", "WalReserveKilobytes": 0 },
              "Admin": { "Socket": "{{AdminSocket}}", "Operators": [ { "name": "{{Technician}}", "role": "technician" } ] },
              "Face": { "Enabled": {{(face ? "true" : "false")}}, "ModelDirectory": "{{models}}", "ManifestPath": "{{manifest}}" }
            }
            """);
    }

    /// <summary>The operator with the technician role, for a face identify test against the running unit.</summary>
    public const string Technician = "bench-technician";

    public string Directory => _directory.FullName;

    /// <summary>The unit's admin socket.</summary>
    public string AdminSocket => Path.Combine(Directory, "admin.sock");

    public string ConfigFile { get; }

    /// <summary>gatecontrollerd.dll as the build of this configuration left it.</summary>
    public static string ServiceAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
            return Path.Combine(RepositoryLayout.Root, "firmware", "GateController.Service", "bin", configuration, "net10.0", "gatecontrollerd.dll");
        }
    }

    /// <summary>gatectl.dll from the same build configuration.</summary>
    public static string GatectlAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
            return Path.Combine(RepositoryLayout.Root, "firmware", "GateController.Cli", "bin", configuration, "net10.0", "gatectl.dll");
        }
    }

    /// <summary>Runs <c>gatectl face identify</c> on <paramref name="photo"/> against the running unit: the whole face pipeline and a 1:N search in the service.</summary>
    public void IdentifyFace(string photo)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { GatectlAssembly, "face", "identify", "--photo", photo, "--socket", AdminSocket, "--operator", Technician, "--json" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"gatectl face identify exited {process.ExitCode}: {error}{output.Result}");
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
