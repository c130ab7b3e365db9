using System.Diagnostics.CodeAnalysis;

namespace Lineage.Graph.Urns;

// The check for a URN an aspect refers to, as opposed to the URN of the entity being written.
public sealed partial class Urn
{
    /// <summary>
    /// Checks a referenced URN (a field's value, not the entity being written) as DataHub does: its syntax
    /// (<c>urn:li:&lt;entityType&gt;:&lt;key&gt;</c>, allowed characters, balanced tuple parentheses) and nothing of its
    /// key parts' rules, which belong to whoever writes that entity. The caller checks the entity type against the
    /// field's allowed types.
    /// </summary>
    /// <param name="text">The URN text.</param>
    /// <param name="entityType">The entity type the URN names, known to Lineage or not.</param>
    /// <param name="error">What is wrong, when the text is not a URN.</param>
    public static bool TryReadReference(
        string text,
        [NotNullWhen(true)] out string? entityType,
        [NotNullWhen(false)] out string? error)
    {
        entityType = null;
        error = CheckCharacters(text) ?? CheckReferenceShape(text, out entityType);
        return error is null;
    }

    private static string? CheckReferenceShape(string s, out string? entityType)
    {
        entityType = null;
        if (!s.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return $"does not start with '{Prefix}'";
        }

        var colon = s.IndexOf(':', Prefix.Length);
        if (colon < 0)
        {
            return $"missing ':' and key after the entity type: expected '{Prefix}<entityType>:<key>'";
        }

        var type = s[Prefix.Length..colon];
        if (type.Length == 0 || !type.All(char.IsAsciiLetterOrDigit))
        {
            return $"'{type}' is not an entity type name (letters and digits)";
        }

        if (colon == s.Length - 1)
        {
            return $"empty key at position {colon + 1}";
        }

        var depth = 0;
        for (var i = colon + 1; i < s.Length; i++)
        {
            depth += s[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return $"unbalanced ')' at position {i}";
            }
        }

        if (depth != 0)
        {
            return "unbalanced '(': the key's tuple is not closed";
        }

        entityType = type;
        return null;
    }
}
