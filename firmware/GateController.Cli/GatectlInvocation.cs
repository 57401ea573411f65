using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>One running gatectl command: its parsed options, where it writes, and how it calls the service.</summary>
internal sealed class GatectlInvocation
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public GatectlInvocation(ParseResult parse, GatectlGlobalOptions globals, TextWriter output, TextWriter error, GatectlEnvironment environment, CancellationToken cancellationToken)
    {
        Parse = parse;
        Output = output;
        Error = error;
        Environment = environment;
        CancellationToken = cancellationToken;
        SocketPath = parse.GetValue(globals.Socket) ?? GatectlCommandLine.DefaultSocketPath;
        Json = parse.GetValue(globals.Json);
        Operator = parse.GetValue(globals.Operator) ?? environment.DefaultOperator;
    }

    public ParseResult Parse { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public GatectlEnvironment Environment { get; }

    public CancellationToken CancellationToken { get; }

    public string SocketPath { get; }

    public bool Json { get; }

    public string? Operator { get; }

    /// <summary>Calls the admin API.</summary>
    public Task<JsonObject> CallAsync(string command, JsonObject args) =>
        AdminClient.CallAsync(SocketPath, command, Operator, args, CancellationToken);

    /// <summary>Prints <paramref name="result"/> as one JSON document with --json, else as <paramref name="human"/> writes it; returns 0.</summary>
    public int Done(JsonObject result, Action<TextWriter> human)
    {
        if (Json)
        {
            Output.WriteLine(ToJson(result));
        }
        else
        {
            human(Output);
        }

        return 0;
    }

    public static string ToJson(JsonNode node) => node.ToJsonString(Indented);

    /// <summary>The text of a JSON value, or "—" when it is missing or null.</summary>
    public static string Text(JsonNode? node) => node is null ? "—" : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}
