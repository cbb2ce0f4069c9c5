using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Parley.Protocols;

namespace Parley.Tournaments.Running;

/// <summary>
/// Runs negotiations in <see cref="Jobs"/> worker processes (<see cref="WorkerHost"/>), each fed a few plan indices ahead
/// over a private channel (<see cref="WorkerChannel"/>; the workers' stdout and stderr are user code's and are only
/// drained). Every report is checked against the negotiation asked for and its utilities are computed here from the
/// scenario (<see cref="WorkerWire.Accept"/>). A worker whose negotiator never returns reports the negotiation as failed
/// ("Hung") and ends; a worker that dies ("Crashed", or "MemoryLimit" when it ran out of its memory cap) fails the
/// negotiation it was running, blamed on the seat it names before dying or else on the only user negotiator at the table;
/// a worker that sends a report not matching what it was asked fails that negotiation ("Tampered"). Each time the worker
/// is replaced and the other negotiations it had been given run again elsewhere, so every negotiation is reported exactly
/// once and the run goes on. One spare worker is kept started and ready, so a replacement costs no start-up time.
/// </summary>
/// <param name="jobs">Number of worker processes.</param>
/// <param name="startWorker">Start information of one worker for the tournament text stored at the given file path; the
/// runner appends <c>--channel PATH</c> to its arguments and sets its environment (token, memory cap).</param>
/// <param name="memoryLimit">Cap on each worker's managed heap in bytes (the runtime's <c>GCHeapHardLimit</c>); null for <see cref="DefaultMemoryLimit"/>.</param>
public sealed class ProcessRunner(int jobs, Func<string, ProcessStartInfo> startWorker, long? memoryLimit = null) : ITournamentRunner
{
    private const int Window = 4;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Number of worker processes.</summary>
    public int Jobs { get; } = jobs >= 1 ? jobs : throw new ArgumentOutOfRangeException(nameof(jobs), jobs, "expected at least one job");

    /// <summary>Cap on each worker's managed heap, in bytes.</summary>
    public long MemoryLimit { get; } = memoryLimit is { } m ? (m >= 16L << 20 ? m : throw new ArgumentOutOfRangeException(nameof(memoryLimit), m, "expected at least 16 MiB")) : DefaultMemoryLimit(jobs);

