using GraphQL;
using GraphQL.Types;

namespace Lineage.Api.GraphQL;

/// <summary>Registers the GraphQL schema (built once), the executor and its limits.</summary>
internal static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddLineageGraphQL(this IServiceCollection services)
    {
        services.AddOptions<GraphQLOptions>()
            .BindConfiguration(GraphQLOptions.Section)
            .Validate(o => o.MaxDepth >= 2 && o.MaxComplexity >= 1 && o.MaxCount >= 1,
                "Lineage:GraphQL needs MaxDepth >= 2, MaxComplexity >= 1 and MaxCount >= 1")
            .ValidateOnStart();
        services.AddSingleton<ISchema>(_ => LineageSchema.Build());
        services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        services.AddSingleton<GraphQLExecutor>();
        return services;
    }
}
