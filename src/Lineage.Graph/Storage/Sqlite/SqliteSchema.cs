namespace Lineage.Graph.Storage.Sqlite;

/// <summary>The embedded store's tables; <c>CREATE … IF NOT EXISTS</c>, so applying it again is harmless.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// Whether a database made before column lineage must have its edges table rebuilt (<see cref="UpgradeEdges"/>):
    /// its primary key lacks the owner, and SQLite cannot alter a primary key in place.
    /// </summary>
    public const string EdgesNeedUpgrade = """
        SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'edges')
           AND NOT EXISTS (SELECT 1 FROM pragma_table_info('edges') WHERE name = 'owner')
        """;

    /// <summary>Moves every edge of an old edges table into the current shape, in the caller's transaction.</summary>
    public const string UpgradeEdges = """
        ALTER TABLE edges RENAME TO edges_before_owner;
        DROP INDEX IF EXISTS edges_by_target;
        """;

    /// <summary>Run after <see cref="Create"/> when upgrading: the old rows, each owned by its source.</summary>
    public const string CopyUpgradedEdges = """
        INSERT INTO edges (source, aspect, type, target, owner, lineage)
        SELECT source, aspect, type, target, '', lineage FROM edges_before_owner;
        DROP TABLE edges_before_owner;
        """;

    /// <summary>Set outside any transaction, which SQLite requires of a change of journal mode.</summary>
    public const string JournalMode = "PRAGMA journal_mode = WAL;";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS entities (
            urn         TEXT PRIMARY KEY,
            entity_type TEXT NOT NULL,
            removed     INTEGER NOT NULL DEFAULT 0,
            created_at  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS aspects (
            urn             TEXT NOT NULL,
            aspect          TEXT NOT NULL,
            version         INTEGER NOT NULL,
            revision        INTEGER NOT NULL,
            value           TEXT NOT NULL,
            value_hash      TEXT NOT NULL,
            system_metadata TEXT,
            created_at      INTEGER NOT NULL,
            created_by      TEXT NOT NULL,
            PRIMARY KEY (urn, aspect, version)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS edges (
            source  TEXT NOT NULL,
            aspect  TEXT NOT NULL,
            type    TEXT NOT NULL,
            target  TEXT NOT NULL,
            -- '' when the source's own aspect made the edge; else the dataset or job whose fine-grained lineage made
            -- this column edge (rewriting that aspect replaces it). Two owners may state the same column edge.
            owner   TEXT NOT NULL DEFAULT '',
            lineage INTEGER NOT NULL,
            -- A column edge's {via, transformOperation, confidenceScore}; null on every other edge.
            mapping TEXT,
            PRIMARY KEY (source, aspect, type, target, owner)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS edges_by_target ON edges (target, type, source);
        -- Only column edges have an owner: a partial index costs nothing on every other edge insert.
        CREATE INDEX IF NOT EXISTS edges_by_owner ON edges (owner, aspect) WHERE owner <> '';
        -- Lookups by source use the primary key's prefix; a second index on it only slowed every edge insert.
        DROP INDEX IF EXISTS edges_by_source;
        CREATE TABLE IF NOT EXISTS timeseries (
            urn              TEXT NOT NULL,
            aspect           TEXT NOT NULL,
            timestamp_millis INTEGER NOT NULL,
            partition        TEXT NOT NULL,
            value            TEXT NOT NULL,
            system_metadata  TEXT,
            created_at       INTEGER NOT NULL,
            created_by       TEXT NOT NULL,
            PRIMARY KEY (urn, aspect, timestamp_millis, partition)
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
            at          INTEGER NOT NULL
        );
        """;
}
