using Spectre.Console;
using Spectre.Console.Rendering;

namespace Parley.Cli.Output;

/// <summary>
/// How wide the CLI's tables are: the terminal's width, or <c>COLUMNS</c> when set (tables fit it, wrapping between
/// words); piped (redirected) output without <c>COLUMNS</c> gets the plain layout: no width limit, so no cell is ever
/// wrapped or cut, one row a line, and headings as plain lines instead of rules drawn across the screen. A table too
/// wide for its console even with every cell wrapped between words is written as one block per row ("Header: value"
/// lines) instead of breaking words in narrow columns.
/// </summary>
public static class ConsoleLayout
{
    /// <summary>The width of the plain layout: wider than any table the CLI draws.</summary>
    public const int PlainWidth = 10_000;

    /// <summary>Narrowest and widest <c>COLUMNS</c> honoured.</summary>
    public const int MinColumns = 20;

    /// <summary>Sets <paramref name="console"/>'s width from <paramref name="columns"/> (the <c>COLUMNS</c> variable) or, for redirected output, to the plain layout.</summary>
    public static IAnsiConsole Configure(IAnsiConsole console, string? columns, bool redirected)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int width) && width >= MinColumns)
            console.Profile.Width = Math.Min(width, PlainWidth);
        else if (redirected)
            console.Profile.Width = PlainWidth;
        return console;
    }

    /// <summary>True when <paramref name="console"/> has the plain layout.</summary>
    public static bool IsPlain(IAnsiConsole console) => console.Profile.Width >= PlainWidth;

    /// <summary>A section heading: a rule across the console, or in the plain layout a line of its own.</summary>
    public static void Heading(IAnsiConsole console, string markup)
    {
        // A rule cuts a title longer than the console: such a title gets a line of its own.
        if (IsPlain(console) || Markup.Remove(markup).Length + 6 > console.Profile.Width) console.MarkupLine(markup);
        else console.Write(new Rule(markup).LeftJustified());
    }

    /// <summary>Writes <paramref name="table"/> as a table when it fits without breaking a word, else one block per row.</summary>
    public static void Write(IAnsiConsole console, Table table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        int width = console.Profile.Width;
        if (IsPlain(console) || ((IRenderable)table).Measure(RenderOptions.Create(console), width).Min <= width)
        {
            console.Write(table);
            return;
        }
        if (table.Title is { } title) console.MarkupLine($"[bold]{Markup.Escape(title.Text)}[/]");
        string[] headers = [.. table.Columns.Select(c => PlainText(console, c.Header))];
        foreach (var row in table.Rows)
        {
            var grid = new Grid().AddColumn(new GridColumn().PadRight(1)).AddColumn();
            int column = 0;
            foreach (var cell in row)
            {
                if (headers[column].Length > 0) grid.AddRow(new Text(headers[column] + ":"), cell);
                column++;
            }
            console.Write(grid);
            console.WriteLine();
        }
    }

    private static string PlainText(IAnsiConsole console, IRenderable renderable) =>
        string.Concat(renderable.Render(RenderOptions.Create(console), PlainWidth).Where(s => !s.IsControlCode).Select(s => s.IsLineBreak ? " " : s.Text)).Trim();
}