    /// <summary>The default cap: three quarters of the memory this process may use, shared by the workers and the spare,
    /// at most 4 GiB and at least 256 MiB each.</summary>
    public static long DefaultMemoryLimit(int jobs)
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long share = available / 4 * 3 / (Math.Max(1, jobs) + 1);
        return Math.Clamp(share, 256L << 20, 4L << 30);
    }

    /// <summary>Workers started so far (replacements included).</summary>
    public int WorkersStarted => _started;

    private int _started;

    public async Task RunAsync(PreparedTournament tournament, IReadOnlyList<int> pending, IResultSink sink, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(sink);
        string folder = WorkerChannel.CreateFolder();
        string textFile = Path.Combine(folder, "tournament.yaml");
        await File.WriteAllTextAsync(textFile, tournament.Spec.Text, cancellation).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        try
        {
            var queue = new ConcurrentQueue<int>(pending);
            int remaining = pending.Count;
            var loops = Enumerable.Range(0, Math.Min(Jobs, Math.Max(1, pending.Count)))
                .Select(_ => Task.Run(async () =>
                {
                    try
                    {
                        await WorkerLoop(tournament, textFile, queue, () => Volatile.Read(ref remaining), () => Interlocked.Decrement(ref remaining), sink, stop.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        // One loop's fault ends the run: the others must not wait for negotiations it held.
                        await stop.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                }, cancellation))
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
            if (spare is not null)
            {
                try { (await spare.ConfigureAwait(false)).Dispose(); }
                catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception) { }
            }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private readonly object _spareGate = new();
    private Task<Worker>? _spare;

    /// <summary>A started worker: the spare when there is one, else a new one; either way a new spare starts.</summary>
    private async Task<Worker> Acquire(string textFile, CancellationToken cancellation)
    {
        Task<Worker>? spare;
        lock (_spareGate)
        {
            spare = _spare;
            _spare = Task.Run(() => Start(textFile, cancellation));
        }
        if (spare is not null)
        {
            try { return await spare.ConfigureAwait(false); }
            catch (IOException) { /* the spare never came up; start one now, which reports why if it fails too */ }
        }
        return await Start(textFile, cancellation).ConfigureAwait(false);
    }

    private async Task WorkerLoop(PreparedTournament tournament, string textFile, ConcurrentQueue<int> queue, Func<int> remaining, Action finished, IResultSink sink, CancellationToken cancellation)
    {
        Worker? worker = null;
        var outstanding = new Queue<int>();
        try
        {
            while (!cancellation.IsCancellationRequested && remaining() > 0)
            {
                worker ??= await Acquire(textFile, cancellation).ConfigureAwait(false);
                string? line;
                try
                {
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
                    line = await worker.Output.ReadLineAsync(WorkerWire.MaxLine, cancellation).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    line = null; // the worker's end is gone: it died
                }
                catch (InvalidDataException e)
                {
                    Replace(tournament, outstanding, queue, sink, finished, worker, WorkerWire.Tampered, $"its worker sent {e.Message}");
                    worker = null;
                    continue;
                }
                if (line is null)
                {
                    var (kind, why) = worker.Death(MemoryLimit);
                    Replace(tournament, outstanding, queue, sink, finished, worker, kind, $"the worker process died while running this negotiation ({why}); it was replaced");
                    worker = null;
                    continue;
                }
                var planned = tournament[outstanding.Peek()];
                var report = WorkerWire.Read(line, out string? problem);
                var record = report is null ? null : WorkerWire.Accept(tournament, planned, report, out problem);
                if (record is null)
                {
                    Replace(tournament, outstanding, queue, sink, finished, worker, WorkerWire.Tampered, $"its worker's report does not match the negotiation ({problem}); the worker was replaced");
                    worker = null;
                    continue;
                }
                outstanding.Dequeue();
                sink.Accept(record);
                finished();
                if (record.FailureKind is WorkerWire.Hung or WorkerWire.Crashed or WorkerWire.MemoryLimit)
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

    /// <summary>Fails the negotiation the worker was running (the first outstanding), blamed on the seat the worker's
    /// <see cref="CallBoard"/> shows inside a call, else on its only user negotiator when there is one; ends the worker and puts the rest of its negotiations back in the queue.</summary>
    private static void Replace(PreparedTournament tournament, Queue<int> outstanding, ConcurrentQueue<int> queue, IResultSink sink, Action finished, Worker worker, string kind, string reason)
    {
        if (outstanding.TryDequeue(out int culprit))
        {
            var planned = tournament[culprit];
            int? seat = worker.SeatInCall(culprit) is { } s && s < planned.Seats.Length ? s : UserSeat(tournament, planned);
            sink.Accept(NegotiationExecutor.Failed(tournament, planned, kind, seat, reason));
            finished();
        }
        worker.Dispose();
        Requeue(outstanding, queue);
    }

    /// <summary>The first seat of the negotiation's user negotiator when only one user negotiator sits at the table, else null.</summary>
    internal static int? UserSeat(PreparedTournament tournament, PlannedNegotiation planned)
    {
        int? first = null;
        for (int s = 0; s < planned.Seats.Length; s++)
        {
            if (!tournament.Spec.Negotiators[planned.Seats[s]].IsUserAssembly) continue;
            if (first is null) first = s;
            else if (planned.Seats[s] != planned.Seats[first.Value]) return null;
        }
        return first;
    }

    private static void Requeue(Queue<int> outstanding, ConcurrentQueue<int> queue)
    {
        while (outstanding.TryDequeue(out int i)) queue.Enqueue(i);
    }

    private async Task<Worker> Start(string textFile, CancellationToken cancellation)
    {
        var info = startWorker(textFile);
        var channel = WorkerChannel.Listen(Path.GetDirectoryName(textFile)!);
        CallBoard? board = null;
        try
        {
            info.ArgumentList.Add("--channel");
            info.ArgumentList.Add(channel.Path);
            string boardPath = channel.Path + ".board";
            info.ArgumentList.Add("--board");
            info.ArgumentList.Add(boardPath);
            board = CallBoard.Create(boardPath);
            info.Environment[WorkerChannel.TokenVariable] = channel.Token;
            info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + MemoryLimit.ToString("X", CultureInfo.InvariantCulture);
            info.RedirectStandardInput = true;
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            info.UseShellExecute = false;
            var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start a worker process ({info.FileName})");
            Interlocked.Increment(ref _started);
            var worker = new Worker(process, board, boardPath);
            board = null;
            try
            {
                worker.Connect(await channel.AcceptAsync(() => process.HasExited, ConnectTimeout, cancellation).ConfigureAwait(false));
            }
            catch (IOException e)
            {
                string why = worker.Death(MemoryLimit).Why;
                worker.Dispose();
                throw new IOException($"a worker process did not start: {e.Message} ({why})", e);
            }
            catch
            {
                worker.Dispose();
                throw;
            }
            return worker;
        }
        finally
        {
            channel.Dispose();
            board?.Dispose();
        }
    }

    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private const int TailBytes = 4096;
        private readonly byte[] _tail = new byte[TailBytes];
        private readonly Task _stderr;
        private readonly CallBoard _board;
        private long _tailWritten;
        private readonly string _boardPath;
        private Stream? _channel;

        public Worker(Process process, CallBoard board, string boardPath)
        {
            _process = process;
            _board = board;
            _boardPath = boardPath;
            // Whatever user code writes to stdout is drained and dropped: it never reaches the results. Of stderr only the
            // last few KiB are kept, for the reason of a crash. Both are read as bytes: an endless line costs no memory.
            _ = Drain(process.StandardOutput.BaseStream, null);
            _stderr = Drain(process.StandardError.BaseStream, this);
            process.StandardInput.Close();
        }

        private static async Task Drain(Stream stream, Worker? keepTail)
        {
            var buffer = new byte[8192];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    if (keepTail is null) continue;
                    lock (keepTail._tail)
                    {
                        for (int i = 0; i < read; i++) keepTail._tail[(keepTail._tailWritten + i) % TailBytes] = buffer[i];
                        keepTail._tailWritten += read;
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        }

        /// <summary>The last lines the worker wrote to stderr.</summary>
        private List<string> ErrorLines()
        {
            byte[] bytes;
            lock (_tail)
            {
                int count = (int)Math.Min(_tailWritten, TailBytes);
                bytes = new byte[count];
                for (int i = 0; i < count; i++) bytes[i] = _tail[(_tailWritten - count + i) % TailBytes];
            }
            return [.. System.Text.Encoding.UTF8.GetString(bytes).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Length > 300 ? l[..300] + "…" : l).TakeLast(5)];
        }

        public void Connect(Stream channel)
        {
            _channel = channel;
            Input = new StreamWriter(channel, new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            Output = new ChannelLineReader(channel);
        }

        public StreamWriter Input { get; private set; } = StreamWriter.Null;

        /// <summary>The seat the worker said was inside a call of negotiation <paramref name="index"/> (read it before <see cref="Dispose"/>).</summary>
        public int? SeatInCall(int index) => _board.SeatInCall(index);

        public ChannelLineReader Output { get; private set; } = new(Stream.Null);

        /// <summary>The failure kind and the words for a worker that died: its exit code and the last lines of its stderr.</summary>
        public (string Kind, string Why) Death(long memoryLimit)
        {
            _process.WaitForExit(2000);
            _stderr.Wait(1000);
            string code = !_process.HasExited ? "no exit code"
                : _process.ExitCode > 128 && !OperatingSystem.IsWindows() ? $"exit code {_process.ExitCode}: killed by signal {_process.ExitCode - 128}"
                : $"exit code {_process.ExitCode}";
            var lines = ErrorLines();
            bool memory = lines.Any(l => l.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal));
            string tail = string.Join(" | ", lines.TakeLast(2));
            string why = tail.Length == 0 ? code : $"{code}: {tail}";
            return memory
                ? (WorkerWire.MemoryLimit, $"{why}; it ran out of its memory cap of {memoryLimit / (1 << 20):N0} MiB ('workerMemory')")
                : (WorkerWire.Crashed, why);
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
            _channel?.Dispose();
            _process.Dispose();
            _board.Dispose();
            try { File.Delete(_boardPath); } catch (IOException) { }
        }
    }
}
