namespace Lineage.Api.Consistency;

/// <summary>Registers read-your-writes and the sequence headers.</summary>
internal static class ConsistencyExtensions
{
    public static IServiceCollection AddLineageConsistency(this IServiceCollection services)
    {
        services.AddOptions<ConsistencyOptions>().BindConfiguration(ConsistencyOptions.Section)
            .Validate(o => o.MinSequenceWait >= TimeSpan.Zero && o.AcknowledgeWait >= TimeSpan.Zero,
                "Lineage:Consistency:MinSequenceWait and AcknowledgeWait must not be negative")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddHostedService<ReadYourWrites>();
        return services;
    }

    /// <summary>After authentication: only a caller allowed to read may make the service wait.</summary>
    public static IApplicationBuilder UseLineageConsistency(this IApplicationBuilder app) => app.UseMiddleware<MinSequenceMiddleware>();
}
