using GateController.Core.Consents;
using GateController.Core.Residents;
using GateController.Storage.Keys;
using GateController.Storage.Records;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Storage.Tests;

/// <summary>A store in its own temporary directory, with a key file outside the data directory and fake time.</summary>
internal sealed class StoreHarness : IDisposable
{
    public const string NoticeText = "人脸识别告知书 v1: purpose, method, retention, rights, contact.";

    /// <summary>Creates the harness; the WAL reserve is off unless asked for, to keep the suite fast under load.</summary>
    public StoreHarness(int walReserveKilobytes = 0)
    {
        Root = Directory.CreateTempSubdirectory("gatestore-").FullName;
        KeyPath = Path.Combine(Root, "device.key");
        Options = new GateStoreOptions { DataDirectory = Path.Combine(Root, "data"), AccessEventMaximumCount = GateStoreOptions.MinimumAccessEventCount, WalReserveKilobytes = walReserveKilobytes };
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        Key = DeviceKeyFile.Create(KeyPath);
        Store = GateStore.Open(Options, Key, Time);
    }

    public string Root { get; }

    public string KeyPath { get; }

    public GateStoreOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public DeviceKey Key { get; private set; }

    public GateStore Store { get; private set; }

    public string DatabasePath => Options.DatabasePath;

    public void Reopen()
    {
        Store.Dispose();
        Store = GateStore.Open(Options, Key, Time);
    }

    public void Close() => Store.Dispose();

    /// <summary>Runs SQL against the file directly, as an attacker with the SD card would (store closed first).</summary>
    public void EditFile(string sql, bool reopen = true)
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        if (reopen)
        {
            Store = GateStore.Open(Options, Key, Time);
        }
    }

    public ResidentId AddResident(string id = "R0001", bool minor = false, string name = "张伟")
    {
        var residentId = ResidentId.Parse(id);
        Store.AddResident(new Resident(residentId, name, "3-201", ResidentStatus.Active, minor), "office-1");
        return residentId;
    }

    public StoredConsent GiveFaceConsent(ResidentId id, string? guardian = null) =>
        Store.RecordConsent(new ConsentGrant(id, ConsentKind.Face, "1.0", NoticeText, ConsentChannel.Office, "F-0001", guardian, "office-1"));

    public static float[] Embedding(int seed, int length = 512)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    /// <summary>The bytes of the database, its -wal and its -shm file, each as read now (missing files are empty).</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> ReadDatabaseFiles()
    {
        var files = new List<(string, byte[])>();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            var path = DatabasePath + suffix;
            files.Add((Path.GetFileName(path), File.Exists(path) ? ReadShared(path) : []));
        }

        return files;
    }

    public bool DatabaseFilesContain(ReadOnlySpan<byte> needle)
    {
        foreach (var (_, bytes) in ReadDatabaseFiles())
        {
            if (bytes.AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        Store.Dispose();
        Key.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail a test.
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
