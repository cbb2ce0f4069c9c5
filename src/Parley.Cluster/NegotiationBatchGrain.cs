using System.Collections.Concurrent;
using Parley.Tournaments.Running;

namespace Parley.Cluster;

/// <summary>Runs batches with the silo's own runner (threads, or worker processes for user negotiators) on tournaments it loads from the shared database.</summary>
internal sealed class NegotiationBatchGrain(SiloTournaments tournaments) : Grain, INegotiationBatchGrain
{
    public Task<int> Workers() => Task.FromResult(tournaments.Workers);

    public async Task<Tournaments.NegotiationRecord[]> Run(long tournament, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var prepared = tournaments.Get(tournament);
        var sink = new CollectingSink();
        var runner = tournaments.Runner(prepared);
        // The runner blocks its own threads; keep the grain's scheduler free meanwhile.
        await Task.Run(() => runner.RunAsync(prepared, indices, sink, CancellationToken.None));
        return [.. sink.Records];
    }

    private sealed class CollectingSink : IResultSink
    {
        public ConcurrentBag<Tournaments.NegotiationRecord> Records { get; } = [];

        public void Accept(Tournaments.NegotiationRecord record) => Records.Add(record);
    }
}
