using GateController.Core.Readers;
using GateController.Hardware.Readers.Mfrc522;
using GateController.Hardware.Tests.Evdev;
using GateController.Simulation.Mfrc522;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Readers;

/// <summary>The MFRC522 reader on the register-level emulator, stepped one poll at a time with fake time.</summary>
internal sealed class Mfrc522ContractRig : IReaderContractRig
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    private readonly Mfrc522Emulator _chip = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly Mfrc522Reader _reader;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public Mfrc522ContractRig()
    {
        var options = new Mfrc522ReaderOptions { PollIntervalMilliseconds = 100, RetryInitialDelayMilliseconds = 200, RetryMaximumDelayMilliseconds = 1_000 };
        _reader = new Mfrc522Reader("gate-mfrc522", new Mfrc522SpiTransport(_chip), _time, options);
    }

    public ICredentialReader Reader => _reader;

    public void Start()
    {
        _run = _reader.RunAsync(_stop.Token);
        Eventually.True(() => _reader.CompletedPolls >= 1, "the first poll");
    }

    public void PresentCard(int card)
    {
        _chip.AddCard(new SimulatedIso14443aCard(Uid(card)));
        Poll();
    }

    public void HoldCard()
    {
        Poll();
        Poll();
        Poll();
    }

    public void RemoveCard()
    {
        _chip.ClearField();
        Poll();
        Poll();
    }

    public void SendGarbage()
    {
        _chip.AddCard(new SimulatedIso14443aCard([0x5A, 0x5A, 0x5A, 0x5A]) { CorruptNextSakCrcCount = int.MaxValue });
        Poll();
        Poll();
        _chip.ClearField();
        Poll();
        Poll();
    }

    public void DisconnectDevice()
    {
        _chip.LineFault = SimulatedSpiLineFault.AllOnes;
        Poll();
    }

    public void ReconnectDevice()
    {
        _chip.LineFault = SimulatedSpiLineFault.None;
        Poll();
    }

    public string ExpectedUidHex(int card) => Convert.ToHexString(Uid(card));

    public void Dispose()
    {
        _stop.Cancel();
        _run?.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        _chip.Dispose();
    }

    /// <summary>Odd cards have 4-byte UIDs, even ones 7-byte, every fifth a 10-byte UID.</summary>
    private static byte[] Uid(int card) => (card % 5, card % 2) switch
    {
        (0, _) => [0x08, (byte)card, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80],
        (_, 1) => [0x3C, (byte)card, 0xA5, 0x96],
        _ => [0x04, (byte)card, 0x22, 0x33, 0x44, 0x55, 0x66],
    };

    private void Poll()
    {
        var before = _reader.CompletedPolls;
        _time.Advance(Step);
        Eventually.True(() => _reader.CompletedPolls > before, "a poll");
    }
}
