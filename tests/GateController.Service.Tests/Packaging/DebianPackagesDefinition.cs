namespace GateController.Service.Tests.Packaging;

/// <summary>The test classes sharing one build of the packages.</summary>
[CollectionDefinition(Name)]
public sealed class DebianPackagesDefinition : ICollectionFixture<DebianPackagesFixture>
{
    public const string Name = "Debian packages";
}
