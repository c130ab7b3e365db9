namespace Lineage.Api.Tests; public class Smoke { [Fact] public void Runs() => true.ShouldBeTrue(); }
