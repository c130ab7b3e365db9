using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.Readers;

/// <summary>One aspect of a snapshot as an UPSERT proposal, with where it sat in the request (for error paths).</summary>
internal sealed record SnapshotAspect(Proposal Proposal, string Path);
