using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GateController.Benchmarks.Storage;

/// <summary>Times a long bulk operation: one warm-up and five measured runs, in process.</summary>
public class BulkOperationConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public BulkOperationConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Bulk"));
    }
}
