using System.Text;

namespace Lineage.Graph.Urns;

/// <summary>The escaping DataHub applies to text key parts: only <c>,</c> <c>(</c> <c>)</c>, as <c>%2C</c> <c>%28</c> <c>%29</c>.</summary>
internal static class UrnText
{
    /// <summary>Writes <c>,</c> <c>(</c> <c>)</c> as DataHub's encoders do; every other character, <c>%</c> included, stays as is.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(",()") < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                ',' => sb.Append("%2C"),
                '(' => sb.Append("%28"),
                ')' => sb.Append("%29"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Undoes <see cref="Escape"/> on <c>text[start..end)</c>; other %-sequences are left alone, as DataHub leaves them.</summary>
    public static string Decode(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (span.IndexOf('%') < 0)
        {
            return span.ToString();
        }

        var sb = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            // Only the upper-case spellings are decoded: they are what DataHub's encoders (Python's
            // urllib.quote, Java's URLEncoder) write, and decoding more would break text that merely contains "%2c".
            if (span[i] == '%' && i + 2 < span.Length && span[i + 1] == '2' && Decoded(span[i + 2]) is { } c)
            {
                sb.Append(c);
                i += 2;
            }
            else
            {
                sb.Append(span[i]);
            }
        }

        return sb.ToString();
    }

    private static char? Decoded(char hexDigit) => hexDigit switch
    {
        'C' => ',',
        '8' => '(',
        '9' => ')',
        _ => null,
    };
}
