using Lineage.Api.Ingest.Readers;
using Microsoft.AspNetCore.Routing.Matching;

namespace Lineage.Api.Wire;

/// <summary>
/// Registers what reading the wire formats needs: the Rest.li action router, the snapshot reader and the OpenLineage
/// event mapper.
/// </summary>
internal static class WireServiceCollectionExtensions
{
    public static IServiceCollection AddLineageWire(this IServiceCollection services)
    {
        services.AddSingleton<MatcherPolicy, RestLiActionMatcherPolicy>();
        services.AddSingleton<SnapshotReader>();
        services.AddSingleton<FileEntryReader>();
        services.AddSingleton<Transfer.Export.ExportEntries>();
        services.AddSingleton<Changes.ChangeLog>();
        services.AddSingleton<OpenLineage.Mapping.EventMapper>();
        return services;
    }
}
