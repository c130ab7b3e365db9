namespace Lineage.Graph.Traversal;

/// <summary>What a lineage walk steps between: whole entities, or columns and what names them.</summary>
public enum LineageGranularity
{
    /// <summary>
    /// Entities: a dataset's columns walk with it and every column rolls up to its dataset, so a feature built from a
    /// column of B is downstream of B. No column appears in the answer (unless it is the root).
    /// </summary>
    Entity,

    /// <summary>
    /// Columns: a column's neighbours are only the columns, features, jobs and models that name it; from an entity the
    /// walk goes on as at entity level, without rolling columns up.
    /// </summary>
    Column,
}
