using System.Text;
using System.Text.Json.Nodes;

namespace GateController.Cli.Tests;

public sealed class AdminSocketProtocolTests
{
    [Theory]
    [InlineData("{not json}\n", "malformed JSON request")]
    [InlineData("[1,2]\n", "malformed JSON request")]
    [InlineData("null\n", "must be a JSON object")]
    [InlineData("{\"command\": 5}\n", "malformed JSON request")]
    [InlineData("{\"operator\": \"wang\"}\n", "names no \"command\"")]
    [InlineData("{\"command\": \"rm -rf\", \"operator\": \"wang\"}\n", "unknown command 'rm -rf'")]
    [InlineData("{\"command\": \"resident.show\", \"operator\": \"wang\", \"args\": 3}\n", "\"args\" must be an object")]
    [InlineData("{\"command\": \"resident.show\", \"operator\": \"wang\", \"args\": {}}\n", "argument \"id\" is required")]
    [InlineData("{\"command\": \"resident.add\", \"operator\": \"wang\", \"args\": {\"id\": \"R1\", \"name\": 7}}\n", "argument \"name\" must be a string")]
    [InlineData("{\"command\": \"card.add\", \"operator\": \"wang\", \"args\": {\"resident\": \"R1\", \"uid\": \"zz\"}}\n", "hexadecimal")]
    public async Task Request_Malformed_ErrorReplyAndConnectionKeepsServing(string request, string expected)
    {
        await using var unit = new AdminFixture();

        var replies = await unit.RawAsync(
            Encoding.UTF8.GetBytes(request),
            "{\"command\": \"status\", \"operator\": \"zhao\"}\n"u8.ToArray());

        var first = JsonNode.Parse(replies[0])!.AsObject();
        Assert.False((bool)first["ok"]!);
        Assert.Contains(expected, (string)first["error"]!, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', (string)first["error"]!);
        Assert.True((bool)JsonNode.Parse(replies[1])!["ok"]!);
    }

    [Fact]
    public async Task Request_InvalidUtf8_ErrorReply()
    {
        await using var unit = new AdminFixture();

        var replies = await unit.RawAsync([(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}', (byte)'\n']);

        Assert.False((bool)JsonNode.Parse(replies[0])!["ok"]!);
    }

    [Fact]
    public async Task Request_LongerThanLimit_ClearErrorThenNextRequestServed()
    {
        await using var unit = new AdminFixture(maximumRequestBytes: 4096);
        var huge = Encoding.UTF8.GetBytes("{\"command\": \"status\", \"operator\": \"zhao\", \"args\": {\"pad\": \"" + new string('x', 20_000) + "\"}}\n");

        var replies = await unit.RawAsync(huge, "{\"command\": \"status\", \"operator\": \"zhao\"}\n"u8.ToArray());

        Assert.Equal(2, replies.Count);
        Assert.Contains("request longer than 4096 bytes", (string)JsonNode.Parse(replies[0])!["error"]!, StringComparison.Ordinal);
        Assert.True((bool)JsonNode.Parse(replies[1])!["ok"]!);
    }

    [Fact]
    public async Task Requests_SeveralOnOneWrite_OneReplyEach()
    {
        await using var unit = new AdminFixture();

        var replies = await unit.RawAsync("{\"command\":\"status\",\"operator\":\"zhao\"}\n\n{\"command\":\"status\",\"operator\":\"zhao\"}\n"u8.ToArray());
        var second = await unit.RawAsync("{\"command\":\"resident.list\",\"operator\":\"wang\"}\n"u8.ToArray());

        Assert.True((bool)JsonNode.Parse(replies[0])!["ok"]!);
        Assert.Equal("[]", JsonNode.Parse(second[0])!["result"]!["residents"]!.ToJsonString());
    }
}
