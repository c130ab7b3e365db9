using System.Globalization;
using System.Threading.RateLimiting;
using Lineage.Api.Auth.Persistence;
using Lineage.Api.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Auth;

/// <summary>Registers tokens, their check and the per-token rate limit.</summary>
internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddLineageAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.RequestsPerSecond >= 0 && o.Burst >= 0, "Lineage:Auth:RequestsPerSecond and Burst must not be negative")
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Lineage:Auth:RefreshInterval must be positive")
            .ValidateOnStart();
        services.AddSingleton<ITokenPersistence>(sp =>
        {
            // Claimed first in either case: the admin token is written there.
            var dataDirectory = sp.GetRequiredService<DataDirectory>();
            return sp.GetRequiredService<IOptions<StoreOptions>>().Value.Store == StoreOptions.Neo4j
                ? new Neo4jTokenPersistence(sp.GetRequiredService<CypherClient>())
                : new SqliteTokenPersistence(SqliteTokenPersistence.PathIn(dataDirectory.Path));
        });
        services.AddSingleton<TokenStore>();
        services.AddHostedService<TokenBootstrap>();
        services.AddHostedService<TokenRefresh>();
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ScopeAuthorizationResultHandler>();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                if (context.Items[typeof(AccessToken)] is not AccessToken token || limits.RequestsPerSecond == 0)
                    return RateLimitPartition.GetNoLimiter("");
                return RateLimitPartition.GetTokenBucketLimiter(token.Id, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(limits.Burst, 1),
                    TokensPerPeriod = limits.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(
                    ErrorMiddleware.Body(rejected.HttpContext, new ApiError(429, $"too many requests for this token; retry after {seconds} s")), ErrorMiddleware.Json, ct);
            };
        });
        return services;
    }

    /// <summary>
    /// Token check against the scope the routed endpoint declares, then the rate limit it partitions by; comes after
    /// routing, which finds the endpoint and so its declaration.
    /// </summary>
    public static IApplicationBuilder UseLineageAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization().UseRateLimiter();
}
