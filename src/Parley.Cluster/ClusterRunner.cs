using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Parley.Tournaments;
using Parley.Tournaments.Running;

namespace Parley.Cluster;

/// <summary>
/// Runs a stored tournament's negotiations on the silos of an Orleans cluster. The pending plan indices are cut into
/// batches; for each active silo the coordinator keeps <see cref="InFlightPerSilo"/> batches in flight on that silo's
/// <see cref="INegotiationBatchGrain"/>, so a faster or bigger silo takes more. The silo list is re-read every
/// <see cref="MembershipPoll"/>: a silo that joins starts taking batches; the batches of a silo that leaves the active
/// list (killed, declared dead) go back to the queue and run elsewhere. A record is passed on only for an index not yet
/// recorded, so a batch that ran twice is stored once (and the store's key would refuse a second row anyway).
/// </summary>
/// <param name="client">A started cluster client.</param>
/// <param name="tournamentId">The tournament's id in the shared database (the silos load its plan from there).</param>
/// <param name="batchSize">Negotiations per batch; null picks about 1/64 of the pending work, between 1 and 256.</param>
public sealed class ClusterRunner(IClusterClient client, long tournamentId, int? batchSize = null) : ITournamentRunner
{
    /// <summary>Batches kept in flight per silo: one running, one queued behind it so the silo never waits for the coordinator.</summary>
    public const int InFlightPerSilo = 2;

    /// <summary>How often the active silos are re-read.</summary>
    public static TimeSpan MembershipPoll { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a silo whose call failed gets no new batches (its death is usually declared meanwhile).</summary>
    public static TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for a first silo before giving up.</summary>
    public static TimeSpan NoSiloTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Silos that ran at least one batch in the last run.</summary>
    public IReadOnlyCollection<string> SilosUsed => _used.Keys.ToArray();

    /// <summary>Batches that were handed out again because their silo left.</summary>
    public int Reassigned => _reassigned;

    /// <summary>Calls a batch may fail (on silos still active) before the run stops with an error.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The least time without an answer after which a batch is presumed lost and handed out again.</summary>
    public static TimeSpan MinimumLostAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A batch is presumed lost after this many times the slowest batch so far (or <see cref="MinimumLostAfter"/>).</summary>
    public const int LostAfterSlowest = 8;

    private readonly ConcurrentDictionary<string, byte> _used = new();
    private long _slowestTicks;

    private TimeSpan LostAfter() => TimeSpan.FromTicks(Math.Max(MinimumLostAfter.Ticks, LostAfterSlowest * Interlocked.Read(ref _slowestTicks)));

    private void RecordDuration(TimeSpan elapsed)
    {
        long seen;
        while (elapsed.Ticks > (seen = Interlocked.Read(ref _slowestTicks)) && Interlocked.CompareExchange(ref _slowestTicks, elapsed.Ticks, seen) != seen) { }
    }
    private int _reassigned;

    /// <summary>Negotiations per batch for <paramref name="pending"/> negotiations when none is given.</summary>
    public static int DefaultBatchSize(int pending) => Math.Clamp((pending + 63) / 64, 1, 256);

    public async Task RunAsync(PreparedTournament tournament, IReadOnlyList<int> pending, IResultSink sink, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(sink);
        if (pending.Count == 0) return;
        int size = batchSize ?? DefaultBatchSize(pending.Count);
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), size, "expected at least one negotiation per batch");
        var queue = new ConcurrentQueue<int[]>(pending.Chunk(size));
        var recorded = new bool[tournament.Count];
        int remaining = pending.Count;
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var silos = new Dictionary<SiloAddress, (CancellationTokenSource Gone, List<Task> Drivers)>();
        var failures = new ConcurrentDictionary<int[], int>();
        var failedAt = new ConcurrentDictionary<SiloAddress, DateTime>();
        var retired = new List<CancellationTokenSource>();
        var management = client.GetGrain<IManagementGrain>(0);
        var started = DateTime.UtcNow;

        void Deliver(NegotiationRecord[] records)
        {
            foreach (var record in records)
            {
                if ((uint)record.Index >= (uint)recorded.Length) throw new InvalidDataException($"a silo returned plan index {record.Index}, outside the plan of {recorded.Length}");
                lock (recorded)
                {
                    if (recorded[record.Index]) continue;
                    recorded[record.Index] = true;
                }
                sink.Accept(record);
                if (Interlocked.Decrement(ref remaining) == 0) finished.TrySetResult();
            }
        }

