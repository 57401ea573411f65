using BenchmarkDotNet.Attributes;
using GateController.Benchmarks.Hardware;

namespace GateController.Benchmarks.Service;

/// <summary>
/// gatecontrollerd as systemd starts it, on the simulated board: process start → READY=1 (door path live; target
/// ≤ 1.5 s), process start → face models loaded and ready (target ≤ 5 s), and the resident memory with the models
/// loaded and 50,000 face templates in the index (target ≤ 300 MB; printed and kept in <see cref="LastResidentMegabytes"/>).
/// Each invocation starts one process.
/// </summary>
[Config(typeof(InProcessSingleInvocationConfig))]
public class ServiceStartBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private ServiceUnit? _cardOnly;
    private ServiceUnit? _withFace;
    private ServiceUnit? _fiftyThousand;

    /// <summary>VmRSS of the last 50,000-template run, in MB.</summary>
    public static double LastResidentMegabytes { get; private set; }

    [GlobalSetup(Target = nameof(StartToReady))]
    public void SetUpCardOnly() => _cardOnly = new ServiceUnit(face: false, faceTemplates: 0);

    [GlobalSetup(Target = nameof(StartToFaceReady))]
    public void SetUpFace() => _withFace = new ServiceUnit(face: true, faceTemplates: 0);

    [GlobalSetup(Target = nameof(FaceReadyWithFiftyThousandTemplates))]
    public void SetUpFiftyThousand() => _fiftyThousand = new ServiceUnit(face: true, faceTemplates: 50_000);

    [GlobalCleanup]
    public void CleanUp()
    {
        _cardOnly?.Dispose();
        _withFace?.Dispose();
        _fiftyThousand?.Dispose();
    }

    /// <summary>Process start → READY=1.</summary>
    [Benchmark]
    public async Task<double> StartToReady()
    {
        using var process = ServiceProcess.Start(_cardOnly!.ConfigFile, _cardOnly.Directory);
        var ready = await process.WaitForReadyAsync(Timeout);
        Console.WriteLine($"// start → READY=1: {ready.TotalMilliseconds:F0} ms");
        return ready.TotalMilliseconds;
    }

    /// <summary>Process start → face recognition ready.</summary>
    [Benchmark]
    public async Task<double> StartToFaceReady()
    {
        using var process = ServiceProcess.Start(_withFace!.ConfigFile, _withFace.Directory);
        var ready = await process.WaitForReadyAsync(Timeout);
        var face = await process.WaitForLineAsync("face recognition ready", Timeout);
        Console.WriteLine($"// start → READY=1: {ready.TotalMilliseconds:F0} ms; start → face ready: {face.TotalMilliseconds:F0} ms; resident memory with the models and no templates {process.ResidentMegabytes():F1} MB ({process.ResidentBreakdown()})");
        return face.TotalMilliseconds;
    }

    /// <summary>Process start → face ready with 50,000 templates; prints the resident memory then.</summary>
    [Benchmark]
    public async Task<double> FaceReadyWithFiftyThousandTemplates()
    {
        using var process = ServiceProcess.Start(_fiftyThousand!.ConfigFile, _fiftyThousand.Directory);
        var ready = await process.WaitForReadyAsync(Timeout);
        var face = await process.WaitForLineAsync("face recognition ready (50000 templates", Timeout);
        LastResidentMegabytes = process.ResidentMegabytes();
        Console.WriteLine($"// 50,000 templates: start → READY=1 {ready.TotalMilliseconds:F0} ms; start → face ready {face.TotalMilliseconds:F0} ms; resident memory {LastResidentMegabytes:F1} MB ({process.ResidentBreakdown()})");

        // The inference arenas grow on the first frames: memory again after the whole pipeline and a 1:N search ran.
        for (var photo = 1; photo <= 3; photo++)
        {
            _fiftyThousand.IdentifyFace(RepositoryLayout.Photo(photo));
        }

        Console.WriteLine($"// 50,000 templates, after 3 face identifications: resident memory {process.ResidentMegabytes():F1} MB ({process.ResidentBreakdown()})");
        return LastResidentMegabytes;
    }
}
