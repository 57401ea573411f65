using GateController.Core.Readers;
using GateController.Hardware.Gate;
using GateController.Hardware.Keypad;
using GateController.Hardware.Readers.Mfrc522;
using GateController.Hardware.Readers.Wiegand;
using GateController.Service.Boards;
using GateController.Service.Configuration;

namespace GateController.Service.DoorPath;

/// <summary>
/// Builds the door's credential readers from configuration on a board: the Wiegand reader and the matrix keypad (each
/// wrapped in a <see cref="PinEntry"/> that turns keys into a PIN or visitor code), the MFRC522 and the USB card
/// reader. Another reader (a face reader) is one more <c>Add</c> in <see cref="Create"/>.
/// </summary>
public static class CredentialReaderFactory
{
    /// <summary>The readers for <paramref name="options"/> on <paramref name="board"/>; the caller disposes what it returns.</summary>
    /// <exception cref="IOException">A device could not be opened; the message names it.</exception>
    /// <param name="options">The configuration.</param>
    /// <param name="board">The board the readers run on.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="routeKeys">
    /// Wraps a keypad's raw reader in front of its PIN entry (withdrawal at the gate); null for none. A wrapped keypad's
    /// PIN entry has no follow-up window: the router takes the keys after a resident's credential.
    /// </param>
    public static CredentialReaderSet Create(
        GateControllerOptions options, IGateBoard board, TimeProvider timeProvider, Func<ICredentialReader, GateWithdrawalRouter>? routeKeys = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var set = new CredentialReaderSet();
        try
        {
            if (options.Wiegand.Enabled)
            {
                var wiegand = new WiegandReader(options.Wiegand.ReaderId, board.Gpio, options.Wiegand.ToReaderOptions(), timeProvider);
                set.Owned.Add(wiegand);
                set.Add(new PinEntry(Route(set, wiegand, routeKeys), PinEntryOptions(options, routeKeys), timeProvider));
            }

            if (options.Keypad.Enabled)
            {
                var keypad = new MatrixKeypadReader(options.Keypad.ReaderId, board.Gpio, options.Keypad.ToKeypadOptions(), timeProvider);
                set.Owned.Add(keypad);
                set.Add(new PinEntry(Route(set, keypad, routeKeys), PinEntryOptions(options, routeKeys), timeProvider));
            }

            if (options.Mfrc522.Enabled)
            {
                set.Add(new Mfrc522Reader(options.Mfrc522.ReaderId, board.OpenMfrc522(options.Mfrc522), timeProvider, options.Mfrc522.ToReaderOptions()));
            }

            if (options.Hid.Enabled)
            {
                set.Add(board.CreateHidReader(options.Hid, timeProvider));
            }
        }
        catch
        {
            set.Dispose();
            throw;
        }

        return set;
    }

    private static ICredentialReader Route(CredentialReaderSet set, ICredentialReader raw, Func<ICredentialReader, GateWithdrawalRouter>? routeKeys)
    {
        if (routeKeys is null)
        {
            return raw;
        }

        var router = routeKeys(raw);
        set.Routers.Add(router);
        set.Owned.Insert(0, router);
        return router;
    }

    private static PinEntryOptions PinEntryOptions(GateControllerOptions options, Func<ICredentialReader, GateWithdrawalRouter>? routeKeys) =>
        routeKeys is null ? options.Keypad.ToPinEntryOptions() : new PinEntryOptions
        {
            EntryTimeoutMilliseconds = options.Keypad.EntryTimeoutMilliseconds,
            FollowUpWindowMilliseconds = 0,
        };
}
