using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Parley.Cli.Parsing;

/// <summary>Reads the command model (every command with its options) of a configured app through Spectre's public
/// help interface: the app is run once with <c>--help</c> and a help provider that keeps the model and prints nothing.
/// Used only on the error path, to name the options a command does take.</summary>
internal static class CommandModelLookup
{
    public static ICommandModel Capture(Action<IConfigurator> configure)
    {
        var keeper = new ModelKeeper();
        var app = new CommandApp();
        app.Configure(configure);
        app.Configure(config =>
        {
            config.ConfigureConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }));
            config.SetHelpProvider(keeper);
        });
        app.Run(["--help"]);
        return keeper.Model ?? throw new InvalidOperationException("the command model was not captured");
    }

    /// <summary>The command named by the leading words of <paramref name="args"/> (<c>negotiate</c>, or a sub-command of
    /// a branch), or null when the first word names no command.</summary>
    public static ICommandInfo? CommandOf(ICommandModel model, IReadOnlyList<string> args)
    {
        ICommandInfo? command = null;
        IReadOnlyList<ICommandInfo> candidates = model.Commands;
        foreach (string word in args)
        {
            var next = candidates.FirstOrDefault(c => c.Name.Equals(word, StringComparison.OrdinalIgnoreCase));
            if (next is null) break;
            command = next;
            candidates = next.Commands;
        }
        return command;
    }

    private sealed class ModelKeeper : IHelpProvider
    {
        public ICommandModel? Model { get; private set; }

        public IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
        {
            Model = model;
            return [];
        }
    }
}
