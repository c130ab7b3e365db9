namespace Lineage.Api.Tests.Connectors;

/// <summary>A request the server did not answer with a 2xx: what it carried and what the error body said.</summary>
public sealed record Refusal(int Status, IReadOnlyList<WrittenAspect> Aspects, string? ErrorPath, string Message)
{
    /// <summary>A refused batch names the proposal its error path points at (<c>proposals[N]…</c>); the server refuses a batch whole.</summary>
    public override string ToString()
    {
        var carried = ErrorPath is { } path && path.StartsWith("proposals[", StringComparison.Ordinal)
            && int.TryParse(path["proposals[".Length..path.IndexOf(']', StringComparison.Ordinal)], out var index) && index < Aspects.Count
            ? $"{Aspects[index]} (proposal {index} of a batch of {Aspects.Count}, refused whole)"
            : string.Join("; ", Aspects.Select(a => a.ToString()));
        return $"{Status} for {carried}: path={ErrorPath ?? "(none)"} message={Message}";
    }
}
