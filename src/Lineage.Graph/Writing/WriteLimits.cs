using System.Text;
using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Writing;

/// <summary>How big a write may be (configuration section <c>Lineage:Limits</c>); past them a write is a 400.</summary>
public sealed class WriteLimits
{
    public const string Section = "Lineage:Limits";

    /// <summary>DataHub refuses URNs longer than 512 bytes once URL-encoded; so does Lineage, so data moves both ways.</summary>
    public int MaxUrnBytes { get; set; } = 512;

    /// <summary>The largest aspect value, as UTF-8 JSON.</summary>
    public int MaxAspectBytes { get; set; } = 1024 * 1024;

    /// <summary>The most aspect writes one batch may hold (DataHub's client sends at most 200).</summary>
    public int MaxBatchSize { get; set; } = 1000;

    internal void CheckBatch(int count)
    {
        if (count > MaxBatchSize)
            throw new ValidationException("", $"a batch may hold at most {MaxBatchSize} aspect writes; this one has {count}");
    }

    internal void CheckProposal(Proposal proposal)
    {
        var urnBytes = Encoding.UTF8.GetByteCount(Uri.EscapeDataString(proposal.EntityUrn));
        if (urnBytes > MaxUrnBytes)
            throw new ValidationException("entityUrn", $"is {urnBytes} bytes URL-encoded; at most {MaxUrnBytes} are allowed");
        if (proposal.Value is JsonNode value && Encoding.UTF8.GetByteCount(value.ToJsonString()) is var size && size > MaxAspectBytes)
            throw new ValidationException(proposal.AspectName, $"the aspect is {size} bytes; at most {MaxAspectBytes} are allowed");
    }
}
