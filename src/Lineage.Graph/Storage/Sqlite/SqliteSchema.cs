namespace Lineage.Graph.Storage.Sqlite;

/// <summary>
/// The embedded store's tables; <c>CREATE … IF NOT EXISTS</c>, so applying it again is harmless. Every urn is a row of
/// <c>nodes</c> and every other table names nodes by their integer id: a B-tree keyed by small integers is a fraction of
/// one keyed by urns (which repeat a dataset's urn in each of its columns'), so each aspect and edge written costs fewer
/// pages, and a walk compares integers. A node row is never deleted, so an id always names the same urn.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Set outside any transaction, which SQLite requires of a change of journal mode.</summary>
    public const string JournalMode = "PRAGMA journal_mode = WAL;";

    /// <summary>Which shape the file has: 0 new or current, 1 text-keyed tables, 2 text-keyed edges from before column lineage.</summary>
    public const string Shape = """
        SELECT CASE
            WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'nodes') THEN 0
            WHEN NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('edges', 'entities', 'aspects')) THEN 0
            WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'edges')
             AND NOT EXISTS (SELECT 1 FROM pragma_table_info('edges') WHERE name = 'owner') THEN 2
            ELSE 1
        END
        """;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS nodes (
            id          INTEGER PRIMARY KEY,
            urn         TEXT NOT NULL UNIQUE,
            -- A column's (schemaField's) dataset or other parent; null for every other node.
            parent      INTEGER,
            entity_type TEXT,
            removed     INTEGER NOT NULL DEFAULT 0,
            -- Null while the urn is only named by edges (or after a hard delete): not an entity the store holds.
            created_at  INTEGER,
            -- What lineage and impact answers say of every node they reach, kept from its latest deprecation and
            -- ownership aspects as they are written (RefreshFacts), so that a hub's answer reads no aspect.
            deprecated  INTEGER NOT NULL DEFAULT 0,
            owners      TEXT
        );
        CREATE INDEX IF NOT EXISTS nodes_by_parent ON nodes (parent) WHERE parent IS NOT NULL;
        -- A rowid table: aspect values are large, and a bulk load of new entities appends them at the end.
        CREATE TABLE IF NOT EXISTS aspects (
            node            INTEGER NOT NULL,
            aspect          TEXT NOT NULL,
            version         INTEGER NOT NULL,
            revision        INTEGER NOT NULL,
            value           TEXT NOT NULL,
            value_hash      TEXT NOT NULL,
            system_metadata TEXT,
            created_at      INTEGER NOT NULL,
            created_by      TEXT NOT NULL,
            deleted_at      INTEGER
        );
        CREATE UNIQUE INDEX IF NOT EXISTS aspects_by_key ON aspects (node, aspect, version);
        CREATE TABLE IF NOT EXISTS edges (
            source  INTEGER NOT NULL,
            aspect  TEXT NOT NULL,
            type    TEXT NOT NULL,
            target  INTEGER NOT NULL,
            -- 0 when the source's own aspect made the edge; else the dataset or job whose fine-grained lineage made
            -- this column edge (rewriting that aspect replaces it). Two owners may state the same column edge.
            owner   INTEGER NOT NULL DEFAULT 0,
            lineage INTEGER NOT NULL,
            -- A column edge's {via, transformOperation, confidenceScore}; null on every other edge.
            mapping TEXT,
            PRIMARY KEY (source, aspect, type, target, owner)
        ) WITHOUT ROWID;
        -- With the lineage role beside the target, a walk's step against the edges' direction reads only this index.
        CREATE INDEX IF NOT EXISTS edges_to ON edges (target, lineage, type, source);
        -- Only column edges have an owner: a partial index costs nothing on every other edge insert.
        CREATE INDEX IF NOT EXISTS edges_by_owner ON edges (owner, aspect) WHERE owner <> 0;
        -- Every lineage edge an aspect has stated, from when (Unix ms) it was stated until the aspect was rewritten or
        -- deleted (null while current): what a lineage answer as of a moment walks. owner is the node whose aspect
        -- stated it: the source, or the dataset or job whose fine-grained lineage states a column edge.
        CREATE TABLE IF NOT EXISTS edge_history (
            source  INTEGER NOT NULL,
            aspect  TEXT NOT NULL,
            type    TEXT NOT NULL,
            target  INTEGER NOT NULL,
            owner   INTEGER NOT NULL,
            lineage INTEGER NOT NULL,
            mapping TEXT,
            since   INTEGER NOT NULL,
            until   INTEGER
        );
        CREATE INDEX IF NOT EXISTS edge_history_from ON edge_history (source, since);
        CREATE INDEX IF NOT EXISTS edge_history_to ON edge_history (target, since);
        CREATE INDEX IF NOT EXISTS edge_history_by_owner ON edge_history (owner, aspect, until);
        -- A row while the edge versions replaced before the history began (at since) are still to be replayed.
        CREATE TABLE IF NOT EXISTS edge_history_replay (since INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS timeseries (
            node             INTEGER NOT NULL,
            aspect           TEXT NOT NULL,
            timestamp_millis INTEGER NOT NULL,
            partition        TEXT NOT NULL,
            value            TEXT NOT NULL,
            system_metadata  TEXT,
            created_at       INTEGER NOT NULL,
            created_by       TEXT NOT NULL,
            PRIMARY KEY (node, aspect, timestamp_millis, partition)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS changes (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            urn         TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            aspect      TEXT,
            kind        TEXT NOT NULL,
            previous    TEXT,
            current     TEXT,
            revision    INTEGER NOT NULL,
            at          INTEGER NOT NULL,
            system_metadata TEXT,
            actor       TEXT
        );
        """;

    /// <summary>Whether aspect versions lack their deletion time (a file from before it): 1 if so, else 0.</summary>
    public const string AspectsLackDeletion = "SELECT NOT EXISTS (SELECT 1 FROM pragma_table_info('aspects') WHERE name = 'deleted_at')";

    /// <summary>
    /// Adds the deletion time to aspect versions from before it, taking it from the change feed, which has recorded
    /// every deletion (a hard-deleted entity's history is gone with it).
    /// </summary>
    public const string AddAspectDeletion = """
        ALTER TABLE aspects ADD COLUMN deleted_at INTEGER;
        UPDATE aspects SET deleted_at = (
            SELECT max(c.at) FROM changes c JOIN nodes n ON n.urn = c.urn
            WHERE n.id = aspects.node AND c.aspect = aspects.aspect AND c.kind = 'AspectDeleted' AND c.revision = aspects.revision)
        WHERE version > 0;
        """;

    /// <summary>Whether the file has no edge history yet (new, or from before it): 1 if so, else 0. Asked before <see cref="Create"/>.</summary>
    public const string LacksEdgeHistory = "SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'edge_history')";

    /// <summary>
    /// Starts the edge history of a file from before it with its current lineage edges, each dated by the latest
    /// version of the aspect that states it, and leaves the older versions' edges to the replay from then ($now); a new
    /// file, without an aspect yet, has none to replay.
    /// </summary>
    public const string DateEdges = """
        INSERT INTO edge_history_replay (since) SELECT $now WHERE EXISTS (SELECT 1 FROM aspects);
        INSERT INTO edge_history (source, aspect, type, target, owner, lineage, mapping, since)
        SELECT e.source, e.aspect, e.type, e.target, o.id, e.lineage, e.mapping,
               COALESCE((SELECT a.created_at FROM aspects a WHERE a.node = o.id AND a.aspect = e.aspect AND a.version = 0), 0)
        FROM edges e JOIN nodes o ON o.id = CASE e.owner WHEN 0 THEN e.source ELSE e.owner END
        WHERE e.lineage IN (1, 2)
        """;

    /// <summary>Whether the change feed lacks who made each change (a file from before it): 1 if so, else 0.</summary>
    public const string ChangesLackActor = "SELECT NOT EXISTS (SELECT 1 FROM pragma_table_info('changes') WHERE name = 'actor')";

    /// <summary>Adds the write's system metadata and actor to a change feed from before them; older changes keep nulls.</summary>
    public const string AddChangeActor = """
        ALTER TABLE changes ADD COLUMN system_metadata TEXT;
        ALTER TABLE changes ADD COLUMN actor TEXT;
        """;

    /// <summary>Whether the nodes table lacks the node facts (a file from before them): 1 if so, else 0.</summary>
    public const string LacksFacts = "SELECT NOT EXISTS (SELECT 1 FROM pragma_table_info('nodes') WHERE name = 'deprecated')";

    /// <summary>Adds the node facts to a nodes table from before them; <see cref="RefreshAllFacts"/> then fills them.</summary>
    public const string AddFacts = """
        ALTER TABLE nodes ADD COLUMN deprecated INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE nodes ADD COLUMN owners TEXT;
        """;

    /// <summary>The aspects the node facts are read from.</summary>
    public static readonly IReadOnlySet<string> FactAspects = new HashSet<string>(StringComparer.Ordinal) { "deprecation", "ownership" };

    /// <summary>
    /// Sets the node facts of every node from its latest aspects: deprecated when <c>deprecation.deprecated</c> is true,
    /// and the owner urns of <c>ownership.owners</c>.
    /// </summary>
    public const string RefreshAllFacts = """
        UPDATE nodes SET
            deprecated = COALESCE((SELECT d.value ->> 'deprecated' = 1 FROM aspects d
                                   WHERE d.node = nodes.id AND d.aspect = 'deprecation' AND d.version = 0), 0),
            owners = (SELECT json_group_array(o.value ->> 'owner') FROM aspects a, json_each(a.value, '$.owners') o
                      WHERE a.node = nodes.id AND a.aspect = 'ownership' AND a.version = 0 AND o.value ->> 'owner' IS NOT NULL)
        """;

    /// <summary>
    /// <see cref="RefreshAllFacts"/> for the nodes <c>$ids</c> (a JSON array) alone. A separate statement, not a null
    /// <c>$ids</c> meaning all: "<c>$ids IS NULL OR id IN …</c>" made SQLite scan every node on every batch.
    /// </summary>
    public const string RefreshFacts = RefreshAllFacts + " WHERE id IN (SELECT value FROM json_each($ids))";

    /// <summary>
    /// Moves the text-keyed tables aside (shape 1 or 2) before <see cref="Create"/> makes the current ones, in the
    /// caller's transaction; an edges table from before column lineage gets owner '' on every edge.
    /// </summary>
    public static string MoveAside(int shape) => $"""
        CREATE TABLE IF NOT EXISTS entities (urn TEXT PRIMARY KEY, entity_type TEXT NOT NULL, removed INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS aspects (urn TEXT NOT NULL, aspect TEXT NOT NULL, version INTEGER NOT NULL, revision INTEGER NOT NULL,
            value TEXT NOT NULL, value_hash TEXT NOT NULL, system_metadata TEXT, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
            PRIMARY KEY (urn, aspect, version)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS edges (source TEXT NOT NULL, aspect TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '', lineage INTEGER NOT NULL, mapping TEXT, PRIMARY KEY (source, aspect, type, target, owner)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS timeseries (urn TEXT NOT NULL, aspect TEXT NOT NULL, timestamp_millis INTEGER NOT NULL, partition TEXT NOT NULL,
            value TEXT NOT NULL, system_metadata TEXT, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
            PRIMARY KEY (urn, aspect, timestamp_millis, partition)) WITHOUT ROWID;
        ALTER TABLE entities RENAME TO old_entities;
        ALTER TABLE aspects RENAME TO old_aspects;
        ALTER TABLE edges RENAME TO old_edges;
        ALTER TABLE timeseries RENAME TO old_timeseries;
        DROP INDEX IF EXISTS edges_by_target;
        DROP INDEX IF EXISTS edges_by_owner;
        DROP INDEX IF EXISTS edges_by_source;
        {(shape == 2 ? "CREATE TEMP VIEW old_edge_owners AS SELECT source, aspect, type, target, '' AS owner, lineage, NULL AS mapping FROM old_edges;"
                     : "CREATE TEMP VIEW old_edge_owners AS SELECT source, aspect, type, target, owner, lineage, mapping FROM old_edges;")}
        """;

    /// <summary>Every urn the text-keyed tables name, for the caller to number (with column parents) before <see cref="CopyOld"/>.</summary>
    public const string OldUrns = """
        SELECT urn FROM old_entities
        UNION SELECT source FROM old_edge_owners UNION SELECT target FROM old_edge_owners
        UNION SELECT owner FROM old_edge_owners WHERE owner <> ''
        UNION SELECT urn FROM old_aspects UNION SELECT urn FROM old_timeseries
        """;

    /// <summary>Copies the text-keyed rows into the current tables, the nodes being numbered, then drops the old ones.</summary>
    public const string CopyOld = """
        UPDATE nodes SET entity_type = o.entity_type, removed = o.removed, created_at = o.created_at
        FROM old_entities o WHERE nodes.urn = o.urn;
        INSERT INTO aspects (node, aspect, version, revision, value, value_hash, system_metadata, created_at, created_by)
        SELECT n.id, a.aspect, a.version, a.revision, a.value, a.value_hash, a.system_metadata, a.created_at, a.created_by
        FROM old_aspects a JOIN nodes n ON n.urn = a.urn ORDER BY n.id, a.aspect, a.version;
        INSERT INTO edges (source, aspect, type, target, owner, lineage, mapping)
        SELECT s.id, e.aspect, e.type, t.id, COALESCE(o.id, 0), e.lineage, e.mapping
        FROM old_edge_owners e JOIN nodes s ON s.urn = e.source JOIN nodes t ON t.urn = e.target
        LEFT JOIN nodes o ON e.owner <> '' AND o.urn = e.owner;
        INSERT INTO timeseries (node, aspect, timestamp_millis, partition, value, system_metadata, created_at, created_by)
        SELECT n.id, s.aspect, s.timestamp_millis, s.partition, s.value, s.system_metadata, s.created_at, s.created_by
        FROM old_timeseries s JOIN nodes n ON n.urn = s.urn;
        DROP VIEW old_edge_owners;
        DROP TABLE old_entities;
        DROP TABLE old_aspects;
        DROP TABLE old_edges;
        DROP TABLE old_timeseries;
        """;
}
