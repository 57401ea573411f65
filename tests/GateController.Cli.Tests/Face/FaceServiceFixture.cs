namespace GateController.Cli.Tests.Face;

/// <summary>One admin server with the real face component for a whole test class (loading the models takes time).</summary>
public sealed class FaceServiceFixture : IAsyncLifetime
{
    private AdminFixture? _unit;

    internal AdminFixture Unit => _unit ?? throw new InvalidOperationException("the fixture is not initialised");

    /// <summary>A JPEG with exactly one face (sample3's woman on the left).</summary>
    internal string SingleFacePhoto { get; private set; } = string.Empty;

    public Task InitializeAsync()
    {
        _unit = new AdminFixture(face: FaceTestPhotos.OpenRecognition);
        Assert.True(_unit.Face!.IsAvailable, _unit.Face.UnavailableReason);
        SingleFacePhoto = FaceTestPhotos.WriteSingleFacePhoto(_unit.Directory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_unit is not null)
        {
            await _unit.DisposeAsync();
        }
    }
}
