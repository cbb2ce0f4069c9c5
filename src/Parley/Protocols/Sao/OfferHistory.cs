namespace Parley.Protocols.Sao;

/// <summary>
/// The actions taken so far in a negotiation, as a negotiator may see them: who did what on which outcome and when —
/// never anyone's utilities. A live view: <see cref="Count"/> grows as the negotiation runs.
/// </summary>
public sealed class OfferHistory
{
    private readonly Transcript _transcript;

    internal OfferHistory(Transcript transcript) => _transcript = transcript;

    /// <summary>Number of actions so far.</summary>
    public int Count => _transcript.Count;

    /// <summary>The <paramref name="index"/>-th action (0 = first).</summary>
    public HistoryEntry this[int index] =>
        (uint)index < (uint)_transcript.Count ? _transcript.Action(index) : throw new ArgumentOutOfRangeException(nameof(index));
}
