namespace GateController.Storage.Tests;

public sealed class GateStoreOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblems()
    {
        var options = new GateStoreOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("/var/lib/gatecontroller", options.DataDirectory);
        Assert.Equal(90, options.AccessEventRetentionDays);
        Assert.Equal(365, options.FaceTemplateUnusedDays);
        Assert.True(options.AccessEventMaximumCount >= 150_000);
    }

    [Theory]
    [InlineData(nameof(GateStoreOptions.DataDirectory), "")]
    [InlineData(nameof(GateStoreOptions.DataDirectory), "data")]
    [InlineData(nameof(GateStoreOptions.DatabaseFileName), "")]
    [InlineData(nameof(GateStoreOptions.DatabaseFileName), "a/b.db")]
    [InlineData(nameof(GateStoreOptions.AccessEventRetentionDays), "0")]
    [InlineData(nameof(GateStoreOptions.AccessEventMaximumCount), "149999")]
    [InlineData(nameof(GateStoreOptions.FaceTemplateUnusedDays), "0")]
    [InlineData(nameof(GateStoreOptions.RetentionIntervalHours), "0")]
    [InlineData(nameof(GateStoreOptions.WalReserveKilobytes), "-1")]
    public void Validate_BadSetting_NamesTheSetting(string setting, string value)
    {
        var options = new GateStoreOptions();
        var property = typeof(GateStoreOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var problems = options.Validate();

        var problem = Assert.Single(problems);
        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
    }
}
