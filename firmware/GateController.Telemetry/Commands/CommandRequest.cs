namespace GateController.Telemetry.Commands;

/// <summary>
/// The JSON body of a command. <see cref="Signature"/> is the lower-case hex HMAC-SHA-256, under the
/// technician's key, of <c>unit\ncommand\ntechnician\ntimestamp\nnonce\nargument</c> (see <see cref="CommandSigner"/>).
/// </summary>
/// <param name="Technician">The technician id.</param>
/// <param name="Timestamp">Unix time in seconds when the command was made.</param>
/// <param name="Nonce">8–64 letters, digits, '-' or '_', never reused.</param>
/// <param name="Argument">An optional argument.</param>
/// <param name="Signature">The HMAC, hex.</param>
public sealed record CommandRequest(string? Technician, long Timestamp, string? Nonce, string? Argument, string? Signature);
