using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Changes.Webhooks;

/// <summary>
/// What a webhook is sent for a change, if it wants the change at all: the change as DataHub's MetadataChangeLog
/// (<see cref="ChangeLog"/>). A webhook watching what is downstream of an entity gets, with each change to that entity
/// itself, an <c>impact</c> alert: the models downstream of it when it changed, with their owners.
/// </summary>
internal sealed class WebhookEvents(ChangeLog log, LineageService lineage, IOptions<TraversalOptions> traversal)
{
    /// <summary>The entity types an impact alert lists.</summary>
    private static readonly string[] Models = ["mlModel"];

    /// <summary>
    /// What one page of changes reads once, however many of its changes need it: the entities downstream of each
    /// watched entity, and the impact alert of each watched entity at each moment (a batch's changes share one).
    /// </summary>
    public sealed class PageReads
    {
        public Dictionary<string, IReadOnlySet<string>> Downstream { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Root, DateTimeOffset At), JsonObject> Impacts { get; } = [];
    }

    /// <summary>The event for <paramref name="change"/>, or null when the webhook's filter leaves it out.</summary>
    public async Task<JsonObject?> ForAsync(Webhook webhook, ChangeRecord change, PageReads page, CancellationToken ct)
    {
        var mcl = log.Of(change);
        var filter = webhook.Filter;
        if (filter.EntityTypes.Count > 0 && !filter.EntityTypes.Contains(change.EntityType)) return null;
        if (filter.Aspects.Count > 0 && !filter.Aspects.Contains(mcl["aspectName"]?.GetValue<string>() ?? "")) return null;
        if (filter.DownstreamOf is not { } root) return mcl;

        if (change.Urn == root || Columns.ParentOf(change.Urn) == root)
        {
            if (!page.Impacts.TryGetValue((root, change.At), out var impact))
                page.Impacts[(root, change.At)] = impact = await ImpactAsync(root, change.At, ct);
            mcl["impact"] = impact.DeepClone();
            return mcl;
        }
        if (!page.Downstream.TryGetValue(root, out var below))
            page.Downstream[root] = below = await DownstreamAsync(root, ct);
        return below.Contains(change.Urn) || Columns.ParentOf(change.Urn) is { } parent && below.Contains(parent) ? mcl : null;
    }

    /// <summary>Everything downstream of <paramref name="root"/> now, within the service's hops and nodes.</summary>
    private async Task<IReadOnlySet<string>> DownstreamAsync(string root, CancellationToken ct)
    {
        var limits = traversal.Value;
        var report = await lineage.GetImpactAsync(root, limits.MaxHops, [], ct, page: new ImpactPage(0, limits.MaxNodes));
        return report.Affected.Select(a => a.Entity.Urn).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The models downstream of the changed entity as the graph stood when it changed (a delivery retried an hour later
    /// still names the models the change reached), each with the path that leads to it, and the owners to tell.
    /// </summary>
    private async Task<JsonObject> ImpactAsync(string root, DateTimeOffset at, CancellationToken ct)
    {
        var limits = traversal.Value;
        var report = await lineage.GetImpactAsync(root, limits.MaxHops, Models, ct, page: new ImpactPage(0, limits.MaxNodes), asOf: LineageTime.At(at));
        return new JsonObject
        {
            ["root"] = root,
            ["asOf"] = at.ToUnixTimeMilliseconds(),
            ["models"] = new JsonArray([.. report.Affected.Select(a => (JsonNode)new JsonObject
            {
                ["urn"] = a.Entity.Urn,
                ["name"] = a.Entity.Name,
                ["degree"] = a.Entity.Degree,
                ["path"] = new JsonArray([.. a.Path.Urns.Select(u => (JsonNode)u)]),
            })]),
            ["owners"] = new JsonArray([.. report.Owners.Select(o => (JsonNode)new JsonObject
            {
                ["owner"] = o.Owner,
                ["models"] = new JsonArray([.. o.Entities.Select(u => (JsonNode)u)]),
            })]),
            ["truncated"] = report.Truncated,
        };
    }
}
