using System.Globalization;
using System.Text.Json;
using GateController.Core.Residents;

namespace GateController.Service.Admin;

/// <summary>Typed access to a request's "args" object; a missing or mistyped argument is an <see cref="AdminCommandException"/> naming it.</summary>
internal sealed class AdminArguments
{
    private readonly JsonElement _args;

    public AdminArguments(JsonElement args)
    {
        if (args.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            throw new AdminCommandException($"\"args\" must be an object, not {args.ValueKind.ToString().ToLowerInvariant()}");
        }

        _args = args;
    }

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value ? value : throw new AdminCommandException($"argument \"{name}\" is required");

    public string? OptionalString(string name)
    {
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new AdminCommandException($"argument \"{name}\" must be a string");
    }

    public bool OptionalBoolean(string name)
    {
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new AdminCommandException($"argument \"{name}\" must be true or false"),
        };
    }

    public bool RequiredBoolean(string name) =>
        TryGet(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? OptionalBoolean(name)
            : throw new AdminCommandException($"argument \"{name}\" is required (true or false)");

    public int OptionalInt32(string name, int defaultValue, int minimum, int maximum)
    {
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < minimum || number > maximum)
        {
            throw new AdminCommandException($"argument \"{name}\" must be a whole number {minimum}–{maximum}");
        }

        return number;
    }

    public long? OptionalInt64(string name, long minimum, long maximum)
    {
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < minimum || number > maximum)
        {
            throw new AdminCommandException($"argument \"{name}\" must be a whole number {minimum}–{maximum}");
        }

        return number;
    }

    public DateTimeOffset? OptionalTime(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new AdminCommandException($"argument \"{name}\" must be a date and time such as 2026-11-27T08:00:00Z, not '{text}'");
    }

    public ResidentId RequiredResident(string name)
    {
        var text = RequiredString(name);
        return ResidentId.TryParse(text, out var id, out var error) ? id : throw new AdminCommandException(error!);
    }

    public JsonElement RequiredArray(string name)
    {
        if (!TryGet(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new AdminCommandException($"argument \"{name}\" must be an array");
        }

        return value;
    }

    public IEnumerable<JsonElement> OptionalArray(string name)
    {
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new AdminCommandException($"argument \"{name}\" must be an array");
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return _args.ValueKind == JsonValueKind.Object && _args.TryGetProperty(name, out value);
    }
}
