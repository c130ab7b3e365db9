using Lineage.Api.Tests.Readme;
using Lineage.Cli.Tests.Support;
using Lineage.Cli.Tests.Transfer;
using Lineage.Graph.Tests;
using Spectre.Console.Testing;

namespace Lineage.Cli.Tests;

/// <summary>
/// The README's session of <c>lineage</c> commands, run as written, from a folder standing for the checkout's root,
/// against a service that holds the walk-through's entities (the README's API examples skip this block and say so).
/// </summary>
[Collection(RoundTripCatalog.Collection)]
public sealed class ReadmeCommandsTests(RoundTripCatalog catalog)
{
    [Fact]
    public async Task every_command_of_the_readmes_session_runs_and_prints_what_it_should()
    {
        var block = FencedBlock.Parse(File.ReadAllText(Path.Combine(Repository.Root, "README.md")))
            .Single(b => b.Heading == "The command line: `lineage`" && b.FirstLine.StartsWith("lineage import tests/", StringComparison.Ordinal));
        var checkout = Directory.CreateTempSubdirectory("lineage-cli-readme-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(checkout, "tests"), Path.Combine(Repository.Root, "tests"));
        var outputs = new Dictionary<string, string>();
        try
        {
            foreach (var line in block.Text.Split('\n').Where(l => l.Trim().Length > 0))
            {
                var args = Words(line);
                args[0].ShouldBe("lineage", line);
                var result = await CliRun.RunInAsync(checkout, new TestConsole().Width(200), RoundTripCatalog.To(catalog.Source),
                    () => new SocketsHttpHandler(), [.. args.Skip(1)]);
                result.ExitCode.ShouldBe(0, $"{line}\n{result}");
                result.Errors.ShouldBeEmpty(line);
                outputs[args[1]] = result.Output;
            }
        }
        finally
        {
            Directory.Delete(checkout, recursive: true);
        }
        outputs["import"].ShouldContain("refused");
        outputs["impact"].ShouldContain("affected");
        outputs["impact"].ShouldContain("recommender-v1");
        outputs["lineage"].ShouldContain("users_feature_table");
        outputs["path"].ShouldContain("3 hops downstream");
        outputs["search"].ShouldContain("urn:li:mlModel:(urn:li:dataPlatform:mlflow,recommender-v1,PROD)");
        outputs["get"].ShouldContain("urn:li:domain:growth");
    }

    /// <summary>A line split as bash splits it: words, single-quoted strings kept whole, a trailing <c># comment</c> dropped.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var (quoted, any) = (false, false);
        foreach (var c in line)
        {
            if (quoted) { if (c == '\'') quoted = false; else word.Append(c); continue; }
            if (c == '\'') { quoted = any = true; continue; }
            if (c == '#' && !any) break;
            if (char.IsWhiteSpace(c))
            {
                if (any) words.Add(word.ToString());
                (word, any) = (new System.Text.StringBuilder(), false);
                continue;
            }
            word.Append(c);
            any = true;
        }
        if (any) words.Add(word.ToString());
        return words;
    }
}
