namespace Lineage.Api.Tests.Readme;

/// <summary>An example of the README: a command block, and the answer shown right after it, if any.</summary>
internal sealed record Example(FencedBlock Command, FencedBlock? Answer)
{
    public override string ToString() => Command.ToString();
}
