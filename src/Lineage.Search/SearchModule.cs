namespace Lineage.Search;

/// <summary>Marker for the search project; the Lucene index arrives with the search issue.</summary>
public static class SearchModule;
