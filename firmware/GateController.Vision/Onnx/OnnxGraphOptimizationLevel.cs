namespace GateController.Vision.Onnx;

/// <summary>ONNX Runtime's GraphOptimizationLevel.</summary>
public enum OnnxGraphOptimizationLevel
{
    /// <summary>ORT_DISABLE_ALL.</summary>
    Disabled = 0,

    /// <summary>ORT_ENABLE_BASIC.</summary>
    Basic = 1,

    /// <summary>ORT_ENABLE_EXTENDED.</summary>
    Extended = 2,

    /// <summary>ORT_ENABLE_ALL.</summary>
    All = 99,
}
