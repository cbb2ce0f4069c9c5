using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Tournaments.Running;

/// <summary>
/// The private channel between the coordinator and one worker process: a Unix domain socket in a folder only this user
/// can enter, listened on for exactly one connection, which must first present a random token the coordinator gave the
/// worker in its environment. The worker connects before it loads any user assembly; after that the listener is gone,
/// so nothing else can join. Standard output and error stay with user code and carry nothing the coordinator reads.
/// Sockets are opened close-on-exec, so no other child process inherits an end.
/// </summary>
internal sealed class WorkerChannel : IDisposable
{
    /// <summary>Environment variable that carries the token to the worker (removed by the worker once read).</summary>
    public const string TokenVariable = "PARLEY_WORKER_TOKEN";

    private readonly Socket _listener;

    private WorkerChannel(Socket listener, string path, string token)
    {
        _listener = listener;
        Path = path;
        Token = token;
    }

    /// <summary>The socket's path, handed to the worker as <c>--channel PATH</c>.</summary>
    public string Path { get; }

    /// <summary>The token the worker must present.</summary>
    public string Token { get; }

    /// <summary>A folder for channel sockets that only this user can enter.</summary>
    public static string CreateFolder()
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant());
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    /// <summary>Listens for one worker in <paramref name="folder"/>.</summary>
    public static WorkerChannel Listen(string folder)
    {
        string path = System.IO.Path.Combine(folder, Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + ".sock");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(4);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new WorkerChannel(socket, path, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    /// <summary>
    /// The worker's connection: the first one that presents the token within <paramref name="timeout"/>. Throws
    /// <see cref="IOException"/> when <paramref name="exited"/> reports the worker gone, or on timeout.
    /// </summary>
    public async Task<Stream> AcceptAsync(Func<bool> exited, TimeSpan timeout, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        while (true)
        {
            var accepting = _listener.AcceptAsync(limit.Token).AsTask();
            while (!accepting.IsCompleted)
            {
                if (exited())
                {
                    limit.Cancel();
                    throw new IOException("the worker process ended before it connected");
                }
                try { await accepting.WaitAsync(TimeSpan.FromMilliseconds(50), limit.Token).ConfigureAwait(false); }
                catch (TimeoutException) { }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    throw new IOException($"the worker process did not connect within {timeout.TotalSeconds:0} s");
                }
            }
            var socket = await accepting.ConfigureAwait(false);
            var stream = new NetworkStream(socket, ownsSocket: true);
            string? presented;
            try { presented = await ReadLineAsync(stream, 64, limit.Token).ConfigureAwait(false); }
            catch (Exception e) when (e is IOException or InvalidDataException) { presented = null; }
            if (presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(Token)))
                return stream;
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The worker side: connects to <paramref name="path"/> and presents <paramref name="token"/>.</summary>
    public static Stream Connect(string path, string token)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try { socket.Connect(new UnixDomainSocketEndPoint(path)); }
        catch
        {
            socket.Dispose();
            throw;
        }
        var stream = new NetworkStream(socket, ownsSocket: true);
        stream.Write(Encoding.ASCII.GetBytes(token + "\n"));
        return stream;
    }

    /// <summary>One line (without its end) of at most <paramref name="max"/> bytes, read a byte at a time so nothing past it is consumed.</summary>
    private static async Task<string?> ReadLineAsync(Stream stream, int max, CancellationToken cancellation)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellation).ConfigureAwait(false) == 1)
        {
            if (one[0] == (byte)'\n') return Encoding.ASCII.GetString([.. line]);
            if (line.Count >= max) throw new InvalidDataException($"a line longer than {max} bytes");
            line.Add(one[0]);
        }
        return null;
    }

    public void Dispose()
    {
        _listener.Dispose();
        try { File.Delete(Path); } catch (IOException) { }
    }
}

/// <summary>Reads UTF-8 lines of bounded length from a channel stream, buffered.</summary>
internal sealed class ChannelLineReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;

    /// <summary>The next line (without its end), or null at the end of the stream. Throws <see cref="InvalidDataException"/>
    /// for a line longer than <paramref name="max"/> bytes.</summary>
    public async Task<string?> ReadLineAsync(int max, CancellationToken cancellation)
    {
        _line.SetLength(0);
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellation).ConfigureAwait(false);
                if (_end == 0) return _line.Length == 0 ? null : Text();
            }
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            if (_line.Length + (stop - _start) > max) throw new InvalidDataException($"a line longer than {max} bytes");
            _line.Write(_buffer, _start, stop - _start);
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0) return Text();
        }
    }

    private string Text() => Encoding.UTF8.GetString(_line.GetBuffer(), 0, (int)_line.Length);
}
