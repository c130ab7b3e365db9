using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;
using Lineage.Graph.Validation;
using Lineage.Graph.Writing.Patch;

namespace Lineage.Graph.Writing;

/// <summary>
/// The one write path behind every ingest endpoint: validates proposals against the registry, derives edges
/// and derived aspects, and hands the store one atomic batch (which versions, replaces edges and appends the
/// change feed). Nothing is written unless every proposal is valid.
/// </summary>
public sealed class MetadataWriter(IGraphStore store, MetadataRegistry registry, ChangeSignal? signal = null, WriteLimits? limits = null)
{
    private readonly WriteLimits _limits = limits ?? new WriteLimits();

    /// <summary>The actor recorded when a request carries no identity.</summary>
    public const string SystemActor = "urn:li:corpuser:__datahub_system";

    private const int PatchAttempts = 5;

    /// <summary>
    /// Applies the proposals as one all-or-nothing batch and returns one outcome per proposal.
    /// <paramref name="locate"/> names proposal i in error paths (<c>proposals[3]</c>).
    /// </summary>
    public async Task<IReadOnlyList<WriteOutcome>> ApplyAsync(
        IReadOnlyList<Proposal> proposals, Func<int, string> locate, string actor, CancellationToken ct)
    {
        _limits.CheckBatch(proposals.Count);
        for (var attempt = 1; ; attempt++)
        {
            var plan = await PlanAsync(proposals, locate, actor, ct);
            try
            {
                var outcomes = await store.WriteAsync(plan.Operations, ct);
                await CommittedAsync(outcomes, ct);
                return plan.ProposalOperation.Select(op => outcomes[op]).ToList();
            }
            catch (ConflictException e) when (e.OperationIndex is { } op && plan.ProposalOf(op) is var p)
            {
                // A PATCH read a value that changed before its write committed: read again and re-apply.
                if (plan.RetriableOperations.Contains(op) && attempt < PatchAttempts) continue;
                throw new ConflictException(locate(p), e.Reason, e.PreconditionFailed);
            }
        }
    }

    /// <summary>Hard-deletes an entity: its aspects and history and its outgoing edges; references to it stay.</summary>
    public async Task<WriteOutcome> DeleteEntityAsync(string urnText, string actor, CancellationToken ct)
    {
        var urn = Urn.Parse(urnText, "urn");
        var outcomes = await store.WriteAsync([new DeleteEntity(urn.ToString(), urn.EntityType, actor)], ct);
        await CommittedAsync(outcomes, ct);
        return outcomes[0];
    }

    // The write is acknowledged only once the consumers that must reflect it (the search index) have.
    private Task CommittedAsync(IReadOnlyList<WriteOutcome> outcomes, CancellationToken ct) =>
        signal?.CommittedAsync(outcomes.Max(o => o.Sequence), ct) ?? Task.CompletedTask;

    private sealed class Plan
    {
        public List<StoreOperation> Operations { get; } = [];
        public List<int> ProposalOperation { get; } = [];
        public List<int> OperationProposal { get; } = [];
        public HashSet<int> RetriableOperations { get; } = [];
        public HashSet<string> DerivedFor { get; } = [];

        /// <summary>Values written earlier in this batch, so a later PATCH of the same aspect builds on them.</summary>
        public Dictionary<(string Urn, string Aspect), JsonObject?> Pending { get; } = [];

        public int ProposalOf(int operation) => OperationProposal[operation];

        public int Add(StoreOperation operation, int proposal)
        {
            Operations.Add(operation);
            OperationProposal.Add(proposal);
            return Operations.Count - 1;
        }
    }

    private async Task<Plan> PlanAsync(IReadOnlyList<Proposal> proposals, Func<int, string> locate, string actor, CancellationToken ct)
    {
        var plan = new Plan();
        for (var i = 0; i < proposals.Count; i++)
        {
            try
            {
                await PlanOneAsync(plan, proposals[i], i, actor, ct);
            }
            catch (ValidationException e)
            {
                throw e.Under(locate(i));
            }
        }
        return plan;
    }

