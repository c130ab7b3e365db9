using Lineage.Search.Querying;

namespace Lineage.Api.Discovery.Autocomplete;

/// <summary>The suggestions for what was typed.</summary>
internal sealed record AutocompleteResponse(string Query, IReadOnlyList<Suggestion> Suggestions);
