using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// A host with <c>Lineage:Traversal</c> settings of its own, whose lineage service reads through an
/// <see cref="InstrumentedStore"/> (the rest of the host uses the store directly).
/// </summary>
public abstract class TraversalHostFactory(bool neo4j, params (string Key, string Value)[] traversal) : LineageApiFactory
{
    /// <summary>The store the lineage service walks through.</summary>
    public InstrumentedStore Store => Services.GetRequiredService<InstrumentedStore>();

    protected override void Configure(IWebHostBuilder builder)
    {
        if (neo4j) Neo4jApiFactory.UseTestServer(builder);
        else builder.UseSetting("Lineage:Store", "embedded");
        foreach (var (key, value) in traversal) builder.UseSetting($"{TraversalOptions.Section}:{key}", value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new InstrumentedStore(sp.GetRequiredService<IGraphStore>()));
            services.AddSingleton(sp => new LineageService(sp.GetRequiredService<InstrumentedStore>(), sp.GetRequiredService<IOptions<TraversalOptions>>()));
        });
    }
}

/// <summary>Hops and nodes capped low: <c>MaxHops</c> 4, <c>MaxNodes</c> 5.</summary>
public abstract class CappedTraversalFactory(bool neo4j) : TraversalHostFactory(neo4j, ("MaxHops", "4"), ("MaxNodes", "5"));

public sealed class SqliteCappedTraversalFactory() : CappedTraversalFactory(neo4j: false);

public sealed class Neo4jCappedTraversalFactory() : CappedTraversalFactory(neo4j: true);

/// <summary>A one-second <c>QueryTimeout</c>, for a store made slow on purpose.</summary>
public abstract class TimedTraversalFactory(bool neo4j) : TraversalHostFactory(neo4j, ("QueryTimeout", "00:00:01"));

public sealed class SqliteTimedTraversalFactory() : TimedTraversalFactory(neo4j: false);

public sealed class Neo4jTimedTraversalFactory() : TimedTraversalFactory(neo4j: true);
