using System.Text.Json;

namespace Lineage.Api.Changes.Webhooks.Persistence;

/// <summary>How both adapters keep a webhook's filter: one JSON text, read back as it was written.</summary>
internal static class WebhookRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string FilterJson(WebhookFilter filter) => JsonSerializer.Serialize(filter, Json);

    public static WebhookFilter Filter(string json) => JsonSerializer.Deserialize<WebhookFilter>(json, Json)!;
}
