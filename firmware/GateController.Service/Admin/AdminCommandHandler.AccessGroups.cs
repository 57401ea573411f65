using System.Text.Json.Nodes;
using GateController.Storage;

namespace GateController.Service.Admin;

/// <summary>
/// Access groups: <c>resident.set-group</c> (only a group the door configuration defines, or none), the group in
/// <c>resident.show</c>, and in <c>status</c> how many residents each group holds and which groups named in the store
/// the configuration no longer defines (those residents are refused at the door, never given the default policy).
/// </summary>
internal sealed partial class AdminCommandHandler
{
    private JsonObject SetAccessGroup(AdminArguments args, string operatorName)
    {
        var id = args.RequiredResident("id");
        var group = args.OptionalString("group");
        if (group is not null)
        {
            RequireConfiguredGroup(group, null);
        }

        _store.SetAccessGroup(id, group, operatorName);
        return new JsonObject { ["resident"] = id.Value, ["group"] = group };
    }

    /// <summary>Throws unless <paramref name="group"/> is a group the door configuration defines; <paramref name="where"/> prefixes the message.</summary>
    private void RequireConfiguredGroup(string group, string? where)
    {
        if (!GateStore.IsValidAccessGroupName(group))
        {
            throw new AdminCommandException($"{where}access group '{group}' must be 1–{GateStore.MaximumAccessGroupNameLength} letters, digits, '-', '_' or '.'");
        }

        if (!_accessGroups.Contains(group))
        {
            var configured = _accessGroups.Count == 0 ? "none are configured (Door:AccessGroups)" : "configured: " + string.Join(", ", _accessGroups.Order(StringComparer.Ordinal));
            throw new AdminCommandException($"{where}access group '{group}' is not defined at this door; {configured}");
        }
    }

    /// <summary>The resident's group for <c>resident.show</c>: its name (null for the door's default) and whether the configuration defines it.</summary>
    private void AddAccessGroup(JsonObject resident, Core.Residents.ResidentId id)
    {
        _store.TryGetResidentWithAccessGroup(id, out _, out var group);
        resident["group"] = group;
        resident["groupDefined"] = group is null || _accessGroups.Contains(group);
    }

    /// <summary>Residents per group and the groups the store names that the configuration does not define, with a warning.</summary>
    private void AddAccessGroupStatus(JsonObject status)
    {
        var counts = _store.CountResidentsPerAccessGroup();
        var residents = new JsonObject();
        foreach (var group in _accessGroups.Order(StringComparer.Ordinal))
        {
            residents[group] = counts.TryGetValue(group, out var count) ? count : 0;
        }

        var unknown = counts.Where(c => !_accessGroups.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        status["accessGroups"] = new JsonObject
        {
            ["residents"] = residents,
            ["undefined"] = new JsonArray([.. unknown.Select(u => (JsonNode)new JsonObject { ["group"] = u.Key, ["residents"] = u.Value })]),
        };
        if (unknown.Count > 0 && status["warnings"] is JsonArray warnings)
        {
            warnings.Add($"{unknown.Sum(u => u.Value)} residents are in access groups this door does not define ({string.Join(", ", unknown.Select(u => u.Key))}); they are refused until they are given a defined group or none (gatectl resident set-group)");
        }
    }
}
