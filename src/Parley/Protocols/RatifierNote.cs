namespace Parley.Protocols;

/// <summary>
/// How a ratifier's verdict is marked in the transcript: a Reject (or an Accept) whose note starts with
/// <see cref="Prefix"/>, followed by the ratifier's name and reasons. The session runner writes it; mediators, shuttle
/// inboxes and reports recognise a ratifier's refusal by it.
/// </summary>
internal static class RatifierNote
{
    /// <summary>What every ratifier's note starts with.</summary>
    public const string Prefix = "ratification: ";

    /// <summary>True when <paramref name="note"/> is a ratifier's verdict.</summary>
    public static bool Marks(string? note) => note is not null && note.StartsWith(Prefix, StringComparison.Ordinal);
}
