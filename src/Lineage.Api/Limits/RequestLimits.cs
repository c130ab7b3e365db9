namespace Lineage.Api.Limits;

/// <summary>Limits on requests as they arrive (configuration section <c>Lineage:Limits</c>, shared with the write limits).</summary>
public sealed class RequestLimits
{
    public const string Section = "Lineage:Limits";

    /// <summary>The largest request body; a larger one is refused with 413 before it is read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>Registers and applies the request limits.</summary>
internal static class RequestLimitsExtensions
{
    public static IServiceCollection AddLineageLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimits>().BindConfiguration(RequestLimits.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Lineage:Limits:MaxRequestBodyBytes must be positive").ValidateOnStart();
        return services;
    }

    public static IApplicationBuilder UseLineageLimits(this IApplicationBuilder app) => app.UseMiddleware<BodySizeLimitMiddleware>();
}
