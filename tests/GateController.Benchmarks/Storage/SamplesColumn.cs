using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GateController.Benchmarks.Storage;

/// <summary>How many single-operation latencies the percentile columns are computed from.</summary>
internal sealed class SamplesColumn : IColumn
{
    public string Id => nameof(SamplesColumn);

    public string ColumnName => "Op samples";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Single operations timed";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        LatencyRecorder.Count(benchmarkCase.Descriptor.WorkloadMethod.Name).ToString(CultureInfo.InvariantCulture);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
