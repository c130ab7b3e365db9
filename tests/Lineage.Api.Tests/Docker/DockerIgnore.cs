using System.Text;
using System.Text.RegularExpressions;

namespace Lineage.Api.Tests.Docker;

/// <summary>
/// The part of Docker's <c>.dockerignore</c> matching (moby/patternmatcher) that this repository's file uses: one
/// pattern a line, <c>#</c> comments, <c>!</c> exceptions, patterns relative to the context root (a leading
/// <c>/</c> is dropped, a trailing one too: <c>data/</c> is the top-level <c>data</c> only), <c>*</c> and
/// <c>?</c> within one path segment, <c>**</c> across any number of them. A path is left out when it or a folder
/// above it matches, the last matching pattern deciding. Character classes and escapes are refused rather than
/// guessed at.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exception)> _rules = [];

    public DockerIgnore(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var exception = line.StartsWith('!');
            var pattern = (exception ? line[1..] : line).Trim().Trim('/');
            if (pattern.IndexOfAny(['[', ']', '\\']) >= 0)
                throw new NotSupportedException($".dockerignore pattern '{line}': character classes and escapes are not implemented here");
            _rules.Add((new Regex($"^{ToRegex(pattern)}$", RegexOptions.CultureInvariant), exception));
        }
    }

    /// <summary>Whether the file at <paramref name="path"/> (relative to the context root, with <c>/</c>) stays out of the build context.</summary>
    public bool Excludes(string path)
    {
        var segments = path.Split('/');
        var excluded = false;
        foreach (var (pattern, exception) in _rules)
        {
            // The path itself or any folder above it, as Docker's MatchesOrParentMatches does.
            var matches = Enumerable.Range(1, segments.Length).Any(n => pattern.IsMatch(string.Join('/', segments.Take(n))));
            if (matches) excluded = !exception;
        }
        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/') i++;
                // "**" at the end takes everything; elsewhere any number of whole segments, none included.
                regex.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
            }
            else if (c == '*') regex.Append("[^/]*");
            else if (c == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return regex.ToString();
    }
}
