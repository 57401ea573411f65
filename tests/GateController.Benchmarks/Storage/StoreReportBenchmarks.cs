using BenchmarkDotNet.Attributes;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Privacy;
using GateController.Core.Residents;
using GateController.Benchmarks.Hardware;
using GateController.Storage.Records;

namespace GateController.Benchmarks.Storage;

/// <summary>
/// What `gatectl status`, `report pia` and `events --follow` ask of the store on a full unit: 50,000 residents with a
/// card, a PIN and a face consent (half of them under an earlier notice) and 150,000 access events. Each runs on an
/// operator's request or once per follow poll, so it only needs to stay well under a second; the follow poll (a
/// page after a cursor near the end) should stay in the milliseconds.
/// </summary>
[Config(typeof(InProcessShortRunConfig))]
public class StoreReportBenchmarks
{
    private const int Residents = 50_000;
    private const int AccessEvents = 150_000;

    private static readonly ConsentNotice Current = new("2026-01", "zh", "现行告知书");

    private StoreBenchmarkHost? _host;
    private long _cursor;

    [GlobalSetup]
    public void Setup()
    {
        _host = new StoreBenchmarkHost();
        var store = _host.Store;
        store.ImportResidents(StoreBenchmarkHost.Rows(Residents), "bench");
        store.ExecuteScalarForTests("PRAGMA synchronous=OFF");
        for (var i = 0; i < Residents; i++)
        {
            var (version, text) = i % 2 == 0 ? (Current.Version, Current.Text) : ("2025-06", "旧告知书");
            store.RecordConsent(new ConsentGrant(StoreBenchmarkHost.Id(i), ConsentKind.Face, version, text, ConsentChannel.Office, $"F{i}", null, "bench"));
        }

        var start = DateTimeOffset.UtcNow.AddDays(-80);
        store.AppendAccessEvents(Enumerable.Range(0, AccessEvents).Select(i =>
            new AccessEventRecord(start.AddSeconds(i * 40), "front", CredentialKind.Card, StoreBenchmarkHost.Id(i % Residents), true, "granted")));
        store.ExecuteScalarForTests("PRAGMA synchronous=FULL");
        _host.Reopen();
        _cursor = _host.Store.LastAccessEventSequence() - 10;
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    /// <summary>The counts in status and the impact-assessment report.</summary>
    [Benchmark]
    public PrivacyStoreCounts CountContents() => _host!.Store.CountContents();

    /// <summary>Residents whose consent needs renewal, in status.</summary>
    [Benchmark]
    public int CountResidentsNeedingConsentRenewal() => _host!.Store.CountResidentsNeedingConsentRenewal([Current]);

    /// <summary>The first page of `gatectl events`: the newest 1,000.</summary>
    [Benchmark]
    public int ReadLatestAccessEvents() => _host!.Store.ReadLatestAccessEvents(1000).Count;

    /// <summary>One `events --follow` poll: the ten events after a cursor.</summary>
    [Benchmark]
    public int ReadAccessEventsAfterCursor() => _host!.Store.ReadAccessEventsAfter(_cursor, 1000).Count;
}
