using GateController.Cli.Provisioning;

namespace GateController.Cli.Tests.Provisioning;

public sealed class ProvisionOwnershipTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gc-owner-" + Guid.NewGuid().ToString("N")[..10]);

    public ProvisionOwnershipTests() => Directory.CreateDirectory(_directory);

    public static TheoryData<uint, string?, bool, string?, string?> Cases => new()
    {
        // effective uid, --owner, service user exists, expected owner (user:group uid gid), expected error start
        { 0, null, true, "gatecontroller:gatecontroller 998 997", null },
        { 0, null, false, null, null },
        { 1000, null, true, null, null },
        { 0, "zhao", true, "zhao:zhao 1000 1000", null },
        { 0, "zhao:gatecontroller", true, "zhao:gatecontroller 1000 997", null },
        { 0, "1000", true, "1000:1000 1000 1000", null },
        { 0, "solo", true, "solo:100 1001 100", null },
        { 1000, "zhao", true, "zhao:zhao 1000 1000", null },
        { 1000, "gatecontroller", true, null, "--owner gatecontroller:gatecontroller: only root" },
        { 0, "nobody-here", true, null, "--owner: there is no user 'nobody-here'" },
        { 0, "zhao:nogroup", true, null, "--owner: there is no group 'nogroup'" },
        { 0, "zhao:", true, null, "--owner 'zhao:' must be USER or USER:GROUP" },
        { 0, ":zhao", true, null, "--owner ':zhao' must be USER or USER:GROUP" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_UserAndOwnerOption_OwnerOrRefusal(uint effectiveUserId, string? ownerOption, bool serviceUserExists, string? expectedOwner, string? expectedError)
    {
        var accounts = Accounts(serviceUserExists);

        var decision = ProvisionOwnership.Decide(effectiveUserId, ownerOption, accounts);

        if (expectedError is not null)
        {
            Assert.Null(decision.Owner);
            Assert.StartsWith(expectedError, decision.Error, StringComparison.Ordinal);
            return;
        }

        Assert.Null(decision.Error);
        Assert.Equal(expectedOwner, decision.Owner is { } o ? $"{o} {o.UserId} {o.GroupId}" : null);
    }

    [Fact]
    public void Decide_RootWithoutServiceUser_NoteSaysFilesStayRoots()
    {
        var decision = ProvisionOwnership.Decide(0, null, Accounts(serviceUserExists: false));

        Assert.Null(decision.Owner);
        Assert.Contains("no 'gatecontroller' user", decision.Note, StringComparison.Ordinal);
        Assert.Contains("--owner", decision.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void FindUser_MalformedAndCommentLines_Skipped()
    {
        var passwd = Path.Combine(_directory, "passwd-bad");
        File.WriteAllLines(passwd, ["# comment:x:1:1", "broken:x:abc:1:", "short:x", "good:x:42:43::/:/bin/sh"]);
        var accounts = new UnixAccountDatabase(passwd, Path.Combine(_directory, "missing-group"));

        Assert.Null(accounts.FindUser("broken"));
        Assert.Null(accounts.FindUser("short"));
        Assert.Equal((42, 43), accounts.FindUser("good"));
        Assert.Null(accounts.FindGroup("good"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private UnixAccountDatabase Accounts(bool serviceUserExists)
    {
        var passwd = Path.Combine(_directory, $"passwd-{serviceUserExists}");
        var group = Path.Combine(_directory, $"group-{serviceUserExists}");
        var users = new List<string> { "root:x:0:0:root:/root:/bin/bash", "zhao:x:1000:1000:Zhao:/home/zhao:/bin/bash", "solo:x:1001:100::/home/solo:/bin/sh" };
        var groups = new List<string> { "root:x:0:", "users:x:100:", "zhao:x:1000:" };
        if (serviceUserExists)
        {
            users.Add("gatecontroller:x:998:997:GateController service:/var/lib/gatecontroller:/usr/sbin/nologin");
            groups.Add("gatecontroller:x:997:");
        }

        File.WriteAllLines(passwd, users);
        File.WriteAllLines(group, groups);
        return new UnixAccountDatabase(passwd, group);
    }
}
