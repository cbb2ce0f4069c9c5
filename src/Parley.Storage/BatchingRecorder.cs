using System.Collections.Concurrent;
using System.Diagnostics;
using Parley.Tournaments.Running;

namespace Parley.Tournaments.Storage;

/// <summary>
/// The result sink that stores records in batches: runners hand records over without waiting; one writer thread stores
/// whatever has arrived in one transaction, so the database never holds up a negotiation. <see cref="Complete"/> stores
/// the rest and reports how long the database took.
/// </summary>
public sealed class BatchingRecorder : IResultSink, IDisposable
{
    private readonly TournamentStore _store;
    private readonly long _tournament;
    private readonly int _maxBatch;
    private readonly BlockingCollection<NegotiationRecord> _queue = new(new ConcurrentQueue<NegotiationRecord>());
    private readonly Thread _writer;
    private readonly Action<int>? _stored;
    private readonly CancellationTokenSource _failed = new();
    private readonly ManualResetEventSlim _completing = new();
    private Exception? _fault;
    private long _writeTicks;
    private long _writeCpuTicks;
    private int _count;
    private int _batches;

    /// <summary>Starts the writer for tournament <paramref name="tournament"/> in <paramref name="store"/>; <paramref name="stored"/> is called after each batch with the number just stored.</summary>
    public BatchingRecorder(TournamentStore store, long tournament, Action<int>? stored = null, int maxBatch = 4096)
    {
        _store = store;
        _tournament = tournament;
        _stored = stored;
        _maxBatch = maxBatch;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "parley-results-writer" };
        _writer.Start();
    }

    /// <summary>Fires when a write fails, so the runner can stop.</summary>
    public CancellationToken Failed => _failed.Token;

    /// <summary>Records stored so far.</summary>
    public int Stored => Volatile.Read(ref _count);

    /// <summary>Transactions written so far.</summary>
    public int Batches => Volatile.Read(ref _batches);

    /// <summary>Wall-clock time the writer spent in the database (for PostgreSQL this includes waiting for the server).</summary>
    public TimeSpan WriteTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writeTicks));

    /// <summary>CPU time the writer thread spent storing (see <see cref="ThreadCpuClock"/>).</summary>
    public TimeSpan WriteCpuTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writeCpuTicks));

    public void Accept(NegotiationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _queue.Add(record);
    }

    /// <summary>Stores everything accepted so far and stops the writer; rethrows a write failure.</summary>
    public void Complete()
    {
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _completing.Set();
        _writer.Join();
        if (_fault is not null) throw new StoreException($"{_store.Where}: writing results failed: {_fault.Message}", _fault);
    }

    private void WriteLoop()
    {
        var batch = new List<NegotiationRecord>(_maxBatch);
        try
        {
            while (_queue.TryTake(out var first, Timeout.Infinite))
            {
                batch.Add(first);
                while (batch.Count < _maxBatch && _queue.TryTake(out var more)) batch.Add(more);
                Timed(() => _store.Write(_tournament, batch));
                Interlocked.Add(ref _count, batch.Count);
                Interlocked.Increment(ref _batches);
                _stored?.Invoke(batch.Count);
                batch.Clear();
                // Let results gather for a moment when they trickle in: fewer, larger transactions.
                // (Complete wakes it at once, so the last batch is not kept waiting.)
                if (_queue.Count < 64 && !_queue.IsAddingCompleted) _completing.Wait(20);
            }
            // The log's last stretch goes into the database file now, counted as the database's time.
            Timed(_store.Checkpoint);
        }
        catch (Exception e)
        {
            _fault = e;
            _failed.Cancel();
        }
    }

    private void Timed(Action write)
    {
        long start = Stopwatch.GetTimestamp(), cpu = ThreadCpuClock.Now();
        write();
        Interlocked.Add(ref _writeCpuTicks, ThreadCpuClock.Now() - cpu);
        Interlocked.Add(ref _writeTicks, Stopwatch.GetTimestamp() - start);
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _completing.Set();
        _writer.Join();
        _completing.Dispose();
        _queue.Dispose();
        _failed.Dispose();
    }
}
