using GateController.Core.Consents;
using GateController.Core.Readers;
using GateController.Core.Residents;
using GateController.Service.Face;
using GateController.Storage;
using GateController.Storage.Keys;
using GateController.Storage.Records;
using GateController.Vision.Camera;
using GateController.Vision.Imaging;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Service.Tests.Face;

/// <summary>
/// A store in a temporary directory, the face component over the real models, and helpers to add consenting
/// residents enrolled from the sample photos. One per test: each test owns its residents and index.
/// </summary>
internal sealed class FaceGateHarness : IDisposable
{
    public const string Operator = "wang";

    public FaceGateHarness()
    {
        Directory = Path.Combine(Path.GetTempPath(), "gc-face-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(Directory);
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        using (var key = DeviceKeyFile.Create(Path.Combine(Directory, "device.key")))
        {
            Store = GateStore.Open(new GateStoreOptions { DataDirectory = Path.Combine(Directory, "data"), WalReserveKilobytes = 0 }, key, Time);
        }

        Recognition = FaceRecognition.Open(
            new FaceRecognitionOptions { ModelDirectory = RepositoryLayout.ModelDirectory, ManifestPath = RepositoryLayout.ManifestPath },
            Store);
        Assert.True(Recognition.IsAvailable, Recognition.UnavailableReason);
    }

    public string Directory { get; }

    public FakeTimeProvider Time { get; }

    public GateStore Store { get; }

    public FaceRecognition Recognition { get; }

    /// <summary>Adds an active resident, optionally with a face consent.</summary>
    public ResidentId AddResident(string id, bool consent)
    {
        var resident = ResidentId.Parse(id);
        Store.AddResident(new Resident(resident, "Test " + id, null, ResidentStatus.Active, false), Operator);
        if (consent)
        {
            Store.RecordConsent(new ConsentGrant(resident, ConsentKind.Face, "2026-01", "notice", ConsentChannel.Office, "F-" + id, null, Operator));
        }

        return resident;
    }

    /// <summary>Adds a consenting resident and enrols them from a JPEG.</summary>
    public ResidentId AddEnrolled(string id, byte[] jpeg)
    {
        var resident = AddResident(id, consent: true);
        Recognition.Enroll(resident, (byte[])jpeg.Clone(), Operator);
        return resident;
    }

    public FaceGateReader CreateReader(ICameraSource camera, FaceGateMode mode, Action<FaceGateReaderOptions>? configure = null)
    {
        var options = new FaceGateReaderOptions { ReaderId = "gate-camera", Mode = mode };
        configure?.Invoke(options);
        return new FaceGateReader(options, camera, Recognition, Time);
    }

    /// <summary>A camera frame of a JPEG, stamped now.</summary>
    public CameraFrame Frame(byte[] jpeg, long sequence = 0)
    {
        using var decoder = new JpegDecoder();
        Assert.True(decoder.TryDecode(jpeg, ImagePixelFormat.Rgb24, out var image, out var problem), problem);
        return new CameraFrame(image, Time.GetUtcNow(), sequence);
    }

    /// <summary>Processes one frame through the reader and returns the credentials it raised.</summary>
    public static List<CredentialPresented> Present(FaceGateReader reader, CameraFrame frame)
    {
        var raised = new List<CredentialPresented>();
        void OnPresented(object? sender, CredentialPresented credential) => raised.Add(credential);
        reader.CredentialPresented += OnPresented;
        try
        {
            using (frame)
            {
                reader.ProcessFrame(frame);
            }
        }
        finally
        {
            reader.CredentialPresented -= OnPresented;
        }

        return raised;
    }

    public void Dispose()
    {
        Recognition.Dispose();
        Store.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
