using System.Diagnostics;

namespace Parley.Protocols;

/// <summary>
/// Work a protocol does inside a party's turn on the protocol's own behalf (replacing a mediator's text that crosses a
/// red line by a start text searched over the outcome space, see <see cref="TextLimits"/>), in <see cref="Stopwatch"/>
/// ticks, kept per thread: the session runner asks a party to move on its own thread and deducts what the protocol spent
/// in that turn from the party's time, so a party's per-turn budget pays for the party's decision only.
/// </summary>
internal static class ProtocolWork
{
    [ThreadStatic] private static long t_ticks;

    /// <summary>Stopwatch ticks of protocol work recorded on this thread so far (only differences mean anything).</summary>
    public static long Ticks => t_ticks;

    /// <summary>Records the protocol work that began at Stopwatch timestamp <paramref name="start"/> and ends now.</summary>
    public static void Since(long start) => t_ticks += Stopwatch.GetTimestamp() - start;
}
