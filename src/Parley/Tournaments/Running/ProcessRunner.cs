using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Parley.Protocols;

namespace Parley.Tournaments.Running;

/// <summary>
/// Runs negotiations in <see cref="Jobs"/> worker processes (<see cref="WorkerHost"/>), each fed a few plan indices ahead.
/// A worker whose negotiator never returns reports the negotiation as failed ("Hung") and ends; a worker that dies
/// ("Crashed") fails the negotiation it was running. Either way the worker is replaced and the other negotiations it had
/// been given run again elsewhere, so every negotiation is reported exactly once. One spare worker is kept started and
/// ready, so a replacement costs no start-up time.
/// </summary>
/// <param name="jobs">Number of worker processes.</param>
/// <param name="startWorker">Start information of one worker for the tournament text stored at the given file path.</param>
public sealed class ProcessRunner(int jobs, Func<string, ProcessStartInfo> startWorker) : ITournamentRunner
{
    private const int Window = 4;

    /// <summary>Number of worker processes.</summary>
    public int Jobs { get; } = jobs >= 1 ? jobs : throw new ArgumentOutOfRangeException(nameof(jobs), jobs, "expected at least one job");

    /// <summary>Workers started so far (replacements included).</summary>
    public int WorkersStarted => _started;

    private int _started;

    public async Task RunAsync(PreparedTournament tournament, IReadOnlyList<int> pending, IResultSink sink, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(sink);
        string textFile = Path.Combine(Path.GetTempPath(), $"parley-tournament-{Environment.ProcessId}-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(textFile, tournament.Spec.Text, cancellation).ConfigureAwait(false);
        try
        {
            var queue = new ConcurrentQueue<int>(pending);
            int remaining = pending.Count;
            var loops = Enumerable.Range(0, Math.Min(Jobs, Math.Max(1, pending.Count)))
                .Select(_ => Task.Run(() => WorkerLoop(tournament, textFile, queue, () => Volatile.Read(ref remaining), () => Interlocked.Decrement(ref remaining), sink, cancellation), cancellation))
                .ToArray();
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        finally
        {
            Task<Worker>? spare;
            lock (_spareGate)
            {
                spare = _spare;
                _spare = null;
            }
            if (spare is not null) (await spare.ConfigureAwait(false)).Dispose();
            try { File.Delete(textFile); } catch (IOException) { }
        }
    }

    private readonly object _spareGate = new();
    private Task<Worker>? _spare;

    /// <summary>A started worker: the spare when there is one, else a new one; either way a new spare starts.</summary>
    private async Task<Worker> Acquire(string textFile)
    {
        Task<Worker>? spare;
        lock (_spareGate)
        {
            spare = _spare;
            _spare = Task.Run(() => Start(textFile));
        }
        return spare is not null ? await spare.ConfigureAwait(false) : Start(textFile);
    }

    private async Task WorkerLoop(PreparedTournament tournament, string textFile, ConcurrentQueue<int> queue, Func<int> remaining, Action finished, IResultSink sink, CancellationToken cancellation)
    {
        Worker? worker = null;
        var outstanding = new Queue<int>();
        try
        {
            while (!cancellation.IsCancellationRequested && remaining() > 0)
            {
                worker ??= await Acquire(textFile).ConfigureAwait(false);
                while (outstanding.Count < Window && queue.TryDequeue(out int next))
                {
                    outstanding.Enqueue(next);
                    await worker.Input.WriteLineAsync(next.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                }
                if (outstanding.Count == 0)
                {
                    // Others hold the last negotiations; one of them may yet come back to the queue.
                    await Task.Delay(20, cancellation).ConfigureAwait(false);
                    continue;
                }
                await worker.Input.FlushAsync(cancellation).ConfigureAwait(false);
                string? line = await worker.Output.ReadLineAsync(cancellation).ConfigureAwait(false);
                if (line is null)
                {
                    int culprit = outstanding.Dequeue();
                    string why = worker.Describe();
                    sink.Accept(NegotiationExecutor.Failed(tournament, tournament[culprit], WorkerWire.Crashed, null, $"the worker process died while running this negotiation ({why}); it was replaced"));
                    finished();
                    Requeue(outstanding, queue);
                    worker.Dispose();
                    worker = null;
                    continue;
                }
                var record = WorkerWire.Read(line);
                int expected = outstanding.Dequeue();
                if (record.Index != expected) throw new InvalidDataException($"worker answered negotiation {record.Index}, expected {expected}");
                sink.Accept(record);
                finished();
                if (record.FailureKind == WorkerWire.Hung)
                {
                    Requeue(outstanding, queue);
                    worker.Dispose();
                    worker = null;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        finally
        {
            worker?.Dispose();
        }
    }

    private static void Requeue(Queue<int> outstanding, ConcurrentQueue<int> queue)
    {
        while (outstanding.TryDequeue(out int i)) queue.Enqueue(i);
    }

    private Worker Start(string textFile)
    {
        var info = startWorker(textFile);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start a worker process ({info.FileName})");
        Interlocked.Increment(ref _started);
        return new Worker(process);
    }

    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _errors = new();

        public Worker(Process process)
        {
            _process = process;
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                _errors.Enqueue(e.Data);
                while (_errors.Count > 5) _errors.TryDequeue(out string? _);
            };
            process.BeginErrorReadLine();
            Input = process.StandardInput;
            Output = process.StandardOutput;
        }

        public StreamWriter Input { get; }

        public StreamReader Output { get; }

        public string Describe()
        {
            _process.WaitForExit(2000);
            string code = _process.HasExited ? $"exit code {_process.ExitCode}" : "no exit code";
            string tail = string.Join(" | ", _errors.Where(l => l.Trim().Length > 0).TakeLast(2));
            return tail.Length == 0 ? code : $"{code}: {tail}";
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException) { }
            _process.Dispose();
        }
    }
}
