using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GateController.Benchmarks.Hardware;

/// <summary>One invocation per iteration (each lasts about a second), in the benchmark process itself.</summary>
public class InProcessSingleInvocationConfig : ManualConfig
{
    /// <summary>2 warm-ups, 5 iterations of one invocation, in process.</summary>
    public InProcessSingleInvocationConfig() =>
        AddJob(Job.Dry.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
}
