using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Lineage.Cli.Connection;

namespace Lineage.Cli.Transfer;

/// <summary>One page of <c>GET /api/v1/export</c>: its entries, how many entities they cover, and the service's entity count.</summary>
public sealed record ExportPage(IReadOnlyList<JsonObject> Entries, int Entities, int EstimatedTotal);

/// <summary>Walks a service's whole catalog through <c>GET /api/v1/export</c>, a page at a time.</summary>
public static class CatalogPages
{
    /// <summary>Entities per page: big enough that a request's overhead does not count, small enough to hold in memory.</summary>
    public const int PageSize = 200;

    public static async IAsyncEnumerable<ExportPage> ReadAsync(LineageClient client, bool history, [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        do
        {
            var page = (await client.GetAsync("/api/v1/export", ct, ("history", history ? "true" : "false"), ("after", after),
                ("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)))).AsObject();
            var entries = page["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
            page["entries"]!.AsArray().Clear();
            yield return new ExportPage(entries, page["entities"]!.GetValue<int>(), page["estimatedTotal"]!.GetValue<int>());
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
    }
}
