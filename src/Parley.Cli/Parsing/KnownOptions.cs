using System.Collections;
using System.Reflection;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace Parley.Cli.Parsing;

/// <summary>One option a command accepts, as declared by a <see cref="CommandOptionAttribute"/> on its settings.</summary>
/// <param name="LongNames">Long names without dashes ("rounds" for <c>--rounds</c>).</param>
/// <param name="ShortNames">Short names without the dash ("r" for <c>-r</c>).</param>
/// <param name="TakesValue">Whether the option is followed by a value (<c>--rounds 50</c>) rather than being a flag.</param>
/// <param name="Repeatable">Whether the option may be given more than once (its property is a collection).</param>
/// <param name="Hidden">Whether the option is hidden from help (it is accepted, but never suggested).</param>
internal sealed record KnownOption(IReadOnlyList<string> LongNames, IReadOnlyList<string> ShortNames, bool TakesValue, bool Repeatable, bool Hidden)
{
    /// <summary>The spelling shown to users: the first long name (<c>--rounds</c>), or the first short one (<c>-r</c>).</summary>
    public string Display => LongNames.Count > 0 ? "--" + LongNames[0] : "-" + ShortNames[0];

    /// <summary>Every spelling with its dashes: <c>--rounds</c>, <c>-r</c>.</summary>
    public IEnumerable<string> Spellings => LongNames.Select(n => "--" + n).Concat(ShortNames.Select(n => "-" + n));
}

/// <summary>The options a command's settings type declares, read from its attributes (so every command, however it is
/// added, is covered without being listed here).</summary>
internal static class KnownOptions
{
    /// <summary>The options of <paramref name="settingsType"/> and its base types, the type's own first, then its base types', each in declaration order.</summary>
    public static IReadOnlyList<KnownOption> Of(Type settingsType)
    {
        var chain = new List<Type>();
        for (var t = settingsType; t is not null && t != typeof(CommandSettings); t = t.BaseType) chain.Add(t);
        var options = new List<KnownOption>();
        foreach (var type in chain)
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                if (property.GetCustomAttribute<CommandOptionAttribute>() is { } attribute)
                    options.Add(new KnownOption(
                        [.. attribute.LongNames], [.. attribute.ShortNames],
                        TakesValue: attribute.ValueName is not null || !IsFlag(property.PropertyType),
                        Repeatable: property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType),
                        Hidden: attribute.IsHidden));
        return options;
    }

    /// <summary>The options of one command as the parser's model describes it (no property types there, so none is
    /// marked repeatable).</summary>
    public static IEnumerable<KnownOption> Of(ICommandInfo command) =>
        command.Parameters.OfType<ICommandOption>().Select(o => new KnownOption(
            [.. o.LongNames], [.. o.ShortNames], TakesValue: o.ValueName is not null, Repeatable: false, Hidden: o.IsHidden));

    private static bool IsFlag(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);
}
