namespace Lineage.Graph.Urns;

// Which characters a URN may hold, checked once over the whole text so nested reads need not repeat it.
public sealed partial class Urn
{
    private static string? CheckCharacters(string s)
    {
        if (s.Length == 0)
        {
            return "is empty";
        }

        if (char.IsWhiteSpace(s[0]))
        {
            return "starts with whitespace";
        }

        if (char.IsWhiteSpace(s[^1]))
        {
            return $"ends with whitespace at position {s.Length - 1}";
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsControl(c))
            {
                return $"control character U+{(int)c:X4} at position {i}";
            }

            // A plain space is allowed inside a part (DataHub has names with spaces); tabs, line breaks and
            // the exotic spaces are almost always a copy-paste accident and would be invisible in the UI.
            if (char.IsWhiteSpace(c) && c != ' ')
            {
                return $"whitespace character U+{(int)c:X4} at position {i}; only plain spaces are allowed";
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"unpaired surrogate U+{(int)c:X4} at position {i}";
            }

            // DataHub's URN validation rejects it: browse paths use it as their delimiter.
            if (c == '\u241F')
            {
                return $"reserved character '\u241F' at position {i}";
            }
        }

        return null;
    }
}
