using System.Diagnostics;
using Spectre.Console.Testing;

namespace Parley.Cli.Tests;

/// <summary>Runs the CLI in-process (with a <see cref="TestConsole"/>) or as a real process, as a user would.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Console, string Out, string Error);

    public static Result InProcess(params string[] args)
    {
        var console = new TestConsole().Width(220);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ParleyApp.Run(args, new CliIo(console, output, error));
        return new Result(code, console.Output, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>dotnet Parley.Cli.dll args…</c> in the repository root and waits for it.</summary>
    public static Result AsProcess(params string[] args) => AsProcessIn(RepoRoot, args);

    /// <summary>Starts <c>dotnet Parley.Cli.dll args…</c> in <paramref name="workingDirectory"/> and waits for it.</summary>
    public static Result AsProcessIn(string workingDirectory, params string[] args) => AsProcessWith(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Starts <c>dotnet Parley.Cli.dll args…</c> in <paramref name="workingDirectory"/> with <paramref name="environment"/> set (a null value unsets) and waits for it.</summary>
    public static Result AsProcessWith(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        string dll = typeof(ParleyApp).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
            if (value is null) psi.Environment.Remove(name);
            else psi.Environment[name] = value;
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Wait(psi, args);
    }

    /// <summary>Starts <paramref name="psi"/> (a CLI run with <paramref name="args"/>) and waits for it, output captured.</summary>
    public static Result Wait(ProcessStartInfo psi, string[] args)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("parley " + string.Join(' ', args));
        }
        return new Result(process.ExitCode, "", stdout.Result, stderr.Result);
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static string Anac(string name) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "scenarios", "anac", name));
}
