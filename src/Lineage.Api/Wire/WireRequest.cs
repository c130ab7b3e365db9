namespace Lineage.Api.Wire;

/// <summary>
/// A request DataHub's clients write in a shape model binding cannot read (URNs in the raw path, Rest.li lists,
/// JSON bodies checked member by member): the type reads itself from the HTTP request, and a bad one is a
/// <see cref="Graph.Errors.ValidationException"/> naming the field.
/// </summary>
internal interface IWireRequest<TSelf> where TSelf : IWireRequest<TSelf>
{
    static abstract ValueTask<TSelf> ReadAsync(HttpContext context, CancellationToken ct);
}
