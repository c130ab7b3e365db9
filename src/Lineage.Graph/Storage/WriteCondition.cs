namespace Lineage.Graph.Storage;

/// <summary>What the stored aspect must look like for a write to go ahead.</summary>
/// <param name="Kind">The kind of check.</param>
/// <param name="Revision">For <see cref="WriteConditionKind.RevisionEquals"/>: the revision the latest must have (0 = absent).</param>
public sealed record WriteCondition(WriteConditionKind Kind, long Revision = 0)
{
    public static readonly WriteCondition None = new(WriteConditionKind.None);
    public static readonly WriteCondition MustNotExist = new(WriteConditionKind.MustNotExist);
    public static readonly WriteCondition SkipIfExists = new(WriteConditionKind.SkipIfExists);
    public static readonly WriteCondition EntityMustNotExist = new(WriteConditionKind.EntityMustNotExist);

    public static WriteCondition RevisionEquals(long revision) => new(WriteConditionKind.RevisionEquals, revision);

    /// <summary>A restore of revision <paramref name="revision"/> from an export (<see cref="WriteConditionKind.Restore"/>).</summary>
    public static WriteCondition Restore(long revision) => new(WriteConditionKind.Restore, revision);
}

/// <summary>The checks a store makes before a write.</summary>
public enum WriteConditionKind
{
    /// <summary>Write whatever is stored.</summary>
    None,

    /// <summary>CREATE: fail the batch when the aspect exists.</summary>
    MustNotExist,

    /// <summary>Derived aspects (dataPlatformInstance): write only when absent, never fail.</summary>
    SkipIfExists,

    /// <summary>CREATE_ENTITY: fail the batch when the entity already has any aspect.</summary>
    EntityMustNotExist,

    /// <summary>If-Version-Match and PATCH: fail the batch unless the latest has this revision.</summary>
    RevisionEquals,

    /// <summary>
    /// An import recreating a version from an export: an UPSERT is skipped when the aspect already has a revision this
    /// high (latest or history), else it becomes the latest with this revision, even if its value equals the latest (a
    /// deleted and re-created aspect); a DELETE is skipped unless the latest is this revision. So importing a file again
    /// changes nothing, and version numbers match the exporting store's.
    /// </summary>
    Restore,
}
