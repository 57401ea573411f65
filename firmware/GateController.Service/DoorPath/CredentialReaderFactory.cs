using GateController.Core.Readers;
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
    public static CredentialReaderSet Create(GateControllerOptions options, IGateBoard board, TimeProvider timeProvider)
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
                set.Add(new PinEntry(wiegand, options.Keypad.ToPinEntryOptions(), timeProvider));
            }

            if (options.Keypad.Enabled)
            {
                var keypad = new MatrixKeypadReader(options.Keypad.ReaderId, board.Gpio, options.Keypad.ToKeypadOptions(), timeProvider);
                set.Owned.Add(keypad);
                set.Add(new PinEntry(keypad, options.Keypad.ToPinEntryOptions(), timeProvider));
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
}
