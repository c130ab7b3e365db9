using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Urns;

// The mapping between a URN and its key aspect.
public sealed partial class Urn
{
    /// <summary>The key aspect value, e.g. <c>{"platform": "urn:li:dataPlatform:mlflow", "name": "recs", "origin": "PROD"}</c>, text parts decoded.</summary>
    public JsonObject KeyAspect()
    {
        var key = new JsonObject();
        for (var i = 0; i < parts.Count; i++)
        {
            key[Spec.Parts[i].Name] = parts[i];
        }

        return key;
    }

    /// <summary>
    /// Whether a key aspect names this URN: the same fields with the same decoded values. Prefer this to
    /// comparing with <see cref="FromKeyAspect"/>, which builds the escaped spelling, while a URN may spell a
    /// part unescaped (<c>urn:li:tag:a,b</c> has the key <c>{"name": "a,b"}</c> too).
    /// </summary>
    public bool MatchesKeyAspect(JsonObject key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Count != parts.Count)
        {
            return false;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (key[Spec.Parts[i].Name] is not JsonValue v
                || v.GetValueKind() != JsonValueKind.String
                || v.GetValue<string>() != parts[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The URN a key aspect value names, text parts escaped as DataHub's builders escape them.</summary>
    /// <param name="entityType">The entity type whose key aspect <paramref name="key"/> is.</param>
    /// <param name="key">The key aspect value.</param>
    /// <param name="path">Where the key came from, for the exception.</param>
    /// <exception cref="ValidationException">Unknown type, missing, extra or non-string fields, or values no URN may hold.</exception>
    public static Urn FromKeyAspect(string entityType, JsonObject key, string path = "key")
    {
        ArgumentNullException.ThrowIfNull(key);
        var spec = EntityKeys.Find(entityType) ?? throw new ValidationException(path, UnknownType(entityType));

        foreach (var (field, _) in key)
        {
            if (spec.IndexOf(field) < 0)
            {
                throw new ValidationException($"{path}.{field}", $"is not a field of {spec.KeyAspectName} ({spec.FieldList})");
            }
        }

        var values = new string[spec.Parts.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var field = spec.Parts[i].Name;
            values[i] = key[field] switch
            {
                null => throw new ValidationException($"{path}.{field}", $"is required by {spec.KeyAspectName}"),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                _ => throw new ValidationException($"{path}.{field}", "must be a string"),
            };
        }

        return FromValues(spec, values, path);
    }

    /// <summary>Builds and validates the URN of decoded key values; nested URN parts are given as their text.</summary>
    internal static Urn FromValues(EntityKeySpec spec, IReadOnlyList<string> values, string path)
    {
        var encoded = spec.Parts.Select((p, i) => p.Kind == KeyPartKind.Text ? UrnText.Escape(values[i]) : values[i]);
        var key = values.Count == 1 ? encoded.Single() : $"({string.Join(',', encoded)})";
        return Parse($"{Prefix}{spec.EntityType}:{key}", path);
    }

    private static string UnknownType(string entityType) =>
        EntityKeys.Suggest(entityType) is { } suggestion
            ? $"unknown entity type '{entityType}' (did you mean '{suggestion}'?)"
            : $"unknown entity type '{entityType}'";
}
