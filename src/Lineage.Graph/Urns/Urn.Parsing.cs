using System.Diagnostics.CodeAnalysis;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Urns;

// Parsing and validation. Positions in messages are 0-based offsets into the whole text, so an error in
// a nested URN points into the text the caller gave.
public sealed partial class Urn
{
    /// <summary>Every URN starts with this; DataHub uses no other namespace.</summary>
    public const string Prefix = "urn:li:";

    // Only schemaField nests an arbitrary URN, so real URNs nest two or three deep; the cap keeps a
    // hostile schemaField-of-schemaField chain from recursing the parser into a stack overflow.
    private const int MaxNesting = 8;

    /// <summary>Parses and validates a URN, nested URNs included.</summary>
    /// <param name="text">The URN text.</param>
    /// <param name="path">Where the value came from, for the exception, e.g. <c>proposals[0].entityUrn</c>.</param>
    /// <exception cref="ValidationException">The text is not a valid URN of a known entity type; the reason says what and where.</exception>
    public static Urn Parse(string text, string path = "urn") =>
        TryParse(text, out var urn, out var error) ? urn : throw new ValidationException(path, error);

    /// <summary>Parses and validates a URN without throwing; <paramref name="error"/> says what is wrong and where.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out Urn? urn,
        [NotNullWhen(false)] out string? error)
    {
        if (text is null)
        {
            urn = null;
            error = "is missing";
            return false;
        }

        error = CheckCharacters(text);
        urn = error is null ? Read(text, 0, text.Length, 0, out error) : null;
        return urn is not null;
    }

    // Reads the URN that is s[start..end); on failure returns null and the reason.
    private static Urn? Read(string s, int start, int end, int depth, out string? error)
    {
        if (depth > MaxNesting)
        {
            return Fail($"urns nested more than {MaxNesting} deep at position {start}", out error);
        }

        if (!s.AsSpan(start, end - start).StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Fail($"does not start with '{Prefix}'", out error);
        }

        var typeStart = start + Prefix.Length;
        var colon = s.IndexOf(':', typeStart, end - typeStart);
        if (colon == typeStart)
        {
            return Fail($"missing entity type at position {typeStart}", out error);
        }

        if (colon < 0)
        {
            return Fail($"missing ':' and key after the entity type: expected '{Prefix}<entityType>:<key>'", out error);
        }

        var entityType = s[typeStart..colon];
        var spec = EntityKeys.Find(entityType);
        if (spec is null)
        {
            return Fail(UnknownType(entityType), out error);
        }

        var keyStart = colon + 1;
        if (keyStart == end)
        {
            return Fail($"empty key at position {keyStart}: {entityType} needs ({spec.FieldList})", out error);
        }

        error = spec.Parts.Count == 1
            ? SplitSingle(s, keyStart, end, spec, out var ranges)
            : SplitTuple(s, keyStart, end, spec, out ranges);
        if (error is not null)
        {
            return null;
        }

        var parts = new string[ranges.Count];
        var nested = new Urn?[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            error = ReadPart(s, ranges[i], i, spec, depth, out parts[i], out nested[i]);
            if (error is not null)
            {
                return null;
            }
        }

        var text = start == 0 && end == s.Length ? s : s[start..end];
        return new Urn(text, spec, parts, nested);
    }

    private static string? SplitSingle(string s, int keyStart, int end, EntityKeySpec spec, out List<(int Start, int End)> ranges)
    {
        ranges = [(keyStart, end)];

        // DataHub would read "(x)" as a one-part tuple and print it back as "x"; refusing it keeps one
        // spelling per key, so text equality stays key equality.
        if (s[keyStart] == '(')
        {
            return $"the key of {spec.EntityType} is a single part ({spec.FieldList}) and must not start with '(' "
                + $"(position {keyStart}); write '(' as %28";
        }

        var open = new Stack<int>();
        for (var i = keyStart; i < end; i++)
        {
            if (s[i] == '(')
            {
                open.Push(i);
            }
            else if (s[i] == ')' && !open.TryPop(out _))
            {
                return $"unbalanced ')' at position {i}";
            }
        }

        return open.Count > 0 ? $"unbalanced '(' at position {open.Peek()}" : null;
    }

    private static string? SplitTuple(string s, int keyStart, int end, EntityKeySpec spec, out List<(int Start, int End)> ranges)
    {
        ranges = [];
        if (s[keyStart] != '(')
        {
            return $"the key of {spec.EntityType} must be a tuple ({spec.FieldList}) starting with '(' at position {keyStart}";
        }

        // As DataHub's TupleKey: commas split only at depth 1, so a part may be a nested URN with its own
        // tuple, or hold balanced parentheses of its own.
        var open = new Stack<int>();
        open.Push(keyStart);
        var partStart = keyStart + 1;
        var close = -1;
        for (var i = keyStart + 1; i < end && close < 0; i++)
        {
            switch (s[i])
            {
                case '(':
                    open.Push(i);
                    break;
                case ')':
                    open.Pop();
                    if (open.Count == 0)
                    {
                        ranges.Add((partStart, i));
                        close = i;
                    }

                    break;
                case ',' when open.Count == 1:
                    ranges.Add((partStart, i));
                    partStart = i + 1;
                    break;
            }
        }

        if (close < 0)
        {
            return $"unbalanced '(' at position {open.Peek()}";
        }

        if (close != end - 1)
        {
            var trailing = s[(close + 1)..end];
            var shown = trailing.Length > 20 ? trailing[..20] + "…" : trailing;
            return $"unexpected text '{shown}' after the key's closing ')' at position {close + 1}";
        }

        if (ranges.Count != spec.Parts.Count)
        {
            return $"expected {spec.Parts.Count} key parts ({spec.FieldList}) for {spec.EntityType}, got {ranges.Count}";
        }

        return null;
    }

    private static string? ReadPart(
        string s, (int Start, int End) range, int index, EntityKeySpec spec, int depth, out string value, out Urn? nested)
    {
        var (start, end) = range;
        var part = spec.Parts[index];
        var label = spec.Parts.Count == 1 ? $"key ({part.Name})" : $"key part {index + 1} ({part.Name})";
        value = "";
        nested = null;

        if (start == end)
        {
            return $"empty {label} at position {start}";
        }

        if (char.IsWhiteSpace(s[start]))
        {
            return $"{label} starts with whitespace at position {start}";
        }

        if (char.IsWhiteSpace(s[end - 1]))
        {
            return $"{label} ends with whitespace at position {end - 1}";
        }

        switch (part.Kind)
        {
            case KeyPartKind.Text:
                value = UrnText.Decode(s, start, end);
                return null;

            case KeyPartKind.Fabric:
                value = s[start..end];
                return FabricType.IsValid(value)
                    ? null
                    : $"{part.Name} '{value}' is not a FabricType (one of {string.Join(", ", FabricType.All)})";

            default:
                value = s[start..end];
                var expected = part.UrnEntityType is { } type ? $"a {type} urn" : "an urn";
                if (!value.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    return $"{part.Name} must be {expected}, got {value}";
                }

                nested = Read(s, start, end, depth + 1, out var inner);
                if (nested is null)
                {
                    return $"{part.Name} is not a valid urn: {inner}";
                }

                return part.UrnEntityType is null || nested.EntityType == part.UrnEntityType
                    ? null
                    : $"{part.Name} must be {expected}, got {value}";
        }
    }

    private static Urn? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
