using Lineage.Graph.Tests.StoreContract;

namespace Lineage.Graph.Tests.Neo4j;

// The Neo4j store enrolled in every contract suite, against the real test server.
[Collection(Neo4jCollection.Name)]
public sealed class neo4j_aspect_versioning(Neo4jStoreFixture fx) : AspectVersioningContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_aspect_reads(Neo4jStoreFixture fx) : AspectReadContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_edges(Neo4jStoreFixture fx) : EdgeContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_change_feed(Neo4jStoreFixture fx) : ChangeFeedContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_deletes(Neo4jStoreFixture fx) : DeleteContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_restart(Neo4jStoreFixture fx) : RestartContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_traversal(Neo4jStoreFixture fx) : TraversalContract<Neo4jStoreFixture>(fx);

public sealed class neo4j_column_lineage(Neo4jStoreFixture fx) : ColumnLineageContract<Neo4jStoreFixture>(fx);

public sealed class neo4j_column_lineage_properties(Neo4jStoreFixture fx) : ColumnLineagePropertyContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_traversal_properties(Neo4jStoreFixture fx) : TraversalPropertyContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_lineage_service_properties(Neo4jStoreFixture fx) : LineageServicePropertyContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_aspect_round_trip(Neo4jStoreFixture fx) : AspectRoundTripContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_timeseries(Neo4jStoreFixture fx) : TimeseriesContract<Neo4jStoreFixture>(fx);

public sealed class neo4j_archives(Neo4jStoreFixture fx) : ArchiveContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_batch_equivalence(Neo4jStoreFixture fx) : BatchEquivalenceContract<Neo4jStoreFixture>(fx);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_as_of_lineage_properties(Neo4jStoreFixture fx) : AsOfLineagePropertyContract<Neo4jStoreFixture>(fx);
