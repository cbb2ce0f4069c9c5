using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace Parley.Cli.Parsing;

/// <summary>Turns a parse or configuration error of Spectre.Console.Cli into the one line <c>parley</c> prints: the
/// error as the user typed it, the nearest known option or command ("Did you mean '--rounds'?"), and where to find help.</summary>
internal static partial class ParseErrorText
{
    [GeneratedRegex(@"^Unknown option '(?<name>[^']+)'\.$")]
    private static partial Regex UnknownOption();

    [GeneratedRegex(@"^Could not match '(?<arg>.*)' with an argument\.$")]
    private static partial Regex StrayArgument();

    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to [^ ]+\.$")]
    private static partial Regex Unconvertible();

    [GeneratedRegex(@"Did you mean '[^']+'\?")]
    private static partial Regex Suggestion();

    /// <param name="error">What the parser threw.</param>
    /// <param name="args">The command line as given.</param>
    /// <param name="model">The app's command model, read only when the error needs it (an unknown option).</param>
    public static string OneLine(CommandAppException error, IReadOnlyList<string> args, Func<ICommandModel> model)
    {
        string message = error.Message;
        if (Unconvertible().Match(message) is { Success: true } unconvertible)
            return UnconvertibleValue(unconvertible.Groups["value"].Value, args);
        if (error is not (CommandParseException or CommandConfigurationException)) return message;
        bool unknownCommand = message.StartsWith("Unknown command", StringComparison.Ordinal);
        string help = !unknownCommand && args.Count > 0 && !args[0].StartsWith('-') ? $"see 'parley {args[0]} --help'" : "see 'parley --help'";
        if (UnknownOption().Match(message) is { Success: true } unknown
            && CommandModelLookup.CommandOf(model(), args) is { } command)
        {
            string name = string.Join(' ', Ancestry(command).Select(c => c.Name));
            string typed = AsTyped(unknown.Groups["name"].Value, args);
            return RefuseUnrecognisedArguments.UnknownOptionMessage(typed,
                Ancestry(command).SelectMany(KnownOptions.Of).ToList(), name, $"see 'parley {name} --help'");
        }
        if (StrayArgument().Match(message) is { Success: true } stray)
            message = $"Unexpected argument '{stray.Groups["arg"].Value}': it is neither an option nor an argument the command takes.";
        if (error is CommandRuntimeException { Pretty: { } pretty } && Suggestion().Match(Plain(pretty)) is { Success: true } suggestion
            && !message.Contains(suggestion.Value, StringComparison.Ordinal))
            message += " " + suggestion.Value;
        if (CommandModelLookup.CommandOf(model(), args) is { } current && SingleDashWord(args) is { } word
            && OptionSuggestion.Nearest(word, Ancestry(current).SelectMany(KnownOptions.Of).SelectMany(o => o.LongNames).Select(n => "--" + n)) is { } meant)
            message += $" '{word}' has one dash; did you mean '{meant}'?";
        return $"{message} ({help})";
    }

    /// <summary>The first word of three or more letters after a single dash (<c>-seeds</c>), which the parser reads as
    /// grouped short options but a user most likely meant as a long option.</summary>
    private static string? SingleDashWord(IReadOnlyList<string> args) =>
        args.TakeWhile(a => a != "--").Select(Spelling)
            .FirstOrDefault(a => a.Length > 3 && a[0] == '-' && a[1..].All(char.IsLetter));

    /// <summary>"'99999999999' is not a valid value for '--rounds'": the parser names the value and a CLR type
    /// (<c>Nullable`1</c>); the user needs the option, found as the word before the value or the <c>--option=value</c> word.</summary>
    internal static string UnconvertibleValue(string value, IReadOnlyList<string> args)
    {
        string? option = null;
        for (int i = 0; i < args.Count && option is null; i++)
        {
            if (args[i] == value && i > 0 && args[i - 1].StartsWith('-')) option = args[i - 1];
            else if (args[i].StartsWith('-') && (args[i].EndsWith("=" + value, StringComparison.Ordinal) || args[i].EndsWith(":" + value, StringComparison.Ordinal)))
                option = Spelling(args[i]);
        }
        string command = args.Count > 0 && !args[0].StartsWith('-') ? args[0] + " " : "";
        return option is null
            ? $"'{value}' is not a valid value here (see 'parley {command}--help')"
            : $"'{value}' is not a valid value for '{option}' (see 'parley {command}--help' for what it takes)";
    }

    /// <summary>The unknown option as the user typed it: <c>--name</c> for a long name; for a short one, the whole
    /// single-dash word it came from when that word is longer (<c>-seeds</c>, a long option typed with one dash).</summary>
    internal static string AsTyped(string name, IReadOnlyList<string> args)
    {
        if (name.Length > 1) return "--" + name;
        foreach (string arg in args.TakeWhile(a => a != "--"))
            if (arg.Length > 2 && arg[0] == '-' && arg[1] != '-' && char.IsLetter(arg[1]) && arg.AsSpan(1).Contains(name[0]))
                return Spelling(arg);
        return "-" + name;
    }

    /// <summary>The option part of a word: <c>--rounds</c> for <c>--rounds=50</c> or <c>--rounds:50</c>.</summary>
    private static string Spelling(string arg) => arg.Split('=', ':')[0];

    /// <summary>The command and the branches above it, outermost first (options of a branch apply to its commands).</summary>
    private static IEnumerable<ICommandInfo> Ancestry(ICommandInfo command)
    {
        var chain = new List<ICommandInfo>();
        for (var c = command; c is not null; c = c.Parent) chain.Insert(0, c);
        return chain;
    }

    private static string Plain(Spectre.Console.Rendering.IRenderable renderable)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 10_000;
        console.Write(renderable);
        return text.ToString();
    }
}
