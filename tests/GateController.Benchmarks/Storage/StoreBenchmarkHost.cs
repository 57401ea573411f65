using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage;
using GateController.Storage.Keys;
using GateController.Storage.Records;
using Microsoft.Data.Sqlite;

namespace GateController.Benchmarks.Storage;

/// <summary>A store in a temporary directory on the real disk, with a random device key.</summary>
internal sealed class StoreBenchmarkHost : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gatestore-bench-");
    private readonly DeviceKey _key = DeviceKey.CreateRandom();

    public StoreBenchmarkHost()
    {
        Options = new GateStoreOptions { DataDirectory = Path.Combine(_directory.FullName, "data") };
        Store = GateStore.Open(Options, _key, TimeProvider.System);
    }

    public GateStoreOptions Options { get; }

    public GateStore Store { get; private set; }

    public static ResidentId Id(int number) => ResidentId.Parse($"R{number:D6}");

    public static byte[] Uid(int number) => BitConverter.GetBytes(0x04000000 + (number * 7919));

    public static string Pin(int number) => (10_000_000 + (number * 37)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static List<ResidentImportRow> Rows(int count) => Enumerable.Range(0, count)
        .Select(i => new ResidentImportRow(
            new Resident(Id(i), $"住户{i}", $"{i % 30}-{i % 400}", ResidentStatus.Active, false),
            [new CardToRegister(CardFormat.Mifare, Uid(i))],
            Pin(i)))
        .ToList();

    /// <summary>Gives every resident a face consent and one 512-value template (fast: sync off during setup only).</summary>
    public void EnrollAll(int count, string modelId = "arcface-r100")
    {
        Store.ExecuteScalarForTests("PRAGMA synchronous=OFF");
        var random = new Random(1);
        var embedding = new float[512];
        for (var i = 0; i < count; i++)
        {
            for (var v = 0; v < embedding.Length; v++)
            {
                embedding[v] = (float)random.NextDouble();
            }

            Store.RecordConsent(new ConsentGrant(Id(i), ConsentKind.Face, "1.0", "notice", ConsentChannel.Office, $"F{i}", null, "bench"));
            Store.AddFaceTemplate(Id(i), modelId, embedding, "bench");
        }

        Store.ExecuteScalarForTests("PRAGMA synchronous=FULL");
        Store.ExecuteScalarForTests("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    public void Reopen()
    {
        Store.Dispose();
        Store = GateStore.Open(Options, _key, TimeProvider.System);
    }

    public void Dispose()
    {
        Store.Dispose();
        _key.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
