namespace Lineage.Api.Auth.Persistence;

/// <summary>The statements the Neo4j token adapter runs, by file name under <c>cypher/</c>; a test checks every file is named here or by the graph store.</summary>
internal static class TokenCypher
{
    public static readonly string[] Schema = ["auth-token-id-unique", "auth-bootstrap-unique"];
    public const string CreateToken = "auth/create-token";
    public const string CreateFirstAdmin = "auth/create-first-admin";
    public const string Tokens = "auth/tokens";
    public const string Token = "auth/token";
    public const string RevokeToken = "auth/revoke-token";
}
