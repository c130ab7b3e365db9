namespace Lineage.Graph.Storage.Neo4j;

/// <summary>The statements the Neo4j store runs, by file name under <c>cypher/</c>; a test checks every file is named here.</summary>
internal static class CypherNames
{
    public static readonly string[] Schema =
        ["entity-urn-unique", "feed-id-unique", "change-seq-index", "edge-version-owner", "edge-version-source", "edge-version-target"];
    public const string FeedInit = "schema/feed-init";
    public const string DateDeletions = "schema/date-deletions";
    public const string DateEdges = "schema/date-edges";
    public const string LockFeed = "write/lock-feed";
    public const string ReadAspectState = "write/read-aspect-state";
    public const string ReadEntityState = "write/read-entity-state";
    public const string WipeEntities = "write/wipe-entities";
    public const string ArchiveLatest = "write/archive-latest";
    public const string DropLatest = "write/drop-latest";
    public const string RecordTimeseries = "write/record-timeseries";
    public const string UpsertEntities = "write/upsert-entities";
    public const string InsertVersions = "write/insert-versions";
    public const string TouchSystemMetadata = "write/touch-system-metadata";
    public const string DeleteAspectEdges = "write/delete-aspect-edges";
    public const string CreateEdges = "write/create-edges";
    public const string DeleteColumnEdges = "write/delete-column-edges";
    public const string CreateColumnEdges = "write/create-column-edges";
    public const string WipeEdgeVersions = "write/wipe-edge-versions";
    public const string ArchiveEdges = "write/archive-edges";
    public const string ArchiveColumnEdges = "write/archive-column-edges";
    public const string CreateEdgeVersions = "write/create-edge-versions";
    public const string EdgeHistoryReplay = "read/edge-history-replay";
    public const string FinishEdgeReplay = "write/finish-edge-replay";
    public const string LabelEntities = "write/label-entities";
    public const string AppendChanges = "write/append-changes";
    public const string Entity = "read/entity";
    public const string Entities = "read/entities";
    public const string AspectVersion = "read/aspect-version";
    public const string AspectVersions = "read/aspect-versions";
    public const string OutgoingCount = "read/relationships-outgoing-count";
    public const string OutgoingPage = "read/relationships-outgoing-page";
    public const string IncomingCount = "read/relationships-incoming-count";
    public const string IncomingPage = "read/relationships-incoming-page";
    public const string ChangesAfter = "changes/read-after";
    public const string LastSequence = "changes/last-sequence";
    public const string EntityUrns = "read/entity-urns";
    public const string Archives = "read/archives";
    public const string MarkDeleted = "write/mark-deleted";
    public const string ReadPointState = "write/read-point-state";
    public const string LatestAspects = "read/latest-aspects";
    public const string TimeseriesValues = "read/timeseries-values";
    public const string TraversalStep = "traversal/step";
    public const string NodeFacts = "traversal/node-facts";
    public const string EdgesAmong = "traversal/edges-among";
    public const string EdgesAsOf = "traversal/edges-as-of";
    public const string Connectivity = "read/connectivity";

    /// <summary>The schema statement for a server's major version (3.x syntax or 4.4/5.x syntax).</summary>
    public static string SchemaFor(string name, int majorVersion) => CypherCatalog.SchemaFor(name, majorVersion);
}
