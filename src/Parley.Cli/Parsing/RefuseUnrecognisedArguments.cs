using Spectre.Console.Cli;

namespace Parley.Cli.Parsing;

/// <summary>Refuses, for every command, what the parser let through without applying: unknown options (named, with the
/// nearest known option suggested), arguments after <c>--</c>, and an option that takes a value given twice (only one of
/// the two would be used). Runs after parsing and before the command, so nothing is computed for a command line that
/// does not mean what the user thinks.</summary>
internal sealed class RefuseUnrecognisedArguments : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        var options = KnownOptions.Of(settings.GetType());
        string help = $"see 'parley {context.Name} --help'";
        // Words after "--" are in Raw (and, when they look like options, in Parsed too): name them as such first.
        if (context.Remaining.Raw.Count > 0)
            throw new UserErrorException(AfterEndOfOptionsMessage(context.Remaining.Raw[0], context.Name));
        if (context.Remaining.Parsed.FirstOrDefault() is { } unknown)
            throw new UserErrorException(UnknownOptionMessage(unknown.Key, options, context.Name, help));
        if (RepeatedOption(context.Arguments, options) is { } repeated)
            throw new UserErrorException($"Option '{repeated}' is given more than once; give it once ({help})");
    }

    /// <summary>The refusal of a word after <c>--</c>: no command takes anything there.</summary>
    internal static string AfterEndOfOptionsMessage(string word, string command) =>
        $"Unexpected argument '{word}' after '--': '{command}' takes nothing there (see 'parley {command} --help')";

    /// <summary>"Unknown option '--round'. Did you mean '--rounds'?", or the list of known options when none is close.</summary>
    internal static string UnknownOptionMessage(string typed, IReadOnlyList<KnownOption> options, string command, string help)
    {
        var visible = options.Where(o => !o.Hidden).ToList();
        string message = $"Unknown option '{typed}'.";
        if (OptionSuggestion.Nearest(typed, visible.SelectMany(o => o.Spellings).Append("--help")) is { } nearest)
            return $"{message} Did you mean '{nearest}'? ({help})";
        return visible.Count == 0
            ? $"{message} '{command}' takes no options ({help})"
            : $"{message} '{command}' takes {string.Join(", ", visible.Select(o => o.Display))} ({help})";
    }

    /// <summary>The first single-valued option that occurs twice before <c>--</c>, as the user spelt it, or null.</summary>
    internal static string? RepeatedOption(IEnumerable<string> arguments, IReadOnlyList<KnownOption> options)
    {
        var seen = new HashSet<KnownOption>();
        foreach (string token in arguments)
        {
            if (token == "--") break;
            if (!token.StartsWith('-')) continue;
            int separator = token.IndexOfAny(['=', ':']);
            string spelling = separator < 0 ? token : token[..separator];
            var option = options.FirstOrDefault(o => o.Spellings.Contains(spelling));
            if (option is null || !option.TakesValue || option.Repeatable) continue;
            if (!seen.Add(option)) return spelling;
        }
        return null;
    }
}
