using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Sqlite;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Tests.Sqlite;

/// <summary>The embedded store is one SQLite file in the data directory, in write-ahead-log mode, which a newer store upgrades in place.</summary>
public sealed class SqliteFileTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lineage-tests", $"file-{Guid.NewGuid():N}");

    [Fact]
    public async Task the_store_is_one_file_in_the_data_directory_in_wal_mode()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        await using (var store = new SqliteGraphStore(path))
            await store.InitializeAsync(CancellationToken.None);

        path.ShouldBe(Path.Combine(_directory, "lineage.db"));
        File.Exists(path).ShouldBeTrue();
        // The journal mode is kept in the file itself: a plain connection sees what the store set. WAL is what
        // lets readers (search, lineage) run while a batch commits.
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        ((string)(await command.ExecuteScalarAsync())!).ShouldBe("wal");
    }

    [Fact]
    public async Task a_database_from_before_column_lineage_keeps_its_edges_and_takes_column_edges()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        const string feature = "urn:li:mlFeature:(t,f)", dataset = "urn:li:dataset:(urn:li:dataPlatform:hive,t,PROD)";
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            // The edges table as the first round made it: no owner in the primary key, no mapping.
            create.CommandText = $"""
                CREATE TABLE edges (source TEXT NOT NULL, aspect TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL,
                    lineage INTEGER NOT NULL, PRIMARY KEY (source, aspect, type, target)) WITHOUT ROWID;
                CREATE INDEX edges_by_target ON edges (target, type, source);
                INSERT INTO edges VALUES ('{feature}', 'mlFeatureProperties', 'DerivedFrom', '{dataset}', 1);
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteGraphStore(path);
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);

        await using (var read = await store.OpenLineageReadAsync(CancellationToken.None))
        {
            var hops = await read.GetHopsAsync(
                new LineageHopQuery([dataset], LineageDirection.Downstream, [], false, WithColumns: true), CancellationToken.None);
            hops.ShouldBe([new LineageEdge(feature, dataset, "DerivedFrom", dataset)]);
        }
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT group_concat(name, ' ') FROM pragma_table_info('edges')";
        ((string)(await columns.ExecuteScalarAsync())!).ShouldBe("source aspect type target owner lineage mapping");
    }

    [Fact]
    public async Task a_database_keyed_by_urns_is_renumbered_by_node_and_keeps_everything_it_held()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        const string dataset = "urn:li:dataset:(urn:li:dataPlatform:hive,orders,PROD)";
        const string upstream = "urn:li:dataset:(urn:li:dataPlatform:hive,raw,PROD)";
        const string column = $"urn:li:schemaField:({dataset},id)", upstreamColumn = $"urn:li:schemaField:({upstream},id)";
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            // The tables as column lineage left them: every key a urn.
            create.CommandText = $$"""
                CREATE TABLE entities (urn TEXT PRIMARY KEY, entity_type TEXT NOT NULL, removed INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE aspects (urn TEXT NOT NULL, aspect TEXT NOT NULL, version INTEGER NOT NULL, revision INTEGER NOT NULL,
                    value TEXT NOT NULL, value_hash TEXT NOT NULL, system_metadata TEXT, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
                    PRIMARY KEY (urn, aspect, version)) WITHOUT ROWID;
                CREATE TABLE edges (source TEXT NOT NULL, aspect TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL,
                    owner TEXT NOT NULL DEFAULT '', lineage INTEGER NOT NULL, mapping TEXT, PRIMARY KEY (source, aspect, type, target, owner)) WITHOUT ROWID;
                CREATE INDEX edges_by_target ON edges (target, type, source);
                CREATE TABLE timeseries (urn TEXT NOT NULL, aspect TEXT NOT NULL, timestamp_millis INTEGER NOT NULL, partition TEXT NOT NULL,
                    value TEXT NOT NULL, system_metadata TEXT, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
                    PRIMARY KEY (urn, aspect, timestamp_millis, partition)) WITHOUT ROWID;
                CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, urn TEXT NOT NULL, entity_type TEXT NOT NULL, aspect TEXT,
                    kind TEXT NOT NULL, previous TEXT, current TEXT, revision INTEGER NOT NULL, at INTEGER NOT NULL);
                INSERT INTO entities VALUES ('{{dataset}}', 'dataset', 1, 1000);
                INSERT INTO aspects VALUES ('{{dataset}}', 'upstreamLineage', 0, 2, '{"upstreams":[]}', 'h2', NULL, 2000, 'urn:li:corpuser:a');
                INSERT INTO aspects VALUES ('{{dataset}}', 'upstreamLineage', 1, 1, '{"upstreams":[1]}', 'h1', NULL, 1000, 'urn:li:corpuser:a');
                INSERT INTO edges VALUES ('{{dataset}}', 'upstreamLineage', 'DownstreamOf', '{{upstream}}', '', 1, NULL);
                INSERT INTO edges VALUES ('{{column}}', 'upstreamLineage', 'DownstreamOf', '{{upstreamColumn}}', '{{dataset}}', 1, '{"transformOperation":"COPY"}');
                INSERT INTO timeseries VALUES ('{{dataset}}', 'datasetProfile', 5000, '', '{"rowCount":7}', NULL, 5000, 'urn:li:corpuser:a');
                INSERT INTO changes (urn, entity_type, aspect, kind, revision, at) VALUES ('{{dataset}}', 'dataset', 'upstreamLineage', 'Upserted', 2, 2000);
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteGraphStore(path);
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);
        var ct = CancellationToken.None;

        var entity = (await store.GetEntityAsync(dataset, ct))!;
        (entity.EntityType, entity.Removed).ShouldBe(("dataset", true));
        (await store.GetAspectVersionsAsync(dataset, "upstreamLineage", ct)).Select(a => (a.Version, a.Revision)).ShouldBe([(0L, 2L), (1L, 1L)]);
        (await store.GetTimeseriesValuesAsync(new TimeseriesQuery(dataset, "datasetProfile", null, null, 10), ct)).ShouldHaveSingleItem()
            .Value["rowCount"]!.GetValue<int>().ShouldBe(7);
        (await store.GetRelationshipsAsync(new RelationshipQuery(upstream, RelationshipDirection.Incoming, [], 0, 10, IncludeRemoved: true), ct)).Items
            .ShouldBe([new RelatedEntity("DownstreamOf", dataset)]);
        (await store.ListEntityUrnsAsync(null, 10, ct)).ShouldBe([dataset]);
        (await store.GetLastSequenceAsync(ct)).ShouldBe(1);
        await using (var read = await store.OpenLineageReadAsync(ct))
        {
            // The column keeps its owner and mapping, and is found as a column of its dataset.
            var among = await read.GetEdgesAmongAsync([dataset, upstream], [], withColumns: true, ct);
            among.ShouldBe([
                new LineageEdge(dataset, upstream, "DownstreamOf", upstream),
                new LineageEdge(column, upstreamColumn, "DownstreamOf", upstreamColumn) { Mapping = new(null, "COPY", null) },
            ], ignoreOrder: true);
        }
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)";
        ((string)(await tables.ExecuteScalarAsync())!).ShouldBe("aspects changes edge_history edge_history_replay edges nodes sqlite_sequence timeseries");
    }

    [Fact]
    public async Task a_change_feed_from_before_actors_keeps_its_changes_and_records_actors_from_then_on()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        var model = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,feed_upgrade,PROD)";
        await using (var store = new SqliteGraphStore(path))
        {
            await store.InitializeAsync(CancellationToken.None);
            await store.WriteAsync([StoreContract.Ops.Upsert(model, "mlModelProperties", """{"name": "old"}""")], CancellationToken.None);
        }
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var drop = old.CreateCommand();
            drop.CommandText = "ALTER TABLE changes DROP COLUMN system_metadata; ALTER TABLE changes DROP COLUMN actor;";
            await drop.ExecuteNonQueryAsync();
        }

        await using var upgraded = new SqliteGraphStore(path);
        await upgraded.InitializeAsync(CancellationToken.None);
        await upgraded.WriteAsync([StoreContract.Ops.Upsert(model, "mlModelProperties", """{"name": "new"}""")], CancellationToken.None);

        var changes = await upgraded.ReadChangesAfterAsync(0, 10, CancellationToken.None);
        changes.Select(c => (c.Current!["name"]!.GetValue<string>(), c.Actor)).ShouldBe([("old", (string?)null), ("new", StoreContract.Ops.Actor)]);
    }

    [Fact]
    public async Task versions_from_before_deletion_times_take_them_from_the_change_feed()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        var dataset = "urn:li:dataset:(urn:li:dataPlatform:hive,deletion_upgrade,PROD)";
        await using (var store = new SqliteGraphStore(path))
        {
            await store.InitializeAsync(CancellationToken.None);
            await store.WriteAsync([StoreContract.Ops.Upsert(dataset, "globalTags", """{"tags": []}""")], CancellationToken.None);
            await store.WriteAsync([StoreContract.Ops.Delete(dataset, "globalTags")], CancellationToken.None);
        }
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var drop = old.CreateCommand();
            drop.CommandText = "ALTER TABLE aspects DROP COLUMN deleted_at";
            await drop.ExecuteNonQueryAsync();
        }

        await using var upgraded = new SqliteGraphStore(path);
        await upgraded.InitializeAsync(CancellationToken.None);

        var deletion = (await upgraded.ReadChangesAfterAsync(0, 10, CancellationToken.None)).Single(c => c.Kind == Changes.ChangeKind.AspectDeleted);
        (await upgraded.GetArchivesAsync([dataset], CancellationToken.None)).Single().Versions.Single().DeletedAt.ShouldBe(deletion.At);
    }

    [Fact]
    public async Task a_database_from_before_the_edge_history_gets_its_current_edges_and_then_its_older_versions_edges()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        var (raw, clean, features) = (StoreContract.Mint.Dataset(), StoreContract.Mint.Dataset(), StoreContract.Mint.Dataset());
        DateTimeOffset first, second;
        await using (var store = new SqliteGraphStore(path))
        {
            await store.InitializeAsync(CancellationToken.None);
            first = await WriteUpstreamAsync(store, features, raw);
            await Task.Delay(5);
            second = await WriteUpstreamAsync(store, features, clean);
        }
        SqliteConnection.ClearAllPools();
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var drop = old.CreateCommand();
            drop.CommandText = "DROP TABLE edge_history; DROP TABLE edge_history_replay";
            await drop.ExecuteNonQueryAsync();
        }

        await using var upgraded = new SqliteGraphStore(path);
        await upgraded.InitializeAsync(CancellationToken.None);
        await upgraded.InitializeAsync(CancellationToken.None);

        // At once: the current edge, from its version's time; not yet the edge the first version stated.
        (await EdgesAt(upgraded, features, second)).ShouldBe([new LineageEdge(features, clean, "DownstreamOf", clean)]);
        (await EdgesAt(upgraded, features, first)).ShouldBeEmpty();
        (await upgraded.GetEdgeHistoryReplayAsync(CancellationToken.None)).ShouldNotBeNull();

        var replay = new Lineage.Graph.Writing.EdgeHistoryReplay(upgraded, MetadataRegistry.Default, Microsoft.Extensions.Logging.Abstractions.NullLogger<Lineage.Graph.Writing.EdgeHistoryReplay>.Instance);
        (await replay.RunAsync(CancellationToken.None)).Edges.ShouldBe(1);

        (await EdgesAt(upgraded, features, first)).ShouldBe([new LineageEdge(features, raw, "DownstreamOf", raw)]);
        (await EdgesAt(upgraded, features, second)).ShouldBe([new LineageEdge(features, clean, "DownstreamOf", clean)]);
        (await upgraded.GetEdgeHistoryReplayAsync(CancellationToken.None)).ShouldBeNull();
        (await replay.RunAsync(CancellationToken.None)).ShouldBe((0, 0));
    }

    /// <summary>Writes the dataset's upstreamLineage naming one upstream, as the write path would; when it was written.</summary>
    internal static async Task<DateTimeOffset> WriteUpstreamAsync(IGraphStore store, string dataset, string upstream)
    {
        await store.WriteAsync([StoreContract.Ops.UpsertLineage(dataset, "upstreamLineage",
            $$"""{"upstreams": [{"dataset": "{{upstream}}", "type": "TRANSFORMED"}]}""", ("DownstreamOf", upstream, LineageRole.TargetIsUpstream))],
            CancellationToken.None);
        return (await store.GetAspectAsync(dataset, "upstreamLineage", 0, CancellationToken.None))!.CreatedAt;
    }

    internal static Task<IReadOnlyList<LineageEdge>> EdgesAt(IGraphStore store, string urn, DateTimeOffset moment) =>
        store.GetHistoricalLineageEdgesAsync([urn], false, LineageTime.At(moment), CancellationToken.None);

    [Fact]
    public async Task a_database_from_before_node_facts_reads_them_from_its_latest_deprecation_and_ownership()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        const string model = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn,PROD)", other = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,other,PROD)";
        await using (var created = new SqliteGraphStore(path))
            await created.InitializeAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var write = old.CreateCommand();
            // Nodes as they were before deprecation and owners were kept on them (and aspects before deletion times);
            // the history's older owner is not the latest.
            write.CommandText = $$"""
                ALTER TABLE aspects DROP COLUMN deleted_at;
                INSERT INTO nodes (id, urn, entity_type, created_at) VALUES (1, '{{model}}', 'mlModel', 1000), (2, '{{other}}', 'mlModel', 1000);
                INSERT INTO aspects VALUES (1, 'deprecation', 0, 1, '{"deprecated":true,"note":"v2","actor":"urn:li:corpuser:a"}', 'h', NULL, 1000, 'urn:li:corpuser:a');
                INSERT INTO aspects VALUES (1, 'ownership', 0, 2, '{"owners":[{"owner":"urn:li:corpuser:alice","type":"DATAOWNER"}]}', 'h', NULL, 1000, 'urn:li:corpuser:a');
                INSERT INTO aspects VALUES (1, 'ownership', 1, 1, '{"owners":[{"owner":"urn:li:corpuser:bob","type":"DATAOWNER"}]}', 'h', NULL, 900, 'urn:li:corpuser:a');
                INSERT INTO aspects VALUES (2, 'deprecation', 0, 1, '{"deprecated":false,"note":"","actor":"urn:li:corpuser:a"}', 'h', NULL, 1000, 'urn:li:corpuser:a');
                ALTER TABLE nodes DROP COLUMN deprecated;
                ALTER TABLE nodes DROP COLUMN owners;
                """;
            await write.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteGraphStore(path);
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);

        await using var read = await store.OpenLineageReadAsync(CancellationToken.None);
        var facts = await read.GetNodeFactsAsync([model, other], withOwners: true, CancellationToken.None);
        facts[model].ShouldBe(new NodeFacts(false, true, true, ["urn:li:corpuser:alice"]), new FactsComparer());
        facts[other].ShouldBe(new NodeFacts(false, true, false, []), new FactsComparer());
    }

    /// <summary>Node facts compared by value, owners by their items.</summary>
    private sealed class FactsComparer : IEqualityComparer<NodeFacts>
    {
        public bool Equals(NodeFacts? x, NodeFacts? y) =>
            x is not null && y is not null && (x.Removed, x.Exists, x.Deprecated) == (y.Removed, y.Exists, y.Deprecated) && x.Owners.SequenceEqual(y.Owners);

        public int GetHashCode(NodeFacts obj) => obj.Deprecated.GetHashCode();
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
