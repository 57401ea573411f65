using System.Globalization;
using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>
/// An MFRC522 card reader: polls the field every <see cref="Mfrc522ReaderOptions.PollIntervalMilliseconds"/>, selects
/// every card (up to <see cref="Mfrc522ReaderOptions.MaximumCardsPerPoll"/>) and reports each UID once until the card
/// has been away for <see cref="Mfrc522ReaderOptions.RemovalMissedPolls"/> polls. A UID is reported only after its BCC
/// and the SAK's CRC_A have been checked; faults and rejected frames go to <see cref="Health"/>, never a guessed UID.
/// </summary>
public sealed class Mfrc522Reader : CredentialReaderBase
{
    private readonly Mfrc522Device _device;
    private readonly TimeProvider _timeProvider;
    private readonly Mfrc522ReaderOptions _options;
    private readonly ReaderStatusTracker _status;
    private readonly List<TrackedCard> _present = [];
    private readonly List<byte[]> _found = [];
    private readonly byte[] _uid = new byte[Mfrc522Device.MaximumUidLength];
    private bool _initialized;
    private int _consecutiveFaults;
    private long _completedPolls;

    /// <summary>A reader named <paramref name="readerId"/> on the chip behind <paramref name="transport"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public Mfrc522Reader(string readerId, IMfrc522Transport transport, TimeProvider timeProvider, Mfrc522ReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options ?? new Mfrc522ReaderOptions();
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        ReaderId = readerId;
        _device = new Mfrc522Device(transport);
        _timeProvider = timeProvider;
        _status = new ReaderStatusTracker(readerId);
    }

    /// <inheritdoc />
    public override string ReaderId { get; }

    /// <inheritdoc />
    public override ReaderHealth Health => _status.Snapshot();

    /// <summary>Polls finished so far (each one's next timer is already armed); lets tests step the loop.</summary>
    internal long CompletedPolls => Interlocked.Read(ref _completedPolls);

    /// <inheritdoc />
    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var faulted = !PollOnceGuarded();
                var delay = faulted ? RetryDelay() : TimeSpan.FromMilliseconds(_options.PollIntervalMilliseconds);
                var wait = Task.Delay(delay, _timeProvider, cancellationToken);
                Interlocked.Increment(ref _completedPolls);
                await wait;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _status.Stopped();
        }
    }

    /// <summary>One poll of the field; returns false when the chip or bus is faulted.</summary>
    internal bool PollOnceGuarded()
    {
        try
        {
            var ok = PollOnce();
            _consecutiveFaults = ok ? 0 : _consecutiveFaults + 1;
            return ok;
        }
        catch (IOException exception)
        {
            _initialized = false;
            _consecutiveFaults++;
            _status.Fault($"bus-error: {exception.Message}");
            return false;
        }
    }

    private bool PollOnce()
    {
        var version = _device.ReadVersion();
        if (Mfrc522Device.IsAbsentVersion(version))
        {
            _initialized = false;
            _status.Fault(string.Create(CultureInfo.InvariantCulture, $"module-absent: {_device.DeviceName} VersionReg reads 0x{version:X2} (no MFRC522 answering: check 3.3 V supply, wiring and that SPI is enabled)"));
            return false;
        }

        if (!_initialized)
        {
            if (_device.Initialize() != Mfrc522Status.Ok)
            {
                _status.Fault($"chip-timeout: {_device.DeviceName} stayed in power-down after soft reset");
                return false;
            }

            _initialized = true;
        }

        var status = _device.WakeUp();
        if (status == Mfrc522Status.NoCard)
        {
            _status.Working();
            ObserveField(conclusive: true);
            return true;
        }

        if (status == Mfrc522Status.ChipTimeout)
        {
            return ChipTimedOut();
        }

        if (status != Mfrc522Status.Ok)
        {
            Reject("protocol", "the answer to WUPA was malformed");
            return true;
        }

        _found.Clear();
        var conclusive = true;
        for (var i = 0; i < _options.MaximumCardsPerPoll; i++)
        {
            status = _device.Select(_uid, out var length, out _);
            if (status == Mfrc522Status.Ok)
            {
                _found.Add(_uid.AsSpan(0, length).ToArray());
                continue;
            }

            if (status == Mfrc522Status.NoCard && i > 0)
            {
                break;
            }

            conclusive = false;
            if (status == Mfrc522Status.ChipTimeout)
            {
                return ChipTimedOut();
            }

            RejectSelection(status);
            break;
        }

        // HLTA the card that is still ACTIVE (also after a failed SAK check) so the next WUPA finds it again.
        if (_device.Halt() == Mfrc522Status.ChipTimeout)
        {
            return ChipTimedOut();
        }

        Array.Clear(_uid);
        _status.Working();
        ObserveField(conclusive);
        return true;
    }

    private void RejectSelection(Mfrc522Status status)
    {
        switch (status)
        {
            case Mfrc522Status.NoCard:
            case Mfrc522Status.CardLost:
                Reject("card-removed-mid-anticollision", "a card answered the wake-up and left the field before it was selected");
                break;
            case Mfrc522Status.CrcError:
                Reject("crc", "the card's SAK failed its CRC_A check");
                break;
            case Mfrc522Status.BccError:
                Reject("bcc", "a UID block check character did not match");
                break;
            default:
                Reject("protocol", "anticollision or select failed: " + status.ToString());
                break;
        }
    }

    private bool ChipTimedOut()
    {
        _initialized = false;
        _status.Fault($"chip-timeout: {_device.DeviceName} did not finish a command");
        return false;
    }

    private void Reject(string reason, string detail)
    {
        _status.Rejected(reason);
        OnFrameRejected(new FrameRejected(ReaderId, reason, detail, _timeProvider.GetUtcNow()));
    }

    private void ObserveField(bool conclusive)
    {
        foreach (var uid in _found)
        {
            var tracked = _present.Find(card => card.Uid.AsSpan().SequenceEqual(uid));
            if (tracked is not null)
            {
                tracked.MissedPolls = 0;
                continue;
            }

            _present.Add(new TrackedCard(uid.ToArray()));
            var now = _timeProvider.GetUtcNow();
            _status.Good(now);
            OnCredentialPresented(Core.Readers.CredentialPresented.ForCard(ReaderId, CardFormat.Mifare, uid, now));
        }

        if (conclusive)
        {
            foreach (var card in _present)
            {
                if (!_found.Exists(uid => uid.AsSpan().SequenceEqual(card.Uid)))
                {
                    card.MissedPolls++;
                }
            }

            _present.RemoveAll(card =>
            {
                var gone = card.MissedPolls >= _options.RemovalMissedPolls;
                if (gone)
                {
                    Array.Clear(card.Uid);
                }

                return gone;
            });
        }

        foreach (var uid in _found)
        {
            Array.Clear(uid);
        }

        _found.Clear();
    }

    private TimeSpan RetryDelay()
    {
        var exponent = Math.Min(Math.Max(_consecutiveFaults - 1, 0), 16);
        var milliseconds = Math.Min((long)_options.RetryInitialDelayMilliseconds << exponent, _options.RetryMaximumDelayMilliseconds);
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private sealed class TrackedCard(byte[] uid)
    {
        public byte[] Uid { get; } = uid;

        public int MissedPolls { get; set; }
    }
}
