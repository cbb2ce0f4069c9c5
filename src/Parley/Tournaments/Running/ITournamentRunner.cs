namespace Parley.Tournaments.Running;

/// <summary>
/// Who runs a tournament's negotiations: given what remains to run, runs each exactly once and hands every record to the
/// sink. Implementations: <see cref="ThreadRunner"/> (threads of this process), <see cref="ProcessRunner"/> (replaceable
/// worker processes); a cluster runner can distribute the same work across machines.
/// </summary>
public interface ITournamentRunner
{
    /// <summary>
    /// Runs the negotiations <paramref name="pending"/> (plan indices) of <paramref name="tournament"/>, each once, and gives
    /// each record to <paramref name="sink"/> as it completes (in any order, possibly from several threads). Returns when
    /// all are done or <paramref name="cancellation"/> fires.
    /// </summary>
    Task RunAsync(PreparedTournament tournament, IReadOnlyList<int> pending, IResultSink sink, CancellationToken cancellation);
}

/// <summary>Where results go. Thread-safe.</summary>
public interface IResultSink
{
    /// <summary>Takes one finished negotiation.</summary>
    void Accept(NegotiationRecord record);
}
