using System.Globalization;
using GateController.Telemetry;

namespace GateController.Cli.Diag;

/// <summary>What <c>gatectl diag</c> was asked to do. Call <see cref="Validate"/> before use.</summary>
internal sealed class DiagOptions
{
    /// <summary>The plain MQTT port.</summary>
    public const int PlainPort = 1883;

    /// <summary>The MQTT over TLS port.</summary>
    public const int TlsPort = 8883;

    /// <summary>The longest <see cref="Duration"/>: a week.</summary>
    public static readonly TimeSpan LongestDuration = TimeSpan.FromDays(7);

    /// <summary>Broker host name or address.</summary>
    public string BrokerHost { get; set; } = "localhost";

    /// <summary>Broker port; null means 1883, or 8883 with TLS.</summary>
    public int? BrokerPort { get; set; }

    /// <summary>The one unit to watch, or null for every unit.</summary>
    public string? UnitId { get; set; }

    /// <summary>Whether to stream the raw documents, one JSON line each, instead of the table.</summary>
    public bool Json { get; set; }

    /// <summary>CA certificate file (PEM); setting it turns TLS on.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>Client certificate file (PEM), with <see cref="TlsKeyFile"/>.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>Client private key file (PEM, unencrypted), with <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; set; }

    /// <summary>Broker username.</summary>
    public string? Username { get; set; }

    /// <summary>A file whose first line is the broker password (never on the command line).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Stop after this many documents.</summary>
    public int? Count { get; set; }

    /// <summary>Stop after this long.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>How long to wait for the broker to accept the connection.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The port in use.</summary>
    public int EffectivePort => BrokerPort ?? (TlsCaFile is null ? PlainPort : TlsPort);

    /// <summary>host:port, for messages.</summary>
    public string BrokerText => BrokerHost.Contains(':', StringComparison.Ordinal)
        ? $"[{BrokerHost}]:{EffectivePort.ToString(CultureInfo.InvariantCulture)}"
        : $"{BrokerHost}:{EffectivePort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Reads <c>HOST</c>, <c>HOST:PORT</c> or <c>[IPv6]:PORT</c> into <see cref="BrokerHost"/> and <see cref="BrokerPort"/>;
    /// returns the problem, or null.
    /// </summary>
    public string? SetBroker(string text)
    {
        var trimmed = text.Trim();
        string host;
        string? port = null;
        if (trimmed.StartsWith('['))
        {
            var close = trimmed.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < trimmed.Length && trimmed[close + 1] != ':'))
            {
                return $"--broker '{text}' must be HOST, HOST:PORT or [ADDRESS]:PORT";
            }

            host = trimmed[1..close];
            port = close + 1 < trimmed.Length ? trimmed[(close + 2)..] : null;
        }
        else
        {
            var colon = trimmed.LastIndexOf(':');
            if (colon >= 0 && trimmed.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return $"--broker '{text}': write an IPv6 address as [ADDRESS]:PORT";
            }

            host = colon < 0 ? trimmed : trimmed[..colon];
            port = colon < 0 ? null : trimmed[(colon + 1)..];
        }

        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            return $"--broker '{text}' has no valid host";
        }

        BrokerHost = host;
        if (port is null)
        {
            BrokerPort = null;
            return null;
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            return $"--broker '{text}': the port must be 1–65535";
        }

        BrokerPort = number;
        return null;
    }

    /// <summary>Every problem with these options, one message per problem naming the option.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (UnitId is not null && !TelemetryOptions.IsValidUnitId(UnitId))
        {
            problems.Add($"--unit '{UnitId}' must be 1–64 letters, digits, '-' or '_'");
        }

        if (Count is < 1)
        {
            problems.Add($"--count {Count} must be at least 1");
        }

        if (Duration is { } duration && (duration <= TimeSpan.Zero || duration > LongestDuration))
        {
            problems.Add($"--duration must be more than 0 and at most {LongestDuration.TotalSeconds} seconds");
        }

        if (Count is not null && Duration is not null)
        {
            problems.Add("--count and --duration cannot be used together");
        }

        if ((TlsCertificateFile is null) != (TlsKeyFile is null))
        {
            problems.Add("--tls-cert and --tls-key must be given together");
        }

        if (TlsCertificateFile is not null && TlsCaFile is null)
        {
            problems.Add("--tls-cert needs --tls-ca");
        }

        if (PasswordFile is not null && Username is null)
        {
            problems.Add("--password-file needs --username");
        }

        if (Username is { Length: 0 })
        {
            problems.Add("--username must not be empty");
        }

        return problems;
    }
}
