using Microsoft.Extensions.Time.Testing;

namespace GateController.Cli.Tests;

public sealed class ResidentCsvReaderTests
{
    [Theory]
    [InlineData("R1,Name,1-1,,", "")]
    [InlineData("R1,\"Quoted, Name\",1-1,,1234", "")]
    [InlineData("R1,Name,1-1,mifare:0a0b;em4100:01020304,", "")]
    [InlineData("R1,Name,1-1,,,no", "")]
    [InlineData("R1,Name,1-1,,,maybe", "line 1, field minor")]
    [InlineData("R1,Name,1-1,visa:0a0b,", "line 1, field cards: card 1 has format 'visa'")]
    [InlineData("R1,Name,1-1,0a0,", "line 1, field cards: card 1 is not an even number")]
    [InlineData("R1,Name,1-1,,123", "line 1, field PIN")]
    [InlineData("R1,Name,1-1,,1234567890123", "line 1, field PIN")]
    [InlineData("R1,\"Name,1-1,,", "line 1: a quoted field is not closed")]
    [InlineData("R1,Name", "line 1: expected 5 to 7 fields")]
    [InlineData("R1,Name,1-1,,,no,night-staff", "")]
    [InlineData("R1,Name,1-1,,,,", "")]
    [InlineData("R1,Name,1-1,,,no,night staff", "line 1, field group")]
    [InlineData("R1,Name,1-1,,,no,staff,extra", "line 1: expected 5 to 7 fields")]
    [InlineData(",Name,1-1,,", "line 1, field id")]
    public void Read_OneLine_ProblemNamesLineAndField(string line, string expected)
    {
        var (rows, problems) = ResidentCsvReader.Read([line]);

        if (expected.Length == 0)
        {
            Assert.Empty(problems);
            Assert.Single(rows);
        }
        else
        {
            Assert.Empty(rows);
            Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_GroupColumn_RowCarriesGroupOrNull()
    {
        var (rows, problems) = ResidentCsvReader.Read(["id,name,room,cards,pin,minor,group", "R1,A,,,,no,night-staff", "R2,B,,,,,", "R3,C,,,"]);

        Assert.Empty(problems);
        Assert.Equal(["night-staff", null, null], rows.Select(r => (string?)r["group"]));
    }

    [Fact]
    public void Read_HeaderAndBlankLines_RowsKeepFileLineNumbers()
    {
        var (rows, problems) = ResidentCsvReader.Read(["\uFEFFid,name,room,cards,pin", "", "R1,A,,0a0b;0a0c,", "R2,B,,0A0B,"]);

        Assert.Equal([3], rows.Select(r => (int)r["line"]!));
        Assert.Equal("line 4, field cards: card 1 repeats a card of line 3", Assert.Single(problems));
    }

    [Theory]
    [InlineData("1h", "2026-11-27T07:00:00+00:00")]
    [InlineData("30m", "2026-11-27T07:30:00+00:00")]
    [InlineData("7d", "2026-11-20T08:00:00+00:00")]
    [InlineData("2w", "2026-11-13T08:00:00+00:00")]
    [InlineData("2026-11-01", "2026-11-01T00:00:00+00:00")]
    [InlineData("2026-11-01T10:00:00+08:00", "2026-11-01T02:00:00+00:00")]
    public void ParseSince_SpanOrDate_Time(string text, string expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), GatectlCommandLine.ParseSince(text, time));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("5x")]
    [InlineData("h")]
    public void ParseSince_Nonsense_UsageError(string text)
    {
        var ex = Assert.Throws<GatectlException>(() => GatectlCommandLine.ParseSince(text, TimeProvider.System));

        Assert.Equal(GatectlCommandLine.ExitUsage, ex.ExitStatus);
    }
}
