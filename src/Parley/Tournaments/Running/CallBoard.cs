using System.IO.MemoryMappedFiles;

namespace Parley.Tournaments.Running;

/// <summary>
/// A few bytes of a file both the coordinator and one worker map: the negotiation the worker runs and the seat inside a
/// call right now. When the worker dies without a word (a stack overflow, a kill by the system), the coordinator reads
/// here whom to blame. Writes are single aligned ints; they cost no allocation and no system call.
/// </summary>
internal sealed class CallBoard : IDisposable
{
    private const int Size = 8;
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private CallBoard(FileStream stream)
    {
        _file = MemoryMappedFile.CreateFromFile(stream, null, Size, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        _view = _file.CreateViewAccessor(0, Size);
    }

    /// <summary>A new board at <paramref name="path"/> (the coordinator's side): nothing running.</summary>
    public static CallBoard Create(string path)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Write(new byte[Size]);
        stream.Flush();
        var board = new CallBoard(stream);
        board._view.Write(0, -1);
        return board;
    }

    /// <summary>The board at <paramref name="path"/> (the worker's side).</summary>
    public static CallBoard Open(string path) => new(new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite));

    /// <summary>Negotiation <paramref name="index"/> runs (−1: none).</summary>
    public void Running(int index)
    {
        _view.Write(4, 0);
        _view.Write(0, index);
    }

    /// <summary>Seat <paramref name="seat"/> is inside a call.</summary>
    public void Enter(int seat) => _view.Write(4, seat + 1);

    /// <summary>No seat is inside a call.</summary>
    public void Exit() => _view.Write(4, 0);

    /// <summary>The seat inside a call of negotiation <paramref name="index"/>, or null.</summary>
    public int? SeatInCall(int index)
    {
        int running = _view.ReadInt32(0), seat = _view.ReadInt32(4) - 1;
        return running == index && seat >= 0 ? seat : null;
    }

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }
}
