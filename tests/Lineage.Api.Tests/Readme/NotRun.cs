namespace Lineage.Api.Tests.Readme;

/// <summary>
/// A README block the test does not run, and why: the block under the heading <paramref name="Heading"/> whose first
/// line starts with <paramref name="FirstLine"/> (every block under it when that is empty).
/// </summary>
internal sealed record NotRun(string Heading, string FirstLine, string Reason)
{
    public bool Matches(FencedBlock block) =>
        block.Heading == Heading && block.FirstLine.StartsWith(FirstLine, StringComparison.Ordinal);

    public override string ToString() => $"(\"{Heading}\", \"{FirstLine}\")";
}
