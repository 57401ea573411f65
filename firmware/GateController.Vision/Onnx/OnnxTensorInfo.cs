namespace GateController.Vision.Onnx;

/// <summary>A model input or output: its name, element type and shape (−1 for a dimension fixed only at run time).</summary>
public sealed class OnnxTensorInfo
{
    /// <summary>Creates the description.</summary>
    public OnnxTensorInfo(string name, OnnxElementType elementType, IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        Name = name;
        ElementType = elementType;
        Shape = shape.ToArray();
    }

    /// <summary>The name in the graph.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public OnnxElementType ElementType { get; }

    /// <summary>The dimensions; −1 where the model leaves a dimension open.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>True when every dimension is known.</summary>
    public bool IsFixedShape => Shape.All(dimension => dimension >= 0);

    /// <summary>The number of elements of a fixed shape.</summary>
    public long ElementCount => IsFixedShape
        ? Shape.Aggregate(1L, (product, dimension) => product * dimension)
        : throw new InvalidOperationException($"Tensor '{Name}' has an open dimension: [{string.Join(", ", Shape)}]");

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {ElementType} [{string.Join(", ", Shape)}]";
}
