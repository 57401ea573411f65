using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>One resident to import, with cards and an optional PIN.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="Cards">Cards to register (may be empty).</param>
/// <param name="Pin">PIN to set, or null.</param>
public sealed record ResidentImportRow(Resident Resident, IReadOnlyList<CardToRegister> Cards, string? Pin)
{
    /// <summary>The resident's access group, or null for the door's default policy.</summary>
    public string? AccessGroup { get; init; }
}
