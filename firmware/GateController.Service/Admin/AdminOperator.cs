namespace GateController.Service.Admin;

/// <summary>A configured operator account: a name and the name of its role (installer, office, technician, guard).</summary>
public sealed class AdminOperator
{
    /// <summary>The name the operator gives with <c>--operator</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The role's name, one of the default roles.</summary>
    public string Role { get; set; } = string.Empty;
}
