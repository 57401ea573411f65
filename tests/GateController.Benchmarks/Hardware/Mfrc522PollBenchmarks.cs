using BenchmarkDotNet.Attributes;
using GateController.Hardware.Readers.Mfrc522;
using GateController.Simulation.Mfrc522;

namespace GateController.Benchmarks.Hardware;

/// <summary>
/// One MFRC522 poll through the real driver, SPI framing and the register-level emulator.
/// Targets: a poll with no card ≤ 2 ms of CPU; a poll that finds a card and raises CredentialPresented ≤ 30 ms with
/// the SPI bytes taking their 1 MHz wire time (ModelWireTime = true; the wait is a busy wait, so it counts fully).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 64)]
[MemoryDiagnoser]
public class Mfrc522PollBenchmarks
{
    private Mfrc522Emulator _chip = null!;
    private Mfrc522Reader _reader = null!;
    private int _presented;

    /// <summary>Whether each SPI transfer lasts its 1 MHz wire time.</summary>
    [Params(false, true)]
    public bool ModelWireTime { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _chip = new Mfrc522Emulator { ModelTransferTime = ModelWireTime };
        _reader = new Mfrc522Reader("bench", new Mfrc522SpiTransport(_chip), TimeProvider.System, new Mfrc522ReaderOptions { RemovalMissedPolls = 1 });
        _reader.CredentialPresented += (_, _) => _presented++;
        _reader.PollOnceGuarded();
    }

    [GlobalCleanup]
    public void Cleanup() => _chip.Dispose();

    /// <summary>An empty field: VersionReg check, WUPA, timer timeout.</summary>
    [Benchmark]
    public bool PollNoCard() => _reader.PollOnceGuarded();

    /// <summary>A 4-byte card arrives: WUPA, anticollision, SELECT with CRC_A both ways, a second anticollision, HLTA.</summary>
    [Benchmark]
    public int PollCardArrives4ByteUid() => Present([0xDE, 0xAD, 0xBE, 0xEF]);

    /// <summary>A 7-byte card arrives: two cascade levels.</summary>
    [Benchmark]
    public int PollCardArrives7ByteUid() => Present([0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66]);

    /// <summary>Two cards arrive together: bit-level collision resolution, both reported.</summary>
    [Benchmark]
    public int PollTwoCardsArrive()
    {
        _chip.AddCard(new SimulatedIso14443aCard([0x12, 0x34, 0x56, 0x78]));
        _chip.AddCard(new SimulatedIso14443aCard([0x12, 0x34, 0x57, 0x00]));
        return PresentAndClear();
    }

    private int Present(byte[] uid)
    {
        _chip.AddCard(new SimulatedIso14443aCard(uid));
        return PresentAndClear();
    }

    private int PresentAndClear()
    {
        var before = _presented;
        _reader.PollOnceGuarded();
        var raised = _presented - before;
        if (raised == 0)
        {
            throw new InvalidOperationException("the card was not presented");
        }

        // Take the card away and let the reader notice, so the next invocation presents it again. This no-card poll
        // is part of the measured time: subtract PollNoCard for the card's own figure.
        _chip.ClearField();
        _reader.PollOnceGuarded();
        return raised;
    }
}
