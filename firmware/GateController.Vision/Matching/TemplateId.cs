namespace GateController.Vision.Matching;

/// <summary>The store's identifier of one face template of a resident.</summary>
/// <param name="Value">The identifier number.</param>
public readonly record struct TemplateId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
