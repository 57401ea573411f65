using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Core.Residents;
using GateController.Storage;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Service.Admin;

/// <summary>
/// visitor.create, visitor.list and visitor.revoke. The store draws the code and keeps only its keyed hash; the code
/// travels once, in the reply to visitor.create, and is never logged or audited.
/// </summary>
internal sealed partial class AdminCommandHandler
{
    private JsonObject CreateVisitorCode(AdminArguments args, string operatorName)
    {
        var issuer = RequireResident(args.RequiredResident("resident")).Id;
        var validFor = ParseValidFor(args.RequiredString("validFor"));
        var uses = args.OptionalInt32("uses", 1, 1, GateStore.MaximumVisitorCodeUses);
        var from = args.OptionalTime("validFrom") ?? _time.GetUtcNow();
        var issued = _store.IssueVisitorCode(issuer, from, from + validFor, uses, operatorName);
        return new JsonObject
        {
            ["code"] = issued.Code,
            ["visitorCode"] = VisitorCodeJson(issued.Record),
        };
    }

    private JsonObject ListVisitorCodes(AdminArguments args, string operatorName)
    {
        ResidentId? issuer = args.OptionalString("resident") is null ? null : args.RequiredResident("resident");
        var codes = _store.ListVisitorCodes(issuer);
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, issuer, "visitor.list");
        return new JsonObject { ["visitorCodes"] = new JsonArray([.. codes.Select(VisitorCodeJson)]) };
    }

    private JsonObject RevokeVisitorCode(AdminArguments args, string operatorName)
    {
        var id = args.OptionalInt32("id", 0, 1, int.MaxValue);
        if (id == 0)
        {
            throw new AdminCommandException("argument \"id\" is required: the visitor code's number from visitor.list");
        }

        if (!_store.RevokeVisitorCode(id, operatorName))
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"refused visitor.revoke {id}: no such code");
            throw new AdminCommandException($"no visitor code {id} is active on this unit (unknown, already revoked or pruned)");
        }

        return new JsonObject { ["revoked"] = id };
    }

    private JsonObject VisitorCodeJson(VisitorCodeRecord code)
    {
        var now = _time.GetUtcNow();
        return new JsonObject
        {
            ["id"] = code.VisitorCodeId,
            ["resident"] = code.IssuedBy.Value,
            ["validFrom"] = code.ValidFrom,
            ["validUntil"] = code.ValidUntil,
            ["maximumUses"] = code.MaximumUses,
            ["usesConsumed"] = code.UsesConsumed,
            ["issuedAt"] = code.IssuedAt,
            ["revokedAt"] = code.RevokedAt,
            ["state"] = code.RevokedAt is not null ? "revoked"
                : code.UsesRemaining <= 0 ? "used up"
                : now >= code.ValidUntil ? "expired"
                : now < code.ValidFrom ? "not yet valid"
                : "active",
        };
    }

    /// <summary>Reads "4h", "90m", "2d", "3600s": how long a visitor code stays valid (up to the store's limit).</summary>
    internal static TimeSpan ParseValidFor(string text)
    {
        var trimmed = text.Trim();
        TimeSpan? span = null;
        if (trimmed.Length >= 2 && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount is > 0 and <= 1_000_000)
        {
            span = trimmed[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
        }

        if (span is not { } validFor)
        {
            throw new AdminCommandException($"validFor '{text}' must be a span such as 30m, 4h or 2d");
        }

        return validFor <= GateStore.MaximumVisitorCodeValidity
            ? validFor
            : throw new AdminCommandException($"validFor '{text}' is longer than {GateStore.MaximumVisitorCodeValidity.TotalDays:0} days");
    }
}
