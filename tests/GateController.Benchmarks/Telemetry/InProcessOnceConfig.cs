using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GateController.Benchmarks.Telemetry;

/// <summary>One invocation, no warm-up, in the benchmark process itself: for scenarios that last minutes.</summary>
public class InProcessOnceConfig : ManualConfig
{
    /// <summary>A dry job (one cold invocation) with the in-process toolchain, allowed to run for up to half an hour.</summary>
    public InProcessOnceConfig() =>
        AddJob(Job.Dry.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
}
