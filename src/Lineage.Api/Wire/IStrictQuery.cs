namespace Lineage.Api.Wire;

/// <summary>
/// A request of Lineage's own API whose query parameters are its properties and nothing else: a misspelt filter
/// (<c>maxhop=2</c>) is a 400 rather than a silently wider answer. DataHub's endpoints are as lenient as DataHub.
/// </summary>
internal interface IStrictQuery;
