using System.Security.Cryptography;
using System.Text;

namespace Lineage.Api.OpenLineage.Mapping;

/// <summary>
/// A run's id as DataHub's server normalises it (OpenLineageEventDeserializer): a UUID stays; anything else becomes the
/// name-based (version 3) UUID of the RFC 4122 URL namespace and <c>&lt;job namespace&gt;.&lt;job name&gt;.&lt;runId&gt;</c>,
/// Java's <c>UUID.nameUUIDFromBytes</c>, so two jobs that both call their run <c>1</c> stay two runs.
/// </summary>
internal static class RunIds
{
    private static readonly byte[] UrlNamespace = Convert.FromHexString("6ba7b8119dad11d180b400c04fd430c8");

    public static string Normalise(string runId, string jobNamespace, string jobName)
    {
        if (Guid.TryParse(runId, out _)) return runId.ToLowerInvariant();
        var name = Encoding.UTF8.GetBytes($"{jobNamespace}.{jobName}.{runId}");
        var hash = MD5.HashData([.. UrlNamespace, .. name]);
        hash[6] = (byte)((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(hash);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
