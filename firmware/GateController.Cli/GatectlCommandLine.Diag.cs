using System.CommandLine;
using GateController.Cli.Diag;

namespace GateController.Cli;

public static partial class GatectlCommandLine
{
    private static Command DiagCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var broker = new Option<string>("--broker") { Description = "the MQTT broker, HOST[:PORT] (port 1883, or 8883 with --tls-ca)", DefaultValueFactory = _ => "localhost" };
        var unit = new Option<string?>("--unit") { Description = "watch this unit only (default: every unit)" };
        var tlsCa = new Option<string?>("--tls-ca") { Description = "CA certificate (PEM); turns TLS on" };
        var tlsCertificate = new Option<string?>("--tls-cert") { Description = "client certificate (PEM), with --tls-key" };
        var tlsKey = new Option<string?>("--tls-key") { Description = "client private key (PEM, unencrypted), with --tls-cert" };
        var username = new Option<string?>("--username") { Description = "broker username" };
        var passwordFile = new Option<string?>("--password-file") { Description = "file whose first line is the broker password" };
        var count = new Option<int?>("--count") { Description = "stop after this many documents" };
        var duration = new Option<double?>("--duration") { Description = "stop after this many seconds" };
        var command = new Command("diag", "live view of units over MQTT: health table, alarms highlighted; --json streams the raw documents")
        {
            broker, unit, tlsCa, tlsCertificate, tlsKey, username, passwordFile, count, duration,
        };
        act(command, run =>
        {
            var options = new DiagOptions
            {
                UnitId = run.Parse.GetValue(unit),
                Json = run.Json,
                TlsCaFile = run.Parse.GetValue(tlsCa),
                TlsCertificateFile = run.Parse.GetValue(tlsCertificate),
                TlsKeyFile = run.Parse.GetValue(tlsKey),
                Username = run.Parse.GetValue(username),
                PasswordFile = run.Parse.GetValue(passwordFile),
                Count = run.Parse.GetValue(count),
                Duration = run.Parse.GetValue(duration) is { } seconds ? Seconds(seconds) : null,
            };
            if (options.SetBroker(run.Parse.GetValue(broker) ?? "localhost") is { } problem)
            {
                throw new GatectlException(problem, ExitUsage);
            }

            return DiagRunner.RunAsync(run, options);
        });
        command.Subcommands.Add(DiagSendCommand(act));
        return command;
    }

    private static Command DiagSendCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var name = new Argument<string>("COMMAND") { Description = "ping, health, self-test, door-release or reload" };
        var unit = new Option<string>("--unit") { Description = "the unit to command", Required = true };
        var technician = new Option<string>("--technician") { Description = "the technician id the command is signed as", Required = true };
        var keyFile = new Option<string>("--key-file") { Description = "the technician's key file (base64, from gatectl technician add --key-out)", Required = true };
        var argument = new Option<string?>("--argument") { Description = "an argument for the command" };
        var timeout = new Option<double>("--timeout") { Description = "seconds to wait for the reply (exit 75 when none came)", DefaultValueFactory = _ => 10 };
        var broker = new Option<string>("--broker") { Description = "the MQTT broker, HOST[:PORT] (port 1883, or 8883 with --tls-ca)", DefaultValueFactory = _ => "localhost" };
        var tlsCa = new Option<string?>("--tls-ca") { Description = "CA certificate (PEM); turns TLS on" };
        var tlsCertificate = new Option<string?>("--tls-cert") { Description = "client certificate (PEM), with --tls-key" };
        var tlsKey = new Option<string?>("--tls-key") { Description = "client private key (PEM, unencrypted), with --tls-cert" };
        var username = new Option<string?>("--username") { Description = "broker username" };
        var passwordFile = new Option<string?>("--password-file") { Description = "file whose first line is the broker password" };
        var send = new Command("send", "send a signed command to a unit and print its reply (exit 0 done, 1 refused, 69 no broker, 75 no reply)")
        {
            name, unit, technician, keyFile, argument, timeout, broker, tlsCa, tlsCertificate, tlsKey, username, passwordFile,
        };
        act(send, run =>
        {
            var options = new DiagOptions
            {
                UnitId = run.Parse.GetValue(unit),
                Json = run.Json,
                TlsCaFile = run.Parse.GetValue(tlsCa),
                TlsCertificateFile = run.Parse.GetValue(tlsCertificate),
                TlsKeyFile = run.Parse.GetValue(tlsKey),
                Username = run.Parse.GetValue(username),
                PasswordFile = run.Parse.GetValue(passwordFile),
            };
            if (options.SetBroker(run.Parse.GetValue(broker) ?? "localhost") is { } problem)
            {
                throw new GatectlException(problem, ExitUsage);
            }

            var seconds = run.Parse.GetValue(timeout);
            var request = new DiagCommandRequest
            {
                Command = run.Parse.GetValue(name)!,
                TechnicianId = run.Parse.GetValue(technician)!,
                KeyFile = run.Parse.GetValue(keyFile)!,
                Argument = run.Parse.GetValue(argument),
                Timeout = double.IsFinite(seconds) && seconds > 0 && seconds <= DiagCommandRequest.LongestTimeout.TotalSeconds
                    ? TimeSpan.FromSeconds(seconds)
                    : throw new GatectlException($"--timeout {seconds} must be more than 0 and at most {DiagCommandRequest.LongestTimeout.TotalSeconds} seconds", ExitUsage),
            };
            options.ConnectTimeout = request.Timeout < options.ConnectTimeout ? request.Timeout : options.ConnectTimeout;
            return DiagCommandRunner.RunAsync(run, options, request);
        });
        return send;
    }

    private static TimeSpan Seconds(double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) <= DiagOptions.LongestDuration.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new GatectlException($"--duration {seconds} must be more than 0 and at most {DiagOptions.LongestDuration.TotalSeconds} seconds", ExitUsage);
}
