using System.Globalization;
using System.Text;
using GateController.Telemetry.Commands;

namespace GateController.Telemetry.Tests.Support;

/// <summary>Builds signed command payloads the way a technician's tool does.</summary>
public static class CommandFactory
{
    public static readonly byte[] TechnicianKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    public static readonly byte[] ReleaseKey = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    public static void AddTechnicians(TelemetryOptions options)
    {
        options.Technicians.Add(new TechnicianKey { TechnicianId = "tech-1", Key = TechnicianKey });
        options.Technicians.Add(new TechnicianKey { TechnicianId = "tech-door", Key = ReleaseKey, MayReleaseDoor = true });
    }

    public static byte[] Build(string unitId, string command, DateTimeOffset now, string? nonce = null, string technician = "tech-1", string? argument = null, byte[]? key = null, long? timestamp = null)
    {
        nonce ??= Guid.NewGuid().ToString("N");
        var ts = timestamp ?? now.ToUnixTimeSeconds();
        key ??= technician == "tech-door" ? ReleaseKey : TechnicianKey;
        var signature = CommandSigner.Sign(key, unitId, command, technician, ts, nonce, argument);
        var argumentJson = argument is null ? "null" : $"\"{argument}\"";
        return Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"technician\":\"{technician}\",\"timestamp\":{ts},\"nonce\":\"{nonce}\",\"argument\":{argumentJson},\"signature\":\"{signature}\"}}"));
    }
}
