namespace Parley.Scenarios;

/// <summary>
/// A scenario file or folder that cannot be read. The message names the file, the element or line, and what was expected;
/// it is meant for the user as it is.
/// </summary>
public sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException(string file, string? where, string problem, Exception? inner = null)
        : base(Compose(file, where, problem), inner)
    {
        File = file;
        Where = where;
        Problem = problem;
    }

    public string File { get; }
    public string? Where { get; }
    public string Problem { get; }

    private static string Compose(string file, string? where, string problem) =>
        where is null ? $"{file}: {problem}" : $"{file}: {where}: {problem}";
}
