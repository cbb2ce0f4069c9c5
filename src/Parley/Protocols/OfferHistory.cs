namespace Parley.Protocols;

/// <summary>
/// The actions of a negotiation as one party may see them: the entries it made or was a recipient of, in order — who did
/// what on which outcome and when, never anyone's utilities. A live view: <see cref="Count"/> grows as the negotiation
/// runs. While every entry is public (alternating offers) it reads the transcript directly and allocates nothing.
/// </summary>
public sealed class OfferHistory
{
    private readonly Transcript _transcript;
    private readonly int _viewer;
    private int[] _visible = [];
    private int _visibleCount;
    private int _scanned;

    /// <summary>A view of everything (the whole transcript).</summary>
    internal OfferHistory(Transcript transcript) : this(transcript, -1) { }

    /// <summary>The view of party <paramref name="viewer"/>, or of everything when it is −1.</summary>
    internal OfferHistory(Transcript transcript, int viewer)
    {
        _transcript = transcript;
        _viewer = viewer;
    }

    /// <summary>The whole transcript this view reads (for hosts that observe a live negotiation, e.g. an interactive session).</summary>
    internal Transcript Source => _transcript;

    /// <summary>Number of entries visible so far.</summary>
    public int Count
    {
        get
        {
            if (_viewer < 0 || _transcript.AllPublic) return _transcript.Count;
            Sync();
            return _visibleCount;
        }
    }

    /// <summary>The <paramref name="index"/>-th visible entry (0 = first).</summary>
    public HistoryEntry this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _transcript.Action(_viewer < 0 || _transcript.AllPublic ? index : _visible[index]);
        }
    }

    private void Sync()
    {
        int count = _transcript.Count;
        for (; _scanned < count; _scanned++)
        {
            if (!_transcript.IsVisibleTo(_scanned, _viewer)) continue;
            if (_visibleCount == _visible.Length) Array.Resize(ref _visible, Math.Max(16, _visible.Length * 2));
            _visible[_visibleCount++] = _scanned;
        }
    }
}
