using GateController.Telemetry.Health;

namespace GateController.Telemetry.Tests.Health;

public sealed class DiskSpaceTests
{
    [Fact]
    public void GetAvailableBytes_TempDirectory_PositiveAndAtMostDriveTotal()
    {
        var path = Path.GetTempPath();

        var available = DiskSpace.GetAvailableBytes(path);

        Assert.InRange(available, 1, new DriveInfo(path).TotalSize);
    }

    [Fact]
    public void GetAvailableBytes_MissingDirectory_ThrowsIOExceptionNamingPathAndErrno()
    {
        var path = Path.Combine(Path.GetTempPath(), "gc-missing-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<IOException>(() => DiskSpace.GetAvailableBytes(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("errno 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetAvailableBytes_EmptyPath_Throws() =>
        Assert.Throws<ArgumentException>(() => DiskSpace.GetAvailableBytes(string.Empty));
}
