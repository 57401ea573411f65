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
              "Admin": { "Socket": "{{Path.Combine(Directory, "admin.sock")}}" },
              "Face": { "Enabled": {{(face ? "true" : "false")}}, "ModelDirectory": "{{models}}", "ManifestPath": "{{manifest}}" }
            }
            """);
    }

    public string Directory => _directory.FullName;

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

    public void Dispose() => _directory.Delete(recursive: true);
}
