using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GateController.Benchmarks.Hardware;

/// <summary>A short run in the benchmark process itself (no generated project to build), for the hardware benchmarks.</summary>
public class InProcessShortRunConfig : ManualConfig
{
    /// <summary>3 warm-ups, 5 iterations, in process.</summary>
    public InProcessShortRunConfig() =>
        AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
}
