using System.Text.Json.Nodes;

namespace Lineage.Api.Changes.Feed;

/// <summary>A page of the change feed, oldest first, and the <c>after</c> of the next page (the last sequence read).</summary>
internal sealed record ChangeFeedResponse(IReadOnlyList<JsonObject> Changes, long Next);
