using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GateController.Benchmarks.Storage;
using GateController.Core.Consents;
using GateController.Core.Residents;
using GateController.Service.Face;
using GateController.Storage.Records;

namespace GateController.Benchmarks.Face;

/// <summary>
/// One enrolment and one removal with 50,000 templates loaded, in process: the store write (encrypt, insert, audit,
/// synchronous=FULL; a removal also truncates the WAL) plus the index change, and the index part of a removal alone.
/// Neither reloads the index. Each timed operation's latency is recorded; the summary shows p50, p99 and max (the Mean
/// column also counts the untimed half of each step).
/// </summary>
[Config(typeof(SingleOperationConfig))]
public class FaceTemplateChangeBenchmarks
{
    private const int Loaded = 50_000;
    private const int Spare = 64;
    private const int Batch = 8;

    private readonly float[] _embedding = new float[512];
    private StoreBenchmarkHost? _host;
    private FaceRecognition? _recognition;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = new StoreBenchmarkHost();
        var root = FindRepositoryRoot();
        var options = new FaceRecognitionOptions
        {
            ModelDirectory = Path.Combine(root, "artifacts", "models"),
            ManifestPath = Path.Combine(root, "models", "manifest.json"),
        };
        string modelId;
        using (var probe = FaceRecognition.Open(options, _host.Store))
        {
            modelId = probe.IsAvailable ? probe.ModelId : throw new InvalidOperationException($"face recognition unavailable: {probe.UnavailableReason}");
        }

        _host.Store.ImportResidents(StoreBenchmarkHost.Rows(Loaded + Spare), "bench");
        _host.EnrollAll(Loaded, modelId);
        for (var i = Loaded; i < Loaded + Spare; i++)
        {
            _host.Store.RecordConsent(new ConsentGrant(StoreBenchmarkHost.Id(i), ConsentKind.Face, "1.0", "notice", ConsentChannel.Office, $"F{i}", null, "bench"));
        }

        _recognition = FaceRecognition.Open(options, _host.Store);
        if (_recognition.TemplateCount != Loaded)
        {
            throw new InvalidOperationException($"{_recognition.TemplateCount} templates loaded, not {Loaded}");
        }

        // The start-up load once more, timed: stream, decrypt and quantise every template into the index.
        var started = Stopwatch.GetTimestamp();
        var report = _recognition.Reload();
        Console.WriteLine($"// reload of {report.Loaded} templates into the index: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms ({report.Damaged} damaged)");

        var random = new Random(3);
        for (var v = 0; v < _embedding.Length; v++)
        {
            _embedding[v] = (float)((random.NextDouble() * 2) - 1);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _recognition?.Dispose();
        _host?.Dispose();
    }

    /// <summary>Stores one template for a consenting resident and adds it to the loaded index (timed); removes it again (untimed).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void EnrollOne()
    {
        var samples = LatencyRecorder.For(nameof(EnrollOne));
        for (var i = 0; i < Batch; i++)
        {
            var resident = NextSpare();
            var start = Stopwatch.GetTimestamp();
            _recognition!.StoreTemplate(resident, _embedding, "bench");
            samples.Add(Stopwatch.GetTimestamp() - start);
            _recognition.Remove(resident, "bench");
        }
    }

    /// <summary>Deletes one resident's template and drops it from the loaded index (timed), after enrolling it (untimed).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void RemoveOne()
    {
        var samples = LatencyRecorder.For(nameof(RemoveOne));
        for (var i = 0; i < Batch; i++)
        {
            var resident = NextSpare();
            _recognition!.StoreTemplate(resident, _embedding, "bench");
            var start = Stopwatch.GetTimestamp();
            var removed = _recognition.Remove(resident, "bench");
            samples.Add(Stopwatch.GetTimestamp() - start);
            if (removed != 1 || _recognition.TemplateCount != Loaded)
            {
                throw new InvalidOperationException($"removed {removed}, {_recognition.TemplateCount} templates held");
            }
        }
    }

    /// <summary>Only the index part of a removal: drops one resident's template from the loaded index (timed).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void DropOneFromIndex()
    {
        var samples = LatencyRecorder.For(nameof(DropOneFromIndex));
        for (var i = 0; i < Batch; i++)
        {
            var resident = NextSpare();
            _recognition!.StoreTemplate(resident, _embedding, "bench");
            var start = Stopwatch.GetTimestamp();
            var dropped = _recognition.DropResident(resident);
            samples.Add(Stopwatch.GetTimestamp() - start);
            _host!.Store.DeleteFaceData(resident, "bench");
            if (dropped != 1)
            {
                throw new InvalidOperationException($"dropped {dropped}");
            }
        }
    }

    private ResidentId NextSpare() => StoreBenchmarkHost.Id(Loaded + (_next++ % Spare));

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GateController.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root was not found above " + AppContext.BaseDirectory);
    }
}
