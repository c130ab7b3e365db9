using System.Diagnostics;
using System.Text.RegularExpressions;
using Lineage.Graph.Tests;

namespace Lineage.Api.Tests.Docker;

/// <summary>
/// The Docker files, which no development machine can run (there is no Docker engine): what the build context
/// leaves out, and that the README's command for the admin token reads where the image keeps its data.
/// </summary>
public sealed class DockerFilesTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(Repository.Root, file));

    [Theory]
    [InlineData("src/Lineage.Api/data/admin.token")]
    [InlineData("src/Lineage.Api/data/lineage.db")]
    [InlineData("src/Lineage.Api/data/auth.db")]
    [InlineData("data/lineage.db")]
    [InlineData(".git/HEAD")]
    [InlineData(".git")]
    [InlineData(".neo4j/x")]
    [InlineData(".neo4j/run-1/data/databases/graph.db/neostore")]
    [InlineData("src/Lineage.Api/bin/Release/net10.0/Lineage.Api.dll")]
    [InlineData("src/Lineage.Graph/obj/project.assets.json")]
    [InlineData("src/Lineage.Api/Explorer/node_modules/cytoscape/package.json")]
    [InlineData("src/Lineage.Api/Explorer/dist/explorer.js")]
    [InlineData("tests/Lineage.Api.Tests/TestResults/run.trx")]
    public void the_build_context_leaves_out_local_data_the_repository_and_build_output(string path)
    {
        new DockerIgnore(Read(".dockerignore")).Excludes(path).ShouldBeTrue($"{path} would be sent to the Docker build");
    }

    [Fact]
    public void every_tracked_file_the_dockerfile_copies_stays_in_the_build_context()
    {
        var ignore = new DockerIgnore(Read(".dockerignore"));
        // The build stage's COPY sources (not the runtime stage's COPY --from).
        var sources = Regex.Matches(Read("Dockerfile"), @"^COPY (?!--from)(.+) \S+$", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        sources.ShouldContain("src/");

        var copied = TrackedFiles(sources);
        copied.Count.ShouldBeGreaterThan(100);
        copied.Where(ignore.Excludes).ShouldBeEmpty();
    }

    [Fact]
    public void the_data_directory_is_where_the_image_puts_it_each_replica_has_its_own_and_the_readme_reads_the_shared_token()
    {
        var dockerfile = Read("Dockerfile");
        var directory = Regex.Match(dockerfile, @"Lineage__DataDirectory=(\S+)").Groups[1].Value;
        directory.ShouldStartWith("/");
        dockerfile.ShouldContain($"chown app:app {directory}");
        dockerfile.ShouldContain("USER app");
        var compose = Read("docker-compose.yml");
        compose.ShouldContain($"- {directory}\n", customMessage: "each replica's own data directory");
        var tokenFile = Regex.Match(compose, @"Lineage__Auth__AdminTokenFile: (\S+)").Groups[1].Value;
        var shared = Path.GetDirectoryName(tokenFile)!;
        compose.ShouldContain($"lineage-shared:{shared}", customMessage: "the admin token's folder is the replicas' shared volume");
        dockerfile.ShouldContain(shared, customMessage: "the image makes the shared folder, owned by its user");
        Read("README.md").ShouldContain($"docker compose exec api cat {tokenFile}");
        Read("deploy/nginx.conf").ShouldContain("server api:8080;");
    }

    [Theory]
    [InlineData("data/", "data/x", true)]
    [InlineData("data/", "src/Lineage.Api/data/x", false)]
    [InlineData("/data", "data", true)]
    [InlineData("**/data/", "src/Lineage.Api/data/x", true)]
    [InlineData("**/data/", "data/x", true)]
    [InlineData("**/data/", "src/database/x", false)]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/model.md", false)]
    [InlineData("docs/**", "docs/images/a.png", true)]
    [InlineData("src/*/bin", "src/Lineage.Api/bin/x.dll", true)]
    [InlineData("src/*/bin", "src/a/b/bin/x.dll", false)]
    [InlineData("a?c", "abc", true)]
    public void patterns_match_as_dockers_do(string pattern, string path, bool excluded)
    {
        new DockerIgnore(pattern).Excludes(path).ShouldBe(excluded);
    }

    [Fact]
    public void an_exception_after_a_pattern_keeps_what_it_names()
    {
        var ignore = new DockerIgnore("**/data/\n!src/Lineage.Api/data/keep.txt\n");
        ignore.Excludes("src/Lineage.Api/data/keep.txt").ShouldBeFalse();
        ignore.Excludes("src/Lineage.Api/data/admin.token").ShouldBeTrue();
    }

    private static List<string> TrackedFiles(IEnumerable<string> paths)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ls-files", "-z", "--" }.Concat(paths)) info.ArgumentList.Add(arg);
        using var git = Process.Start(info)!;
        var stdout = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        git.ExitCode.ShouldBe(0, git.StandardError.ReadToEnd());
        return [.. stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }
}
