namespace Lineage.Api.Changes.Webhooks.Persistence;

/// <summary>The statements the Neo4j webhook adapter runs, by file name under <c>cypher/</c>; a test checks every file is named here.</summary>
internal static class WebhookCypher
{
    public static readonly string[] Schema = ["webhook-id-unique", "webhook-delivery-index"];
    public const string Create = "webhooks/create";
    public const string List = "webhooks/list";
    public const string Find = "webhooks/find";
    public const string Delete = "webhooks/delete";
    public const string Lease = "webhooks/lease";
    public const string SaveState = "webhooks/save-state";
    public const string Enable = "webhooks/enable";
    public const string AppendDelivery = "webhooks/append-delivery";
    public const string Deliveries = "webhooks/deliveries";
}
