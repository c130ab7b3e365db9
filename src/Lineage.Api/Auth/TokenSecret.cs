using System.Security.Cryptography;
using System.Text;

namespace Lineage.Api.Auth;

/// <summary>
/// The text a client sends: <c>lin_&lt;id&gt;_&lt;secret&gt;</c>, a 256-bit random secret behind a public id, so the
/// server finds the token by id and compares only hashes, in constant time.
/// </summary>
public static class TokenSecret
{
    private const string Prefix = "lin_";

    /// <summary>A new id and the full token text, shown once.</summary>
    public static (string Id, string Text, byte[] Hash) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>The id and secret of a token text, or null when it is not shaped like one.</summary>
    public static (string Id, string Secret)? Parse(string text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = text[Prefix.Length..].Split('_', 2);
        return parts.Length == 2 && parts[0].Length == 16 && parts[1].Length > 0 ? (parts[0], parts[1]) : null;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(secret), hash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
