using System.Text.Json.Nodes;
using GateController.Storage;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Service.Admin;

/// <summary>
/// technician.add, technician.list and technician.remove: the technicians whose keys may sign MQTT commands. The store
/// draws the key; it travels once, in the reply to technician.add, and is never logged, audited or published. Only the
/// installer role holds <see cref="Core.Privacy.OperatorPermission.ManageTechnicians"/>. Changes take effect on the
/// unit's MQTT commands at once (the store raises <see cref="ITechnicianKeyStore.TechniciansChanged"/>).
/// </summary>
internal sealed partial class AdminCommandHandler
{
    private JsonObject AddTechnician(AdminArguments args, string operatorName)
    {
        var id = RequireTechnicianId(args.RequiredString("id"), operatorName, "technician.add");
        var issued = _store.AddTechnician(id, args.OptionalBoolean("mayReleaseDoor"), operatorName);
        return new JsonObject
        {
            ["key"] = Convert.ToBase64String([.. issued.Key]),
            ["technician"] = TechnicianJson(issued.Record),
        };
    }

    private JsonObject ListTechnicians(string operatorName)
    {
        var technicians = _store.ListTechnicians();
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, "technician.list");
        return new JsonObject { ["technicians"] = new JsonArray([.. technicians.Select(TechnicianJson)]) };
    }

    private JsonObject RemoveTechnician(AdminArguments args, string operatorName)
    {
        var id = RequireTechnicianId(args.RequiredString("id"), operatorName, "technician.remove");
        if (!_store.RemoveTechnician(id, operatorName))
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"refused technician.remove {id}: no such technician");
            throw new AdminCommandException($"no technician '{id}' is registered on this unit");
        }

        return new JsonObject { ["removed"] = id };
    }

    private string RequireTechnicianId(string id, string operatorName, string command)
    {
        if (GateStore.IsValidTechnicianId(id))
        {
            return id;
        }

        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"refused {command}: invalid technician id");
        throw new AdminCommandException("a technician id must be 1–64 letters, digits, '-' or '_'");
    }

    private static JsonObject TechnicianJson(TechnicianRecord technician) => new()
    {
        ["id"] = technician.TechnicianId,
        ["mayReleaseDoor"] = technician.MayReleaseDoor,
        ["createdAt"] = technician.CreatedAt,
        ["lastUsedAt"] = technician.LastUsedAt,
    };
}
