using Lineage.Graph.Errors;
using Lineage.Search.Analysis;
using Lineage.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Lineage.Search.Index;

/// <summary>
/// The Lucene index under the data directory: one document per entity, and in each commit the change-feed
/// sequence number it has applied, so that after a crash it resumes from the feed exactly where it stopped.
/// Updates are searchable at once (near-real-time readers); commits, which fsync, happen at most once a second
/// and when the feeder has caught up — a crash loses only uncommitted work, which the feed replays.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string SequenceKey = "lineage.sequence";
    private const string FormatKey = "lineage.format";

    /// <summary>
    /// The version of the documents' fields, kept in each commit. An index written with other fields (2: whole name
    /// words for long autocomplete input; 3: autocomplete fields without frequencies, positions or norms; 4: every word
    /// of names and descriptions in one field) is emptied on open, and the feeder builds it again from the change feed.
    /// </summary>
    private const string Format = "4";
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(1);

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _applying = new();

    public SearchIndex(string path)
        : this(path, new TieredMergePolicy { NoCFSRatio = 0 })
    {
    }

    /// <summary>An index whose segments <paramref name="mergePolicy"/> merges (tests use one that lets small segments be).</summary>
    internal SearchIndex(string path, MergePolicy mergePolicy)
    {
        System.IO.Directory.CreateDirectory(path);
        // Every write a client waits for is made searchable at once, which flushes a segment of a few documents; kept
        // in memory until they are merged past a few MB or committed, such segments cost no file writes or opens.
        _directory = new NRTCachingDirectory(FSDirectory.Open(path), maxMergeSizeMB: 4, maxCachedMB: 48);
        _writer = OpenWriter(_directory, path, mergePolicy);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new WarmingSearcherFactory());
        var committed = _writer.CommitData;
        AppliedSequence = CommittedSequence = _resumeAfter =
            committed.TryGetValue(SequenceKey, out var text) && long.TryParse(text, out var seq) ? seq : 0;
        if (committed.Count > 0 && !(committed.TryGetValue(FormatKey, out var format) && format == Format)) Clear();
    }

    private DateTime _lastCommit = DateTime.UtcNow;

    /// <summary>
    /// Opens the one writer. Lucene gives up on its write lock after a second and says only that it timed out; the
    /// exception inside tells the two reasons apart: the folder cannot be written, or a writer already holds it.
    /// </summary>
    private static IndexWriter OpenWriter(LuceneDirectory directory, string path, MergePolicy mergePolicy)
    {
        // No compound files: every near-real-time refresh flushes a small segment, and packing each into one file
        // copied its bytes once more for nothing (the index has a few dozen segments, far from any file limit).
        var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            UseCompoundFile = false,
            MergePolicy = mergePolicy,
            MergedSegmentWarmer = new FacetWarmer(),
        };
        try
        {
            return new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException e)
        {
            var dataDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var folder = Path.GetFileName(path);
            throw e.InnerException is IOException or UnauthorizedAccessException
                ? new DataDirectoryException(dataDirectory, $"its search index ({folder}/) cannot be written: {e.InnerException.GetBaseException().Message}", inUse: false, e)
                : new DataDirectoryException(dataDirectory, $"its search index ({folder}/) is in use by another Lineage service", inUse: true, e);
        }
    }

    /// <summary>The index folder inside a data directory.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "search");

    /// <summary>The last change-feed sequence number whose effect is searchable.</summary>
    public long AppliedSequence { get; private set; }

    /// <summary>The change-feed sequence number durably committed: a restart resumes with the change after it.</summary>
    public long CommittedSequence { get; private set; }

    // Where a restart must resume: the applied sequence, or earlier while some of its effects wait (see Apply).
    private long _resumeAfter;

    /// <summary>
    /// Replaces the documents of <paramref name="upserts"/>, removes <paramref name="deletes"/>, and makes them
    /// searchable with the effects of the changes up to <paramref name="sequence"/>. When some effects of those changes
    /// are still to come (the feeder refreshes the entities their edges point to later), <paramref name="resumeAfter"/>
    /// says where a restart must resume so that it applies them again; it defaults to <paramref name="sequence"/>.
    /// </summary>
    public void Apply(IEnumerable<EntityDocument> upserts, IEnumerable<string> deletes, long sequence, long? resumeAfter = null)
    {
        lock (_applying)
        {
            foreach (var urn in deletes) _writer.DeleteDocuments(new Term(IndexFields.Urn, urn));
            foreach (var document in upserts) _writer.UpdateDocument(new Term(IndexFields.Urn, document.Urn), DocumentMapper.ToLucene(document));
            Publish(sequence, resumeAfter);
        }
    }

    /// <summary>
    /// Sets the connectivity (the rank) of the indexed entities in <paramref name="connectivity"/> in place, without
    /// rebuilding their documents, and makes it searchable as <see cref="Apply"/> does; urns not indexed are skipped.
    /// </summary>
    public void UpdateConnectivity(IReadOnlyDictionary<string, long> connectivity, long sequence, long? resumeAfter = null)
    {
        lock (_applying)
        {
            foreach (var (urn, count) in connectivity)
                _writer.UpdateNumericDocValue(new Term(IndexFields.Urn, urn), IndexFields.Connectivity, count);
            Publish(sequence, resumeAfter);
        }
    }

    private void Publish(long sequence, long? resumeAfter)
    {
        _searchers.MaybeRefreshBlocking();
        // Only now: a writer waiting for this sequence answers as soon as it reads it, and its client searches.
        AppliedSequence = sequence;
        _resumeAfter = resumeAfter ?? sequence;
        if (DateTime.UtcNow - _lastCommit >= CommitInterval) Commit();
    }

    /// <summary>Makes everything applied durable, with the sequence a restart resumes after in the commit data.</summary>
    public void Commit()
    {
        lock (_applying)
        {
            if (CommittedSequence == _resumeAfter && !_writer.HasUncommittedChanges()) return;
            _writer.SetCommitData(CommitData(_resumeAfter));
            _writer.Commit();
            CommittedSequence = _resumeAfter;
            _lastCommit = DateTime.UtcNow;
        }
    }

    /// <summary>
    /// The most segments an index is left with once writes pause. While writes come, Lucene's merge policy keeps up to
    /// ten segments a size tier, which keeps merging cheap during a bulk load; but every search pays per segment (a
    /// term seek per word and field, its scorers, its facet counts): at L, with 29 segments, a profile put a tenth of a
    /// search's time in seeking its terms alone.
    /// </summary>
    public const int QuietSegments = 8;

    /// <summary>
    /// When writes pause (the feeder has caught up and heard of no write for a while): merges the smallest segments
    /// until at most <see cref="QuietSegments"/> are left, in the background. Lucene merges the smallest first, so after
    /// a bulk load this rewrites the many small segments the load's refreshes left, not the large ones. A merge done
    /// since the last call is made searchable first: without a write, nothing else would.
    /// </summary>
    public void MergeWhenQuiet()
    {
        lock (_applying)
        {
            _searchers.MaybeRefreshBlocking();
            if (_writer.HasPendingMerges() || SegmentCount <= QuietSegments) return;
            _writer.ForceMerge(QuietSegments, doWait: false);
        }
    }

    /// <summary>How many segments the searchable index has.</summary>
    public int SegmentCount => Read(searcher => searcher.IndexReader.Leaves.Count);

    /// <summary>Empties the index and forgets its sequence, so the feeder rebuilds it from the whole change feed.</summary>
    public void Clear()
    {
        lock (_applying)
        {
            _writer.DeleteAll();
            _writer.SetCommitData(CommitData(0));
            _writer.Commit();
            AppliedSequence = CommittedSequence = _resumeAfter = 0;
            _searchers.MaybeRefreshBlocking();
        }
    }

    private static Dictionary<string, string> CommitData(long sequence) =>
        new() { [SequenceKey] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), [FormatKey] = Format };

    /// <summary>Runs a read against a current searcher.</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The entities the indexed document of <paramref name="urn"/> has edges to; empty when it is not indexed.</summary>
    public IReadOnlyList<string> TargetsOf(string urn) => Read(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(IndexFields.Urn, urn)), 1);
        return top.ScoreDocs.Length == 0 ? [] : searcher.Doc(top.ScoreDocs[0].Doc).GetValues(IndexFields.StoredTarget);
    });

    /// <summary>How many live documents the index holds.</summary>
    public int Count => Read(s => s.IndexReader.NumDocs);

    /// <summary>Bytes the index takes on disk.</summary>
    public long SizeOnDisk => _directory.ListAll().Sum(f => _directory.FileLength(f));

    /// <summary>
    /// Reads a merged segment's facet values (<see cref="SegmentFacets"/>) into memory on the merge thread, before
    /// searches see it: read at a search, a large merged segment's would cost that search as much as a few hundred others.
    /// </summary>
    private sealed class FacetWarmer : IndexWriter.IndexReaderWarmer
    {
        public override void Warm(AtomicReader reader) => WarmingSearcherFactory.Warm(reader);
    }

    /// <summary>
    /// Makes searchers that can search slices of their segments (<see cref="SlicedSearch"/>), whose segments' facet values
    /// are in memory, so the refresh pays for a new segment's, not a search.
    /// </summary>
    private sealed class WarmingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var segment in reader.Leaves) Warm(segment.AtomicReader);
            return new SlicedSearch.SlicingSearcher(reader);
        }

        public static void Warm(AtomicReader segment) => SegmentFacets.Of(segment);
    }

    public void Dispose()
    {
        Commit();
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}
