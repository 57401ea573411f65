using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Hardware.Keypad;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Keypad;

public sealed class PinEntryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly ScriptedReader _inner = new("keypad");
    private readonly List<object> _events = [];

    private PinEntry Create(PinEntryOptions? options = null)
    {
        var entry = new PinEntry(_inner, options ?? new PinEntryOptions(), _time);
        entry.CredentialPresented += (_, e) => _events.Add(e);
        entry.KeyPressed += (_, e) => _events.Add(e);
        entry.FrameRejected += (_, e) => _events.Add(e);
        return entry;
    }

    private void Type(string keys, int millisecondsBetween = 200)
    {
        foreach (var key in keys)
        {
            _time.Advance(TimeSpan.FromMilliseconds(millisecondsBetween));
            _inner.Key(key, _time.GetUtcNow());
        }
    }

    private static string Describe(object e) => e switch
    {
        CredentialPresented { Kind: CredentialKind.Pin } pin => "pin " + pin.Digits,
        CredentialPresented card => "card " + card.CardFormat,
        KeyPressed key => "key " + key.Key,
        FrameRejected rejected => "rejected " + rejected.Reason,
        _ => "?",
    };

    [Theory]
    [InlineData("1234#", "pin 1234")]
    [InlineData("12*5678#", "pin 5678")]
    [InlineData("*1234#", "pin 1234")]
    [InlineData("12345678#", "pin 12345678")]
    [InlineData("123#", "rejected length")]
    [InlineData("123456789", "rejected length")]
    [InlineData("#", "")]
    [InlineData("1234", "")]
    [InlineData("12A34#", "key A|pin 1234")]
    public void Keys_Typed_ExpectedEvents(string keys, string expected)
    {
        using var entry = Create();

        Type(keys);

        Assert.Equal(expected, string.Join('|', _events.Select(Describe)));
    }

    [Fact]
    public void Submit_Pin_CarriesReaderAndHashKeyTime()
    {
        using var entry = Create();

        Type("4321#");

        var pin = Assert.IsType<CredentialPresented>(Assert.Single(_events));
        Assert.Equal("keypad", pin.ReaderId);
        Assert.Equal(_time.GetUtcNow(), pin.PresentedAt);
        Assert.Equal(0, entry.PendingDigits);
    }

    [Fact]
    public void Timeout_QuietLongerThanEntryTimeout_ClearsDigits()
    {
        using var entry = Create(new PinEntryOptions { EntryTimeoutMilliseconds = 3000 });
        Type("12");

        _time.Advance(TimeSpan.FromMilliseconds(3000));
        Type("3456#");

        Assert.Equal(1, entry.TimedOutEntries);
        Assert.Equal("pin 3456", string.Join('|', _events.Select(Describe)));
    }

    [Fact]
    public void Timeout_KeysKeepComing_NotCleared()
    {
        using var entry = Create(new PinEntryOptions { EntryTimeoutMilliseconds = 3000 });

        Type("1234#", millisecondsBetween: 2500);

        Assert.Equal(0, entry.TimedOutEntries);
        Assert.Equal("pin 1234", string.Join('|', _events.Select(Describe)));
    }

    [Fact]
    public void KeysAfterCard_WithinWindow_PassedOnAsKeysNotPin()
    {
        using var entry = Create();
        _inner.Card([1, 2, 3], _time.GetUtcNow());

        Type("9*9#");
        Type("1234#", millisecondsBetween: 100);

        Assert.Equal("card Wiegand26|key 9|key *|key 9|key #|pin 1234", string.Join('|', _events.Select(Describe)));
    }

    [Fact]
    public void KeysAfterPin_WindowExpired_AssembledAgain()
    {
        using var entry = Create(new PinEntryOptions { FollowUpWindowMilliseconds = 2000 });
        Type("1111#");
        Type("7", millisecondsBetween: 500);

        _time.Advance(TimeSpan.FromSeconds(3));
        Type("2222#");

        Assert.Equal("pin 1111|key 7|pin 2222", string.Join('|', _events.Select(Describe)));
    }

    [Fact]
    public void Card_WhileDigitsPending_DigitsCleared()
    {
        using var entry = Create(new PinEntryOptions { FollowUpWindowMilliseconds = 0 });
        Type("12");

        _inner.Card([1, 2, 3], _time.GetUtcNow());
        Type("34#");

        Assert.Equal("card Wiegand26|rejected length", string.Join('|', _events.Select(Describe)));
    }

    [Fact]
    public void InnerRejection_PassedThrough()
    {
        using var entry = Create();

        _inner.Reject(_time.GetUtcNow());

        Assert.Equal("rejected parity", Describe(Assert.Single(_events)));
    }

    [Fact]
    public void Dispose_Unsubscribes_NoMoreEvents()
    {
        var entry = Create();
        entry.Dispose();

        Type("1234#");

        Assert.Empty(_events);
    }

    [Fact]
    public void Validate_BadOptions_OneMessagePerProblem()
    {
        var problems = new PinEntryOptions { EntryTimeoutMilliseconds = 1, MinimumDigits = 0, MaximumDigits = 40, FollowUpWindowMilliseconds = -1 }.Validate();

        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Handlers_Throw_CountedAndEntryGoesOn()
    {
        using var entry = Create();
        entry.CredentialPresented += (_, _) => throw new InvalidOperationException("a faulty subscriber");
        entry.FrameRejected += (_, _) => throw new InvalidOperationException("another");

        Type("1234#");
        _inner.Reject(_time.GetUtcNow());
        _inner.Card([1, 2, 3], _time.GetUtcNow());

        Assert.Equal(3, entry.HandlerFaults);
        Assert.Equal(["pin 1234", "rejected parity", "card Wiegand26"], _events.Select(Describe));
    }

    [Fact]
    public void Health_IsTheWrappedReadersHealth()
    {
        using var entry = Create();

        Assert.Same(_inner.Health, entry.Health);
    }
}
