using Lineage.Graph.Tests.Neo4j;
using Lineage.Graph.Tests.Sqlite;
using Xunit.Abstractions;
using Neo4jCollection = Lineage.Search.Tests.Support.Neo4jCollection;

namespace Lineage.Search.Tests.Convergence;

// The convergence suite on each store: SQLite on a temp file of its own, Neo4j on the test server.
public sealed class sqlite_convergence(SqliteStoreFixture fx, ITestOutputHelper output) : ConvergenceContract<SqliteStoreFixture>(fx, output);

[Collection(Neo4jCollection.Name)]
public sealed class neo4j_convergence(Neo4jStoreFixture fx, ITestOutputHelper output) : ConvergenceContract<Neo4jStoreFixture>(fx, output);
