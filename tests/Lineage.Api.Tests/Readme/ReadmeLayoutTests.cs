using System.Text.RegularExpressions;
using Lineage.Graph.Tests;

namespace Lineage.Api.Tests.Readme;

/// <summary>
/// The README's Layout section is the map a newcomer reads to find a feature: every folder it names exists, and every
/// endpoint folder of the API is on it.
/// </summary>
public sealed partial class ReadmeLayoutTests
{
    private static readonly string Api = Path.Combine(Repository.Root, "src", "Lineage.Api");

    private static string LayoutSection()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("\n## Layout\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "the README has a Layout section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    [Fact]
    public void every_folder_the_layout_names_exists()
    {
        var missing = new List<string>();
        foreach (var row in LayoutSection().Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var spans = CodeSpan().Matches(row).Select(m => m.Groups[1].Value).Where(s => s.Contains('/')).ToList();
            if (spans.Count == 0) continue;
            // The row's first path is where it lives; the folders after it are inside that folder or that project.
            var first = spans[0];
            var home = Path.Combine(Repository.Root, first.EndsWith('/') ? first : Path.GetDirectoryName(first)!);
            var project = Path.Combine(Repository.Root, string.Join('/', first.Split('/').Take(2)));
            foreach (var span in spans)
            {
                if (!span.EndsWith('/') && span != first) continue;
                var found = new[] { Repository.Root, home, project }.Any(b => Directory.Exists(Path.Combine(b, span)) || File.Exists(Path.Combine(b, span)));
                if (!found) missing.Add($"{span} (row: {row[..Math.Min(60, row.Length)]}…)");
            }
        }
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void every_endpoint_folder_of_the_api_is_on_the_map()
    {
        var layout = LayoutSection();
        var folders = Directory.EnumerateFiles(Api, "*Endpoint.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f))!)
            .Distinct()
            .ToList();
        folders.ShouldNotBeEmpty();
        folders.Where(f => !layout.Contains($"{f}/", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
