namespace Lineage.Api.Changes.Webhooks;

/// <summary>How webhooks are delivered (<c>Lineage:Webhooks</c>).</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Lineage:Webhooks";

    /// <summary>Failed attempts in a row after which a webhook is disabled.</summary>
    public int MaxConsecutiveFailures { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a receiver has to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an instance holds a webhook's delivery before another may take it over: instances sharing a Neo4j
    /// server deliver each webhook from one of them at a time, and a stopped one's webhooks move on after this.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the registrations are read again (another instance may have added or removed one).</summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many delivery attempts the log keeps per webhook, newest first.</summary>
    public int DeliveriesKept { get; set; } = 500;
}
