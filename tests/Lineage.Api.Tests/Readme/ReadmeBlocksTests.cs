namespace Lineage.Api.Tests.Readme;

/// <summary>Every block of the README is accounted for: run, the answer of one that is, or excluded with a reason.</summary>
public sealed class ReadmeBlocksTests
{
    [Fact]
    public void every_fenced_block_is_an_example_its_answer_or_excluded_with_a_reason()
    {
        var readme = ReadmeExamples.Load();

        readme.Problems.ShouldBeEmpty();
        readme.WalkThrough.Command.Text.ShouldContain("emit()");
        readme.Examples.Count.ShouldBeGreaterThan(10);
        readme.Skipped.ShouldAllBe(s => s.Why.Reason.Length > 0);
    }

    [Fact]
    public void a_new_bash_block_is_an_example_and_the_block_right_after_it_its_answer()
    {
        var readme = ReadmeExamples.Classify("""
            ## Walk-through: DataHub's ML tutorial with curl
            ```bash
            emit() { :; }
            ```
            ## Anything
            ```bash
            curl -s localhost:8080/health | jq -c .status
            ```
            ```
            "ok"
            ```

            ```bash
            echo no answer shown
            ```

            ```
            not an answer: a blank line before it
            ```
            """);

        readme.Examples.Select(e => e.Command.FirstLine).ShouldBe(["emit() { :; }", "curl -s localhost:8080/health | jq -c .status", "echo no answer shown"]);
        readme.Examples[1].Answer!.Text.ShouldBe("\"ok\"");
        readme.Examples[2].Answer.ShouldBeNull();
        readme.Problems.ShouldContain(p => p.Contains("not an answer"));
    }
}
