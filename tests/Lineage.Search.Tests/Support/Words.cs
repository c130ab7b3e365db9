namespace Lineage.Search.Tests.Support;

/// <summary>
/// Words no other test uses, for names, descriptions and tags: lower-case consonants only, so that no analyzer
/// splits, stems or drops them (no digits, no case changes, no plural s, no stop word).
/// </summary>
public static class Words
{
    private const string Letters = "bcdfghjklmnpqrtvwxz";

    public static string New() => "zq" + string.Concat(Enumerable.Range(0, 10).Select(_ => Letters[Random.Shared.Next(Letters.Length)]));
}
