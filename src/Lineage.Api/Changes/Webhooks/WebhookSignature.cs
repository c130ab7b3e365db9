using System.Security.Cryptography;
using System.Text;

namespace Lineage.Api.Changes.Webhooks;

/// <summary>
/// How a receiver knows a delivery came from here and was not altered: the HMAC-SHA256 of the exact body under the
/// webhook's secret, hex, in <see cref="Header"/> as <c>sha256=&lt;hex&gt;</c> (GitHub's scheme, which receivers know).
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "X-Lineage-Signature-256";

    public static string Of(string secret, byte[] body) =>
        $"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))}";
}
