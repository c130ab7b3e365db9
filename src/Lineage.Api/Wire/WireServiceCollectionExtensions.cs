using Lineage.Api.Ingest.Readers;
using Microsoft.AspNetCore.Routing.Matching;

namespace Lineage.Api.Wire;

/// <summary>Registers what reading DataHub's wire formats needs: the Rest.li action router and the snapshot reader.</summary>
internal static class WireServiceCollectionExtensions
{
    public static IServiceCollection AddLineageWire(this IServiceCollection services)
    {
        services.AddSingleton<MatcherPolicy, RestLiActionMatcherPolicy>();
        services.AddSingleton<SnapshotReader>();
        return services;
    }
}
