using Lineage.Search.Indexing;

namespace Lineage.Search.Tests.Indexing;

/// <summary>Entities whose rank is stale gather for a while, then are refreshed chunk by chunk while the next ones gather.</summary>
public sealed class StaleTargetsTests
{
    [Fact]
    public void a_gathering_waits_for_its_delay_unless_asked_for_now()
    {
        var stale = new StaleTargets(TimeSpan.FromHours(1), chunk: 10, most: 100);
        stale.Add(["a", "b"], sequence: 7);

        stale.Next(now: false).ShouldBeEmpty();
        stale.Count.ShouldBe(2);
        stale.Next(now: true).ShouldBe(["a", "b"], ignoreOrder: true);
        stale.Count.ShouldBe(0);
    }

    [Fact]
    public void a_gathering_is_due_once_its_first_entity_has_waited_the_delay()
    {
        var stale = new StaleTargets(TimeSpan.FromMilliseconds(50), chunk: 10, most: 100);
        stale.Add(["a"], sequence: 1);
        Thread.Sleep(80);

        stale.Next(now: false).ShouldBe(["a"]);
    }

    [Fact]
    public void a_gathering_of_the_most_entities_is_due_at_once()
    {
        var stale = new StaleTargets(TimeSpan.FromHours(1), chunk: 2, most: 3);
        stale.Add(["a", "b", "c"], sequence: 1);

        var first = stale.Next(now: false);
        first.Count.ShouldBe(2);
        stale.Next(now: false).Count.ShouldBe(1);
    }

    [Fact]
    public void what_arrives_while_a_gathering_is_refreshed_waits_for_the_next_one()
    {
        var stale = new StaleTargets(TimeSpan.FromHours(1), chunk: 1, most: 100);
        stale.Add(["a", "b"], sequence: 1);
        stale.Next(now: true).Count.ShouldBe(1);

        stale.Add(["hub"], sequence: 5);

        var rest = stale.Next(now: false);
        rest.Count.ShouldBe(1);
        rest.ShouldNotContain("hub");
        stale.Next(now: false).ShouldBeEmpty();
        stale.Next(now: true).ShouldBe(["hub"]);
    }

    [Fact]
    public void a_restart_resumes_before_the_first_change_that_made_a_waiting_entity_wait()
    {
        var stale = new StaleTargets(TimeSpan.FromHours(1), chunk: 1, most: 100);
        stale.ResumeAfter(20).ShouldBe(20);
        stale.Add(["a", "b"], sequence: 8);
        stale.Add(["c"], sequence: 9);
        stale.ResumeAfter(20).ShouldBe(7);

        stale.Next(now: true);
        stale.Add(["d"], sequence: 15);
        stale.ResumeAfter(20).ShouldBe(7);

        stale.Next(now: false);
        stale.Next(now: false);
        stale.ResumeAfter(20).ShouldBe(14);
        stale.Remove(["d"]);
        stale.ResumeAfter(20).ShouldBe(20);
    }
}
