namespace Lineage.Search.Tests; public class Smoke { [Fact] public void Runs() => true.ShouldBeTrue(); }
