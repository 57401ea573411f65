using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GateController.Benchmarks.Telemetry;

/// <summary>One invocation, no warm-up, in the benchmark process itself: for scenarios that last minutes.</summary>
public class InProcessOnceConfig : ManualConfig
{
    /// <summary>A dry job (one cold invocation) with the in-process toolchain.</summary>
    public InProcessOnceConfig() =>
        AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance));
}
