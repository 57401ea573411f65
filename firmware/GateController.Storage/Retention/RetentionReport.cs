namespace GateController.Storage.Retention;

/// <summary>What one retention pass deleted.</summary>
/// <param name="AccessEventsDeleted">Access events older than the retention period or beyond the count bound.</param>
/// <param name="FaceTemplatesDeleted">Face templates unused for longer than the limit.</param>
public sealed record RetentionReport(int AccessEventsDeleted, int FaceTemplatesDeleted)
{
    /// <summary>Visitor codes past their validity window or revoked, deleted.</summary>
    public int VisitorCodesDeleted { get; init; }
}
