namespace Lineage.Graph.Storage.Sqlite;

/// <summary>The embedded store's tables; <c>CREATE … IF NOT EXISTS</c>, so applying it again is harmless.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
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
            lineage INTEGER NOT NULL,
            PRIMARY KEY (source, aspect, type, target)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS edges_by_target ON edges (target, type, source);
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
