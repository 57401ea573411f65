using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>A resident as an <see cref="IAccessDirectory"/> knows them: the record and the access group whose door policy applies.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="AccessGroup">The access group naming the door policy that applies to them, or null for the door's default policy.</param>
public sealed record DirectoryResident(Resident Resident, string? AccessGroup);
