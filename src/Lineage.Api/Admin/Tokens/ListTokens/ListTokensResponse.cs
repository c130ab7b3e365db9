namespace Lineage.Api.Admin.Tokens.ListTokens;

/// <summary>Every token, newest first.</summary>
internal sealed record ListTokensResponse(IReadOnlyList<TokenResponse> Tokens);
