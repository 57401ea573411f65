using GateController.Core.Consents;
using GateController.Core.Residents;
using GateController.Service.Face;
using GateController.Storage;
using GateController.Storage.Keys;
using GateController.Storage.Records;

namespace GateController.Benchmarks.Face;

/// <summary>
/// A unit for the face gate benchmarks: a store in a temporary directory with one consenting resident enrolled from
/// a demo photo, the face component over the real models (2 intra-op threads) and a replay folder.
/// </summary>
public sealed class FaceGateBenchmarkUnit : IDisposable
{
    /// <summary>The enrolled resident.</summary>
    public static readonly ResidentId Resident = ResidentId.Parse("R0001");

    public FaceGateBenchmarkUnit()
    {
        Directory = Path.Combine(Path.GetTempPath(), "gc-facebench-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(Directory);
        ReplayFolder = Path.Combine(Directory, "replay");
        System.IO.Directory.CreateDirectory(ReplayFolder);
        using (var key = DeviceKeyFile.Create(Path.Combine(Directory, "device.key")))
        {
            Store = GateStore.Open(new GateStoreOptions { DataDirectory = Path.Combine(Directory, "data"), WalReserveKilobytes = 0 }, key, TimeProvider.System);
        }

        Recognition = FaceRecognition.Open(
            new FaceRecognitionOptions
            {
                ModelDirectory = RepositoryLayout.ModelDirectory,
                ManifestPath = RepositoryLayout.ManifestPath,
                IntraOpThreadCount = 2,
            },
            Store);
        if (!Recognition.IsAvailable)
        {
            throw new InvalidOperationException($"face recognition unavailable: {Recognition.UnavailableReason}");
        }

        ResidentFrame = SamplePhotoCrops.Crop(3, 368, 227);
        EmptyFrame = SamplePhotoCrops.Uniform(128);
        Store.AddResident(new Resident(Resident, "Benchmark resident", null, ResidentStatus.Active, false), "bench");
        Store.RecordConsent(new ConsentGrant(Resident, ConsentKind.Face, "2026-01", "notice", ConsentChannel.Office, "F-1", null, "bench"));
        Recognition.Enroll(Resident, (byte[])ResidentFrame.Clone(), "bench");
    }

    public string Directory { get; }

    public string ReplayFolder { get; }

    public GateStore Store { get; }

    public FaceRecognition Recognition { get; }

    /// <summary>A 640×480 JPEG showing the resident alone.</summary>
    public byte[] ResidentFrame { get; }

    /// <summary>A 640×480 JPEG of a grey wall.</summary>
    public byte[] EmptyFrame { get; }

    public void WriteReplay(string name, byte[] jpeg) => File.WriteAllBytes(Path.Combine(ReplayFolder, name), jpeg);

    public void Dispose()
    {
        Recognition.Dispose();
        Store.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
