using Lineage.Api.Startup;

namespace Lineage.Api.Tests.Startup;

/// <summary>Lineage's own switches come out of the command line; settings go on to configuration as it reads them.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void the_switches_are_taken_out_and_the_settings_around_them_kept_in_order()
    {
        var command = CommandLine.Parse(["--reindex", "--Urls=http://0.0.0.0:9000", "--Lineage:Store", "neo4j", "Lineage:Auth:Enabled=false"]);

        command.Reindex.ShouldBeTrue();
        command.Help.ShouldBeFalse();
        command.Problem.ShouldBeNull();
        command.Settings.ShouldBe(["--Urls=http://0.0.0.0:9000", "--Lineage:Store", "neo4j", "Lineage:Auth:Enabled=false"]);
    }

    [Theory]
    [InlineData("--reindx")]
    [InlineData("-x")]
    [InlineData("reindex")]
    [InlineData("-Lineage:Store=neo4j")]
    public void a_word_configuration_would_ignore_or_refuse_is_a_problem_naming_it(string arg)
    {
        var command = CommandLine.Parse(["--Urls=http://localhost:8080", arg]);

        command.Problem.ShouldBe($"unknown argument '{arg}'");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void help_is_asked_for_with_either_spelling(string arg) =>
        CommandLine.Parse(["--Lineage:Store=neo4j", arg]).Help.ShouldBeTrue();
}
