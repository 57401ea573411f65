using GateController.Hardware.Gpio;

namespace GateController.Hardware.Readers.Wiegand;

/// <summary>Settings of one Wiegand reader on two GPIO lines.</summary>
public sealed class WiegandReaderOptions
{
    /// <summary>The D0 (data zero) line's number on the chip. Default GPIO5 (header pin 29).</summary>
    public int Data0Pin { get; init; } = 5;

    /// <summary>The D1 (data one) line's number on the chip. Default GPIO6 (header pin 31).</summary>
    public int Data1Pin { get; init; } = 6;

    /// <summary>Bias of both lines; the level shifter normally provides the pull-up, the internal one is a backstop.</summary>
    public PinMode LineMode { get; init; } = PinMode.InputPullUp;

    /// <summary>Silence after the last edge that closes a frame (default 25 ms; bits arrive every 1–2 ms).</summary>
    public int InterFrameGapMilliseconds { get; init; } = 25;

    /// <summary>Edges held between the GPIO callback and the decoder (default 4096; a quarter full triggers an early drain).</summary>
    public int EdgeBufferCapacity { get; init; } = 4096;

    /// <summary>More edges than this in one second marks the reader as flooding (default 2000).</summary>
    public int FloodEdgesPerSecond { get; init; } = 2000;

    /// <summary>More rejected frames than this in one second marks the reader as flooding (default 10).</summary>
    public int FloodRejectedFramesPerSecond { get; init; } = 10;

    /// <summary>First retry delay after a fault opening the lines; doubles up to <see cref="MaximumRetryDelayMilliseconds"/>.</summary>
    public int RetryDelayMilliseconds { get; init; } = 1000;

    /// <summary>Longest retry delay.</summary>
    public int MaximumRetryDelayMilliseconds { get; init; } = 30_000;

    /// <summary>Which frames besides the standard formats are accepted.</summary>
    public WiegandDecoderOptions Decoder { get; init; } = WiegandDecoderOptions.Default;

    /// <summary>Every problem with these options, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Data0Pin < 0)
        {
            problems.Add($"{nameof(Data0Pin)}: {Data0Pin} is not a line number");
        }

        if (Data1Pin < 0)
        {
            problems.Add($"{nameof(Data1Pin)}: {Data1Pin} is not a line number");
        }

        if (Data0Pin == Data1Pin)
        {
            problems.Add($"{nameof(Data1Pin)}: line {Data1Pin} is also {nameof(Data0Pin)}");
        }

        if (LineMode == PinMode.Output)
        {
            problems.Add($"{nameof(LineMode)}: the data lines are inputs");
        }

        if (InterFrameGapMilliseconds is < 5 or > 1000)
        {
            problems.Add($"{nameof(InterFrameGapMilliseconds)}: {InterFrameGapMilliseconds} is outside 5-1000");
        }

        if (EdgeBufferCapacity is < 64 or > 65536)
        {
            problems.Add($"{nameof(EdgeBufferCapacity)}: {EdgeBufferCapacity} is outside 64-65536");
        }

        if (FloodEdgesPerSecond < 100)
        {
            problems.Add($"{nameof(FloodEdgesPerSecond)}: {FloodEdgesPerSecond} is below 100");
        }

        if (FloodRejectedFramesPerSecond < 1)
        {
            problems.Add($"{nameof(FloodRejectedFramesPerSecond)}: {FloodRejectedFramesPerSecond} is below 1");
        }

        if (RetryDelayMilliseconds < 1 || MaximumRetryDelayMilliseconds < RetryDelayMilliseconds)
        {
            problems.Add($"{nameof(RetryDelayMilliseconds)}: must be at least 1 and not above {nameof(MaximumRetryDelayMilliseconds)}");
        }

        problems.AddRange(Decoder.Validate().Select(p => $"{nameof(Decoder)}.{p}"));
        return problems;
    }
}
