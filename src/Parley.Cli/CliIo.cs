using Spectre.Console;

namespace Parley.Cli;

/// <summary>Where the CLI writes: tables and progress to <see cref="Console"/>, machine-readable JSON to <see cref="Out"/>, errors to <see cref="Error"/>.</summary>
public sealed record CliIo(IAnsiConsole Console, TextWriter Out, TextWriter Error);
