namespace Parley.Tournaments.Running;

/// <summary>
/// Runs negotiations on <see cref="Jobs"/> threads of this process, each pulling the next pending index. The fastest
/// runner; it cannot stop a negotiator that never returns, so use it for trusted (built-in) negotiators.
/// </summary>
public sealed class ThreadRunner(int jobs) : ITournamentRunner
{
    /// <summary>Number of threads.</summary>
    public int Jobs { get; } = jobs >= 1 ? jobs : throw new ArgumentOutOfRangeException(nameof(jobs), jobs, "expected at least one job");

    public Task RunAsync(PreparedTournament tournament, IReadOnlyList<int> pending, IResultSink sink, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(sink);
        int next = -1;
        var threads = new Thread[Math.Min(Jobs, Math.Max(1, pending.Count))];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int running = threads.Length;
        Exception? fault = null;
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                try
                {
                    int i;
                    while (!cancellation.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < pending.Count)
                        sink.Accept(NegotiationExecutor.Execute(tournament, pending[i]));
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref fault, e, null);
                }
                if (Interlocked.Decrement(ref running) == 0)
                {
                    if (fault is not null) done.SetException(fault);
                    else done.SetResult();
                }
            })
            { IsBackground = true, Name = $"parley-negotiation-{t}" };
            threads[t].Start();
        }
        return done.Task;
    }
}
