using System.Text;

namespace Parley.Cli.Commands;

/// <summary>Where a command writes (<c>--out</c>): checked before any work, written after the result is shown, so a bad
/// path never costs a computed result.</summary>
public static class OutputPath
{
    /// <summary>Why <paramref name="path"/> cannot receive a file, or null when it can (missing parent folders are created).</summary>
    public static string? ProblemWithFile(string option, string path) =>
        Directory.Exists(path) ? $"{option} '{path}' is a folder; expected a file path" : null;

    /// <summary>
    /// Why <paramref name="path"/> cannot receive a new file, or null when it can: every command that writes a file
    /// (<c>--out</c>, <c>-o</c>, <c>--csv</c>) refuses to replace an existing one unless <c>--force</c> is given, and says
    /// so before doing any work.
    /// </summary>
    public static string? ProblemWithFile(string option, string path, bool force) =>
        ProblemWithFile(option, path) ?? (File.Exists(path) && !force ? ExistsMessage(option, path) : null);

    /// <summary>The one refusal of an existing output: "--out 'run.json' exists; pass --force to overwrite it".</summary>
    public static string ExistsMessage(string option, string path) => $"{option} '{path}' exists; pass --force to overwrite it";

    /// <summary>Why <paramref name="path"/> cannot receive a folder of files, or null when it can.</summary>
    public static string? ProblemWithFolder(string option, string path) =>
        File.Exists(path) ? $"{option} '{path}' is a file; expected a folder (created if missing)" : null;

    /// <summary>
    /// Writes <paramref name="path"/> (creating missing parent folders) with <paramref name="write"/>, streamed to a temporary
    /// file next to it that is moved into place when complete: a failure half-way leaves no half-written file and keeps
    /// any file already there.
    /// </summary>
    public static void WriteFile(string path, Action<TextWriter> write) => Writing(path, () =>
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
                write(writer);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    });

    /// <summary>Runs <paramref name="write"/>, which writes to <paramref name="path"/>; a refusal of the file system
    /// (permissions, a full disk, a file where a folder should be) is the user's to fix and is reported naming the path.</summary>
    public static T Writing<T>(string path, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"{path}: cannot write: {e.Message}");
        }
    }

    private static void Writing(string path, Action write) => Writing(path, () => { write(); return 0; });
}
