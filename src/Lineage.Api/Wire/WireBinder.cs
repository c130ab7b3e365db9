using FastEndpoints;

namespace Lineage.Api.Wire;

/// <summary>Binds an <see cref="IWireRequest{TSelf}"/> for an endpoint: <c>RequestBinder(new WireBinder&lt;T&gt;())</c>.</summary>
internal sealed class WireBinder<TRequest> : IRequestBinder<TRequest> where TRequest : IWireRequest<TRequest>
{
    public ValueTask<TRequest> BindAsync(BinderContext ctx, CancellationToken ct) => TRequest.ReadAsync(ctx.HttpContext, ct);
}
