using Lineage.Graph.Tests.StoreContract;

namespace Lineage.Graph.Tests.Sqlite;

// The SQLite store enrolled in every contract suite; each class gets its own database file and runs in parallel.
public sealed class sqlite_aspect_versioning(SqliteStoreFixture fx) : AspectVersioningContract<SqliteStoreFixture>(fx);

public sealed class sqlite_aspect_reads(SqliteStoreFixture fx) : AspectReadContract<SqliteStoreFixture>(fx);

public sealed class sqlite_edges(SqliteStoreFixture fx) : EdgeContract<SqliteStoreFixture>(fx);

public sealed class sqlite_change_feed(SqliteStoreFixture fx) : ChangeFeedContract<SqliteStoreFixture>(fx);

public sealed class sqlite_deletes(SqliteStoreFixture fx) : DeleteContract<SqliteStoreFixture>(fx);

public sealed class sqlite_restart(SqliteStoreFixture fx) : RestartContract<SqliteStoreFixture>(fx);

public sealed class sqlite_traversal(SqliteStoreFixture fx) : TraversalContract<SqliteStoreFixture>(fx);

public sealed class sqlite_column_lineage(SqliteStoreFixture fx) : ColumnLineageContract<SqliteStoreFixture>(fx);

public sealed class sqlite_column_lineage_properties(SqliteStoreFixture fx) : ColumnLineagePropertyContract<SqliteStoreFixture>(fx);

public sealed class sqlite_traversal_properties(SqliteStoreFixture fx) : TraversalPropertyContract<SqliteStoreFixture>(fx);

public sealed class sqlite_lineage_service_properties(SqliteStoreFixture fx) : LineageServicePropertyContract<SqliteStoreFixture>(fx);

public sealed class sqlite_aspect_round_trip(SqliteStoreFixture fx) : AspectRoundTripContract<SqliteStoreFixture>(fx);

public sealed class sqlite_timeseries(SqliteStoreFixture fx) : TimeseriesContract<SqliteStoreFixture>(fx);

public sealed class sqlite_archives(SqliteStoreFixture fx) : ArchiveContract<SqliteStoreFixture>(fx);

public sealed class sqlite_batch_equivalence(SqliteStoreFixture fx) : BatchEquivalenceContract<SqliteStoreFixture>(fx);

public sealed class sqlite_as_of_lineage_properties(SqliteStoreFixture fx) : AsOfLineagePropertyContract<SqliteStoreFixture>(fx);
