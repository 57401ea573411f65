using GateController.Storage.Keys;

namespace GateController.Storage.Tests;

public sealed class DeviceKeyFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gatekey-");

    private string KeyPath => Path.Combine(_directory.FullName, "device.key");

    [Fact]
    public void Create_NewPath_Writes32BytesWithMode0600()
    {
        using var key = DeviceKeyFile.Create(KeyPath);

        Assert.Equal(32, new FileInfo(KeyPath).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
    }

    [Fact]
    public void Create_TwoKeys_AreDifferentAndLoadReturnsTheWrittenKey()
    {
        using var first = DeviceKeyFile.Create(KeyPath);
        using var second = DeviceKeyFile.Create(KeyPath + "2");
        using var loaded = DeviceKeyFile.Load(KeyPath);
        var a = new byte[32];
        var b = new byte[32];
        var c = new byte[32];
        first.CopyTo(a);
        second.CopyTo(b);
        loaded.CopyTo(c);

        Assert.NotEqual(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void Create_ExistingFile_ThrowsKeyFileExistsAndKeepsContent()
    {
        File.WriteAllBytes(KeyPath, new byte[32]);
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<StoreException>(() => DeviceKeyFile.Create(KeyPath));

        Assert.Equal(StoreErrorCode.KeyFileExists, error.Code);
        Assert.Contains(KeyPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(new byte[32], File.ReadAllBytes(KeyPath));
    }

    [Fact]
    public void Load_MissingFile_ThrowsKeyFileMissingNamingPath()
    {
        var error = Assert.Throws<StoreException>(() => DeviceKeyFile.Load(KeyPath));

        Assert.Equal(StoreErrorCode.KeyFileMissing, error.Code);
        Assert.Contains(KeyPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Directory_ThrowsKeyFileUnreadable()
    {
        Directory.CreateDirectory(KeyPath);

        var error = Assert.Throws<StoreException>(() => DeviceKeyFile.Load(KeyPath));

        Assert.Equal(StoreErrorCode.KeyFileUnreadable, error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Load_WrongLength_ThrowsKeyFileWrongLength(int length)
    {
        File.WriteAllBytes(KeyPath, new byte[length]);
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<StoreException>(() => DeviceKeyFile.Load(KeyPath));

        Assert.Equal(StoreErrorCode.KeyFileWrongLength, error.Code);
        Assert.Contains($"{length} bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.GroupExecute)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.OtherWrite)]
    [InlineData(UnixFileMode.OtherExecute)]
    public void Load_GroupOrOtherAccess_ThrowsKeyFilePermissions(UnixFileMode extra)
    {
        using (DeviceKeyFile.Create(KeyPath))
        {
        }

        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var error = Assert.Throws<StoreException>(() => DeviceKeyFile.Load(KeyPath));

        Assert.Equal(StoreErrorCode.KeyFilePermissions, error.Code);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UserReadOnly_IsAccepted()
    {
        using (DeviceKeyFile.Create(KeyPath))
        {
        }

        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead);

        using var key = DeviceKeyFile.Load(KeyPath);

        Assert.NotNull(key);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
