using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace GateController.EndToEnd.Tests.Gate;

/// <summary>
/// Withdrawal of face consent at the gate (PIPL art. 15): the resident's own card, then *7#, then 1 to confirm, on the
/// simulated board of the real gatecontrollerd.
/// </summary>
[Collection(SimulatedGateGroup.Name)]
public sealed class GateWithdrawalTests(SimulatedGatecontrollerd unit)
{
    [Fact]
    public async Task WithdrawalAtGate_OwnCardThenSequence_FaceNoLongerMatchesTemplatesDestroyedAuditedCardStillOpens()
    {
        var face = SingleFacePhotos.WriteSample3Left(unit.Directory);
        await EnrollAsync("W0001", "4A0001", face);
        var before = await ShowFaceAsync(face);
        var recognised = Assert.Single(CardAndPinTests.Decisions(before));
        Assert.True(recognised["granted"]!.GetValue<bool>(), before.ToJsonString());
        Assert.Equal("face", recognised["method"]!.GetValue<string>());
        Assert.Equal("W0001", recognised["resident"]!.GetValue<string>());
        var sealedTemplates = ReadSealedTemplates("W0001");
        Assert.NotEmpty(sealedTemplates);

        await unit.SimulateAsync("card", "4A0001");
        await unit.SimulateUndecidedAsync("keys", "*7#");
        await unit.SimulateUndecidedAsync("keys", "1");

        // The next face probe of that resident does not match.
        var after = await ShowFaceAsync(face, expectDecision: false);
        Assert.Empty(CardAndPinTests.Decisions(after));

        // The templates are gone, from the store and from the store file's bytes.
        var shown = await unit.JsonAsync(SimulatedGatecontrollerd.Office, "resident", "show", "W0001");
        Assert.Empty(shown["faceTemplates"]!.AsArray());
        Assert.Empty(ReadSealedTemplates("W0001"));
        var fileBytes = ReadStoreFiles();
        foreach (var sealedTemplate in sealedTemplates)
        {
            Assert.True(fileBytes.AsSpan().IndexOf(sealedTemplate.AsSpan(sealedTemplate.Length / 2, 32)) < 0, "a destroyed template's bytes are still in the store files");
        }

        // The consent shows the withdrawal with channel gate, and so does the audit log.
        var consent = Assert.Single((await unit.JsonAsync(SimulatedGatecontrollerd.Office, "consent", "show", "W0001"))["consents"]!.AsArray())!;
        Assert.False(consent["active"]!.GetValue<bool>());
        Assert.Equal("gate", consent["withdrawalChannel"]!.GetValue<string>());
        var audit = (await unit.JsonAsync(SimulatedGatecontrollerd.Office, "audit", "export"))["entries"]!.AsArray();
        Assert.Contains(audit, e =>
            e!["action"]!.GetValue<string>() == "ConsentWithdrawn"
            && e["resident"]?.GetValue<string>() == "W0001"
            && e["detail"]!.GetValue<string>().Contains("Gate", StringComparison.Ordinal));

        // The card keeps working.
        var card = await unit.SimulateAsync("card", "4A0001");
        var opened = Assert.Single(CardAndPinTests.Decisions(card));
        Assert.True(opened["granted"]!.GetValue<bool>(), card.ToJsonString());
        Assert.Equal("W0001", opened["resident"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithdrawalAtGate_AnotherResidentsCard_ConsentAndTemplatesKept()
    {
        var face = SingleFacePhotos.WriteSample1Right(unit.Directory);
        await EnrollAsync("W0002", "4A0002", face);
        await unit.AddResidentAsync("W0003", "4A0003");

        await unit.SimulateAsync("card", "4A0003");
        await unit.SimulateUndecidedAsync("keys", "*7#");
        await unit.SimulateUndecidedAsync("keys", "1");

        var consent = Assert.Single((await unit.JsonAsync(SimulatedGatecontrollerd.Office, "consent", "show", "W0002"))["consents"]!.AsArray())!;
        Assert.True(consent["active"]!.GetValue<bool>(), consent.ToJsonString());
        Assert.NotEmpty(ReadSealedTemplates("W0002"));
        var recognised = Assert.Single(CardAndPinTests.Decisions(await ShowFaceAsync(face)));
        Assert.Equal("W0002", recognised["resident"]!.GetValue<string>());
    }

    private async Task EnrollAsync(string resident, string cardUid, string photo)
    {
        await unit.AddResidentAsync(resident, cardUid);
        await unit.JsonAsync(
            SimulatedGatecontrollerd.Office, "consent", "give", "--resident", resident, "--notice-version", SimulatedGatecontrollerd.NoticeVersion, "--form", "F-" + resident);
        await unit.JsonAsync(SimulatedGatecontrollerd.Office, "face", "enroll", "--resident", resident, "--photo", photo);
    }

    /// <summary>An empty scene first, so the face is a new arrival at the camera, then the face.</summary>
    private async Task<JsonObject> ShowFaceAsync(string photo, bool expectDecision = true)
    {
        await unit.SimulateUndecidedAsync("face", "none");
        var step = expectDecision ? await unit.SimulateAsync("face", photo) : await unit.SimulateUndecidedAsync("face", photo);
        await unit.SimulateUndecidedAsync("face", "none");
        return step;
    }

    /// <summary>The sealed (encrypted) template blobs of <paramref name="resident"/>, read from the store file.</summary>
    private List<byte[]> ReadSealedTemplates(string resident)
    {
        // A read-only connection without pooling, closed at once: an open reader would hold the service's checkpoint back.
        using var connection = new SqliteConnection($"Data Source={unit.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sealed FROM face_templates WHERE resident_id = $resident";
        command.Parameters.AddWithValue("$resident", resident);
        using var reader = command.ExecuteReader();
        var templates = new List<byte[]>();
        while (reader.Read())
        {
            templates.Add((byte[])reader.GetValue(0));
        }

        return templates;
    }

    /// <summary>The bytes of the database file and its write-ahead log, side by side.</summary>
    private byte[] ReadStoreFiles()
    {
        using var all = new MemoryStream();
        foreach (var path in new[] { unit.DatabasePath, unit.DatabasePath + "-wal" })
        {
            if (File.Exists(path))
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                file.CopyTo(all);
            }
        }

        return all.ToArray();
    }
}