        async Task Drive(SiloAddress silo, CancellationToken gone)
        {
            string key = silo.ToParsableString();
            var grain = client.GetGrain<INegotiationBatchGrain>(key);
            while (!gone.IsCancellationRequested && queue.TryDequeue(out var batch))
            {
                NegotiationRecord[] records;
                try
                {
                    RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                    var call = Stopwatch.StartNew();
                    records = await grain.Run(tournamentId, batch).WaitAsync(LostAfter(), gone);
                    RecordDuration(call.Elapsed);
                }
                catch (TimeoutException)
                {
                    // No answer in many times the slowest batch so far: the request or its response was lost (the
                    // gateway that carried it died). The batch runs again; should the first answer still come, it is dropped.
                    queue.Enqueue(batch);
                    Interlocked.Increment(ref _reassigned);
                    continue;
                }
                catch (Exception e)
                {
                    // The silo left (or the call broke with it): the batch runs elsewhere. A batch that fails on every
                    // silo it meets is a real error (e.g. a silo cannot read the scenario files): the run stops.
                    if (cancellation.IsCancellationRequested) return;
                    // Lost connections and rejected messages (a silo or gateway dying) are the cluster's weather, not the batch's fault.
                    bool transient = e is OrleansException or TimeoutException or OperationCanceledException or IOException or System.Net.Sockets.SocketException;
                    if (!gone.IsCancellationRequested && !transient && failures.AddOrUpdate(batch, 1, (_, n) => n + 1) >= MaxAttempts)
                    {
                        finished.TrySetException(new ClusterUnavailableException($"a batch of tournament {tournamentId} failed {MaxAttempts} times on the cluster; last on silo {silo}: {e.Message}", e));
                        return;
                    }
                    failedAt[silo] = DateTime.UtcNow;
                    queue.Enqueue(batch);
                    Interlocked.Increment(ref _reassigned);
                    return;
                }
                finally
                {
                    RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                }
                _used.TryAdd(key, 0);
                Deliver(records);
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var registration = stop.Token.Register(() => finished.TrySetCanceled());
        try
        {
            while (!finished.Task.IsCompleted)
            {
                Dictionary<SiloAddress, SiloStatus> active;
                try
                {
                    active = await management.GetHosts(onlyActive: true).WaitAsync(MembershipPoll * 10, stop.Token);
                }
                catch (Exception e) when (e is OrleansException or TimeoutException or IOException or System.Net.Sockets.SocketException && !stop.IsCancellationRequested)
                {
                    // The silo that answered for the cluster (or the gateway) just died; ask again shortly.
                    await Task.WhenAny(finished.Task, Task.Delay(MembershipPoll, stop.Token));
                    continue;
                }
                foreach (var (silo, (gone, _)) in silos.ToArray())
                {
                    if (active.ContainsKey(silo)) continue;
                    await gone.CancelAsync(); // its drivers put their batches back
                    silos.Remove(silo);
                    retired.Add(gone);
                }
                foreach (var silo in active.Keys)
                {
                    if (!silos.TryGetValue(silo, out var entry))
                        silos[silo] = entry = (CancellationTokenSource.CreateLinkedTokenSource(stop.Token), []);
                    // New silos get drivers; silos whose drivers ended (queue empty, or a failed call) get them back while work is queued.
                    entry.Drivers.RemoveAll(t => t.IsCompleted);
                    // A silo whose call just failed is probably dying; give membership time to say so before sending it more.
                    if (failedAt.TryGetValue(silo, out var failed) && DateTime.UtcNow - failed < FailureBackoff) continue;
                    while (entry.Drivers.Count < InFlightPerSilo && !queue.IsEmpty) entry.Drivers.Add(Drive(silo, entry.Gone.Token));
                }
                if (silos.Count == 0 && DateTime.UtcNow - started > NoSiloTimeout)
                    throw new ClusterUnavailableException($"no silo of cluster '{ClusterConnection.ClusterId}' is active; start one with 'parley silo --cluster \"Host=…\"'");
                await Task.WhenAny(finished.Task, Task.Delay(MembershipPoll, stop.Token));
            }
            await finished.Task;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(silos.Values.SelectMany(s => s.Drivers));
            foreach (var (gone, _) in silos.Values) gone.Dispose();
            foreach (var gone in retired) gone.Dispose();
        }
    }
}

/// <summary>The cluster has no silo to run on, or cannot be reached.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
