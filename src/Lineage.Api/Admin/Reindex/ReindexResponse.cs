namespace Lineage.Api.Admin.Reindex;

/// <summary>Where the rebuilt index stands.</summary>
internal sealed record ReindexResponse(long AppliedSequence, int Documents);