    private async Task PlanOneAsync(Plan plan, Proposal proposal, int index, string actor, CancellationToken ct)
    {
        _limits.CheckProposal(proposal);
        var urn = Urn.Parse(proposal.EntityUrn, "entityUrn");
        var entity = registry.Entity(urn.EntityType)
            ?? throw new ValidationException("entityUrn", $"entity type '{urn.EntityType}' has no aspects Lineage accepts");
        if (proposal.EntityType is { } named) urn.MustBeOf(named, "entityType", "entityType");
        var spec = AspectOf(entity, proposal.AspectName);
        var key = (urn.ToString(), spec.Name);
        var condition = proposal.IfVersionMatch is { } expected ? WriteCondition.RevisionEquals(expected) : WriteCondition.None;
        if (proposal.Restore is { } restore)
        {
            if (proposal.ChangeType is not (ChangeType.Upsert or ChangeType.Delete))
                throw new ValidationException("changeType",
                    $"a restored version (systemMetadata.version) is written by UPSERT or DELETE, not {proposal.ChangeType.ToString().ToUpperInvariant()}");
            if (proposal.IfVersionMatch is not null)
                throw new ValidationException("If-Version-Match", "a restored version (systemMetadata.version) cannot also carry If-Version-Match");
            if (restore.Revision is { } revision) condition = WriteCondition.Restore(revision);
            else if (!spec.IsTimeseries) throw new ValidationException("systemMetadata.version", "required to restore a version of a versioned aspect");
            actor = restore.CreatedBy;
        }

        if (spec.IsTimeseries)
        {
            PlanTimeseries(plan, proposal, urn, entity, spec, index, actor);
            return;
        }

        if (proposal.ChangeType == ChangeType.Delete)
        {
            if (spec.IsKey) throw new ValidationException("aspectName", "the key aspect cannot be deleted; delete the entity instead");
            plan.ProposalOperation.Add(plan.Add(
                new DeleteAspect(urn.ToString(), urn.EntityType, spec.Name, condition, spec.Name == "status" ? false : null, actor)
                    { RestoredAt = proposal.Restore?.CreatedAt }, index));
            plan.Pending[key] = null;
            return;
        }

        var retriable = false;
        JsonNode? value = proposal.Value;
        if (proposal.ChangeType == ChangeType.Patch)
        {
            // Builds on an earlier write of this batch when there is one (the batch is atomic, no check needed),
            // else on the stored value, which must still be the latest when the batch commits.
            var current = plan.Pending.TryGetValue(key, out var pending) ? pending : null;
            if (!plan.Pending.ContainsKey(key))
            {
                var stored = await store.GetAspectAsync(urn.ToString(), spec.Name, 0, ct);
                current = stored?.Value;
                if (condition.Kind == WriteConditionKind.None)
                {
                    condition = WriteCondition.RevisionEquals(stored?.Revision ?? 0);
                    retriable = true;
                }
            }
            try
            {
                value = KeyedPatch.Apply(spec.Name, current, proposal.Value, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            }
            catch (ValidationException e)
            {
                throw e.Under(proposal.ValuePath);
            }
        }
        else if (proposal.ChangeType == ChangeType.Create)
        {
            condition = WriteCondition.MustNotExist;
        }
        else if (proposal.OnlyIfAbsent)
        {
            condition = WriteCondition.SkipIfExists;
        }
        else if (proposal.ChangeType == ChangeType.CreateEntity && !plan.Pending.Keys.Any(k => k.Urn == key.Item1))
        {
            // The SDK's create() sends the key aspect first with CREATE_ENTITY; later aspects of the batch build on it.
            condition = WriteCondition.EntityMustNotExist;
        }

        AspectValidator.Validate(spec, value);
        var aspect = value!.AsObject();
        if (spec.IsKey && !urn.MatchesKeyAspect(aspect))
            throw new ValidationException(spec.Name, $"the key aspect {aspect.ToJsonString()} does not match the urn {urn}");

        var upsert = new UpsertAspect(urn.ToString(), urn.EntityType, spec.Name, aspect, CanonicalJson.Hash(aspect),
            proposal.SystemMetadata, RelationshipExtractor.Extract(urn.ToString(), spec, aspect), condition,
            spec.Name == "status" ? aspect["removed"]?.GetValue<bool>() ?? false : null, actor) { RestoredAt = proposal.Restore?.CreatedAt };
        var op = plan.Add(upsert, index);
        plan.ProposalOperation.Add(op);
        if (retriable) plan.RetriableOperations.Add(op);
        plan.Pending[key] = aspect;
        AddDerived(plan, urn, entity, index, actor, proposal);
    }

    /// <summary>
    /// A timeseries value is kept by its timestampMillis, never versioned; like DataHub, only UPSERT writes one (there is
    /// no stored value for PATCH to build on, nor one to CREATE or DELETE).
    /// </summary>
    private void PlanTimeseries(Plan plan, Proposal proposal, Urn urn, EntitySpec entity, AspectSpec spec, int index, string actor)
    {
        if (proposal.ChangeType != ChangeType.Upsert)
            throw new ValidationException("changeType",
                $"{spec.Name} is a timeseries aspect: only UPSERT writes it, not {proposal.ChangeType.ToString().ToUpperInvariant()}");
        if (proposal.IfVersionMatch is not null)
            throw new ValidationException("If-Version-Match", $"{spec.Name} is a timeseries aspect and has no versions to match");
        AspectValidator.Validate(spec, proposal.Value);
        var value = proposal.Value!.AsObject();
        var at = value["timestampMillis"]!.GetValue<long>();
        var partition = value["partitionSpec"]?["partition"]?.GetValue<string>() ?? "";
        var op = plan.Add(new RecordTimeseries(urn.ToString(), urn.EntityType, spec.Name, at, partition, value,
            CanonicalJson.Hash(value), proposal.SystemMetadata, RelationshipExtractor.Extract(urn.ToString(), spec, value), actor)
            { RestoredAt = proposal.Restore?.CreatedAt, RestoredRevision = proposal.Restore?.Revision }, index);
        plan.ProposalOperation.Add(op);
        AddDerived(plan, urn, entity, index, actor, proposal);
    }

    /// <summary>
    /// Like DataHub, an entity whose key names a platform gets a dataPlatformInstance aspect when it has none. Not on a
    /// restore: the export carries the derived aspect as it was stored, with its own time.
    /// </summary>
    private void AddDerived(Plan plan, Urn urn, EntitySpec entity, int index, string actor, Proposal proposal)
    {
        const string name = "dataPlatformInstance";
        if (proposal.Restore is not null) return;
        var platform = urn.Spec.Parts.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Name == "platform" && x.p.Kind == KeyPartKind.Urn);
        if (platform.p is null || registry.AspectOf(entity.EntityType, name) is null || !plan.DerivedFor.Add(urn.ToString())) return;
        var value = new JsonObject { ["platform"] = urn.Parts[platform.i] };
        plan.Add(new UpsertAspect(urn.ToString(), urn.EntityType, name, value, CanonicalJson.Hash(value), null, [],
            WriteCondition.SkipIfExists, null, actor), index);
    }

    private AspectSpec AspectOf(EntitySpec entity, string aspectName)
    {
        if (registry.AspectOf(entity.EntityType, aspectName) is { } spec) return spec;
        var accepted = string.Join(", ", entity.AspectNames.Prepend(entity.Key.KeyAspectName));
        return registry.Aspect(aspectName) is null
            ? throw new ValidationException("aspectName", $"unknown aspect '{aspectName}'; {entity.EntityType} accepts {accepted}")
            : throw new ValidationException("aspectName", $"{entity.EntityType} does not accept aspect '{aspectName}'; it accepts {accepted}");
    }
}
