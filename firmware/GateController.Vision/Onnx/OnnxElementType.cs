namespace GateController.Vision.Onnx;

// The member names are the ONNX element type names.
#pragma warning disable CA1720

/// <summary>ONNX tensor element types (ONNXTensorElementDataType), in the header's order.</summary>
public enum OnnxElementType
{
    /// <summary>Not a tensor, or unknown.</summary>
    Undefined = 0,

    /// <summary>32-bit float.</summary>
    Float32 = 1,

    /// <summary>Unsigned byte.</summary>
    UInt8 = 2,

    /// <summary>Signed byte.</summary>
    Int8 = 3,

    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,

    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,

    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,

    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 7,

    /// <summary>String.</summary>
    String = 8,

    /// <summary>Boolean.</summary>
    Bool = 9,

    /// <summary>IEEE half precision float.</summary>
    Float16 = 10,

    /// <summary>64-bit float.</summary>
    Float64 = 11,

    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 12,

    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 13,

    /// <summary>Complex of two 32-bit floats.</summary>
    Complex64 = 14,

    /// <summary>Complex of two 64-bit floats.</summary>
    Complex128 = 15,

    /// <summary>bfloat16.</summary>
    BFloat16 = 16,
}
