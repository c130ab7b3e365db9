using FastEndpoints;

namespace Lineage.Api.Wire;

/// <summary>
/// Binds an <see cref="IStrictQuery"/> from the query and route only: DataHub's clients send
/// <c>Content-Type: application/json</c> with the empty body of a GET, which is no JSON to read.
/// </summary>
internal sealed class QueryBinder<TRequest>() : RequestBinder<TRequest>(BindingSource.QueryParams | BindingSource.RouteValues)
    where TRequest : notnull;
