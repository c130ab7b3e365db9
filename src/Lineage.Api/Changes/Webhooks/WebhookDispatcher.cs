using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Lineage.Api.Changes.Webhooks.Persistence;
using Lineage.Graph.Changes;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Changes.Webhooks;

/// <summary>
/// Delivers the change feed to every enabled webhook, at least once and in order: each webhook has a loop of its own
/// that reads the changes after its cursor, POSTs the ones its filter wants one at a time, and moves the cursor only
/// past a change the receiver took (a 2xx). A failed attempt is logged and retried after a wait that doubles each
/// time; too many failures in a row disable the webhook. The cursor is kept in the store, so a restart resumes where
/// delivery stood, and a lease in the store has one instance deliver each webhook at a time.
/// </summary>
internal sealed class WebhookDispatcher(
    IWebhookPersistence persistence,
    IGraphStore store,
    WebhookEvents events,
    ChangeSignal signal,
    IHttpClientFactory http,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The name of the HTTP client deliveries go through (no redirects followed, the delivery time-out).</summary>
    public const string Client = "webhooks";

    /// <summary>Changes read from the store at a time.</summary>
    private const int Page = 100;

    /// <summary>How long a webhook waits for this process's next commit before it looks at the store anyway (other instances write too).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    // Who holds a lease: this process, distinct from any other instance and from this one's earlier runs.
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly Dictionary<string, (Task Loop, CancellationTokenSource Stop)> _running = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The registrations changed here: look at them now rather than at the next refresh.</summary>
    public void RegistrationsChanged() => Volatile.Read(ref _changed).TrySetResult();

    /// <summary>Whether the webhooks' tables or constraints are known to be in place.</summary>
    private bool _initialized;

    /// <summary>
    /// Makes the webhooks' tables or constraints before the service answers, when the store is there to do it; Neo4j may
    /// come up after the service, and then the first refresh that reaches it does.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await persistence.InitializeAsync(cancellationToken);
            _initialized = true;
        }
        catch (StoreUnavailableException e) when (e.IsRetriable)
        {
            logger.LogWarning("Webhooks wait for the store ({Reason}); delivery starts once it is reachable.", e.Message);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = Volatile.Read(ref _changed).Task;
                try
                {
                    if (!_initialized)
                    {
                        await persistence.InitializeAsync(stoppingToken);
                        _initialized = true;
                    }
                    Reconcile(await persistence.ListAsync(stoppingToken), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not read the webhooks; trying again in {Refresh}", options.Value.Refresh);
                }
                await Task.WhenAny(changed, Task.Delay(options.Value.Refresh, stoppingToken));
                if (changed.IsCompleted) Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (_, stop) in _running.Values) await stop.CancelAsync();
            await Task.WhenAll(_running.Values.Select(r => r.Loop));
        }
    }

    /// <summary>Starts a loop for each enabled webhook without one, and stops the loops of webhooks gone or disabled.</summary>
    private void Reconcile(IReadOnlyList<Webhook> webhooks, CancellationToken stoppingToken)
    {
        var enabled = webhooks.Where(w => w.State.Enabled).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, (loop, stop)) in _running.ToList())
        {
            if (enabled.Contains(id) && !loop.IsCompleted) continue;
            stop.Cancel();
            _running.Remove(id);
        }
        foreach (var id in enabled.Where(id => !_running.ContainsKey(id)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _running[id] = (Task.Run(() => DeliverAsync(id, stop.Token), CancellationToken.None), stop);
        }
    }

    /// <summary>One webhook's loop, until it is disabled, deleted or the service stops.</summary>
    private async Task DeliverAsync(string id, CancellationToken ct)
    {
        var limits = options.Value;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                var webhook = await persistence.LeaseAsync(id, _owner, now, now + limits.Lease, ct);
                if (webhook is null)
                {
                    // Another instance delivers it; take over should its lease run out.
                    await Task.Delay(limits.Lease / 3, ct);
                    continue;
                }
                if (!webhook.State.Enabled) return;
                var committed = signal.NextCommit;
                var changes = await store.ReadChangesAfterAsync(webhook.State.Cursor, Page, ct);
                if (changes.Count == 0)
                {
                    await Task.WhenAny(committed, Task.Delay(Poll, ct));
                    continue;
                }
                var state = await DeliverPageAsync(webhook, changes, now, ct);
                if (state is { Enabled: false }) return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Delivery to webhook {Webhook} stopped on an error; trying again in {Poll}", id, Poll);
                await Task.Delay(Poll, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Delivers a page of changes in order, as far as it can: the state it left the webhook in, or null when the lease
    /// was lost (another instance goes on). A change the receiver did not take stops the page after the wait before its
    /// next attempt; the next page starts with it again.
    /// </summary>
    private async Task<WebhookState?> DeliverPageAsync(Webhook webhook, IReadOnlyList<ChangeRecord> changes, DateTimeOffset leased, CancellationToken ct)
    {
        var limits = options.Value;
        var state = webhook.State;
        var reads = new WebhookEvents.PageReads();
        foreach (var change in changes)
        {
            if (await events.ForAsync(webhook, change, reads, ct) is not { } body)
            {
                state = state with { Cursor = change.Sequence };
                continue;
            }
            // A page may outlast the lease: renew it before each delivery, and stop if another instance has taken it.
            if (clock.GetUtcNow() - leased > limits.Lease / 3)
            {
                leased = clock.GetUtcNow();
                if (await persistence.LeaseAsync(webhook.Id, _owner, leased, leased + limits.Lease, ct) is null) return null;
            }
            var attempt = state.ConsecutiveFailures + 1;
            if (await SendAsync(webhook, change.Sequence, body, attempt, ct))
            {
                state = state with { Cursor = change.Sequence, ConsecutiveFailures = 0 };
                if (!await persistence.SaveStateAsync(webhook.Id, _owner, state, ct)) return null;
                continue;
            }
            state = attempt >= limits.MaxConsecutiveFailures
                ? state with
                {
                    ConsecutiveFailures = attempt, Enabled = false,
                    DisabledReason = $"change {change.Sequence} failed {attempt} times in a row",
                }
                : state with { ConsecutiveFailures = attempt };
            if (!await persistence.SaveStateAsync(webhook.Id, _owner, state, ct)) return null;
            if (!state.Enabled)
            {
                logger.LogWarning("Webhook {Webhook} disabled: {Reason}", webhook.Id, state.DisabledReason);
                return state;
            }
            await Task.Delay(Backoff(attempt), ct);
            return state;
        }
        return await persistence.SaveStateAsync(webhook.Id, _owner, state, ct) ? state : null;
    }

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row: the base, doubled for each one before, capped.</summary>
    private TimeSpan Backoff(int failures)
    {
        var limits = options.Value;
        var wait = limits.RetryBase * Math.Pow(2, Math.Min(failures - 1, 30));
        return wait < limits.RetryMax ? wait : limits.RetryMax;
    }

    /// <summary>POSTs one event, signed, and logs the attempt; true when the receiver answered 2xx.</summary>
    private async Task<bool> SendAsync(Webhook webhook, long sequence, JsonObject body, int attempt, CancellationToken ct)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
        var at = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(webhook.Secret, bytes));
            request.Headers.Add("X-Lineage-Webhook", webhook.Id);
            request.Headers.Add("X-Lineage-Sequence", sequence.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Lineage-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
            using var response = await http.CreateClient(Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"the receiver answered {status}";
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"no answer within {options.Value.Timeout.TotalSeconds:0.###} s";
        }
        var delivered = error is null;
        await persistence.AppendDeliveryAsync(new WebhookDelivery(webhook.Id, sequence, attempt, at, status, error,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, delivered), options.Value.DeliveriesKept, ct);
        return delivered;
    }
}
