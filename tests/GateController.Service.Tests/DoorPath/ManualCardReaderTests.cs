using GateController.Core.Readers;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Service.Tests.DoorPath;

/// <summary>The shared card stub the face-in-door-path tests and the face gate benchmark drive.</summary>
public sealed class ManualCardReaderTests
{
    private static readonly byte[] Uid = [0x2A, 0x30, 0x39];

    [Fact]
    public void Tap_Subscribed_PresentsTheCardAtThatTime()
    {
        var reader = new ManualCardReader();
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        CredentialPresented? seen = null;
        reader.CredentialPresented += (_, e) => seen = e;

        reader.Tap(Uid, at);

        Assert.Equal("2A3039", seen?.CardUidHex());
        Assert.Equal(at, seen?.PresentedAt);
        Assert.Equal("front-card", seen?.ReaderId);
    }

    [Fact]
    public async Task RunAsync_WithPeriod_PresentsTheCardEveryPeriod()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var reader = new ManualCardReader(Uid, TimeSpan.FromMilliseconds(50), time);
        var presented = 0;
        reader.CredentialPresented += (_, _) => Interlocked.Increment(ref presented);
        using var stop = new CancellationTokenSource();
        var running = reader.RunAsync(stop.Token);

        for (var tick = 1; tick <= 3; tick++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            var expected = tick;
            await Eventually.UntilAsync(() => Volatile.Read(ref presented) == expected, $"card {expected}");
        }

        time.Advance(TimeSpan.FromMilliseconds(49));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(3, presented);
    }

    [Fact]
    public async Task RunAsync_WithoutPeriod_PresentsNothingAndStopsQuietly()
    {
        var reader = new ManualCardReader();
        var presented = 0;
        reader.CredentialPresented += (_, _) => presented++;
        using var stop = new CancellationTokenSource();
        var running = reader.RunAsync(stop.Token);

        await stop.CancelAsync();
        await running;

        Assert.Equal(0, presented);
    }
}
