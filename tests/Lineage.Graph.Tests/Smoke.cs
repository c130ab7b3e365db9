namespace Lineage.Graph.Tests; public class Smoke { [Fact] public void Runs() => true.ShouldBeTrue(); }
