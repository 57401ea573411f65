using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class OperatorAuthorizationTests
{
    public static TheoryData<string, OperatorPermission, bool> DefaultRoleTable() => new()
    {
        { "installer", OperatorPermission.Configure, true },
        { "installer", OperatorPermission.ManageCredentials, true },
        { "installer", OperatorPermission.ReleaseDoor, true },
        { "installer", OperatorPermission.Enroll, false },
        { "installer", OperatorPermission.Export, false },
        { "installer", OperatorPermission.Delete, false },
        { "installer", OperatorPermission.ManageTechnicians, true },
        { "office", OperatorPermission.ManageTechnicians, false },
        { "technician", OperatorPermission.ManageTechnicians, false },
        { "guard", OperatorPermission.ManageTechnicians, false },
        { "office", OperatorPermission.Enroll, true },
        { "office", OperatorPermission.Export, true },
        { "office", OperatorPermission.Delete, true },
        { "office", OperatorPermission.ManageCredentials, true },
        { "office", OperatorPermission.ViewReports, true },
        { "office", OperatorPermission.ReleaseDoor, false },
        { "office", OperatorPermission.Configure, false },
        { "technician", OperatorPermission.Configure, true },
        { "technician", OperatorPermission.ReleaseDoor, true },
        { "technician", OperatorPermission.ViewReports, true },
        { "technician", OperatorPermission.Enroll, false },
        { "technician", OperatorPermission.ManageCredentials, false },
        { "technician", OperatorPermission.Export, false },
        { "guard", OperatorPermission.ReleaseDoor, true },
        { "guard", OperatorPermission.ViewReports, false },
        { "guard", OperatorPermission.Enroll, false },
        { "guard", OperatorPermission.Export, false },
    };

    [Theory]
    [MemberData(nameof(DefaultRoleTable))]
    public void Check_DefaultRole_AllowsOnlyItsPermissions(string roleName, OperatorPermission permission, bool allowed)
    {
        var role = OperatorRole.Defaults.Single(r => r.Name == roleName);

        var result = OperatorAuthorization.Check(role, permission);

        Assert.Equal(allowed, result.IsAllowed);
        Assert.Equal(allowed ? OperatorPermission.None : permission, result.Missing);
        if (allowed)
        {
            Assert.Null(result.Error);
        }
        else
        {
            Assert.Equal($"role '{roleName}' lacks the {permission} permission", result.Error);
        }
    }

    [Fact]
    public void Check_SeveralPermissionsPartlyHeld_NamesOnlyTheMissingOnes()
    {
        var result = OperatorAuthorization.Check(OperatorRole.Guard, OperatorPermission.ReleaseDoor | OperatorPermission.Export | OperatorPermission.Delete);

        Assert.False(result.IsAllowed);
        Assert.Equal(OperatorPermission.Export | OperatorPermission.Delete, result.Missing);
        Assert.Contains("Export", result.Error, StringComparison.Ordinal);
        Assert.Contains("Delete", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ReleaseDoor", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OperatorPermission.None)]
    [InlineData((OperatorPermission)256)]
    public void Check_NoOrUndefinedPermission_Throws(OperatorPermission permission)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatorAuthorization.Check(OperatorRole.OfficeStaff, permission));
    }

    [Fact]
    public void Defaults_ManageTechnicians_OnlyInstaller() =>
        Assert.Equal(["installer"], OperatorRole.Defaults.Where(r => r.Allows(OperatorPermission.ManageTechnicians)).Select(r => r.Name));

    [Fact]
    public void Defaults_EnrollExportDelete_OnlyOfficeStaff()
    {
        var reaching = OperatorRole.Defaults.Where(r => (r.Permissions & (OperatorPermission.Enroll | OperatorPermission.Export | OperatorPermission.Delete)) != 0);

        Assert.Equal("office", Assert.Single(reaching).Name);
        Assert.Equal(4, OperatorRole.Defaults.Select(r => r.Name).Distinct().Count());
    }

    [Fact]
    public void Constructor_UndefinedBitsOrNoName_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OperatorRole("x", (OperatorPermission)512, "d"));
        Assert.ThrowsAny<ArgumentException>(() => new OperatorRole(" ", OperatorPermission.Enroll, "d"));
    }

    [Fact]
    public void Allows_CustomRole_FollowsItsFlags()
    {
        var auditor = new OperatorRole("auditor", OperatorPermission.ViewReports | OperatorPermission.Export, "external auditor");

        Assert.True(auditor.Allows(OperatorPermission.Export));
        Assert.True(auditor.Allows(OperatorPermission.Export | OperatorPermission.ViewReports));
        Assert.False(auditor.Allows(OperatorPermission.Export | OperatorPermission.Delete));
        Assert.False(auditor.Allows(OperatorPermission.None));
    }
}
