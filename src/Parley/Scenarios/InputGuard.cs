using System.Xml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Parley.Scenarios;

/// <summary>
/// Checks a scenario file's shape before it is parsed into a tree, so that no input can exhaust the stack or the
/// machine: nesting deeper than <see cref="MaxDepth"/> and YAML aliases expanding beyond <see cref="MaxYamlNodes"/> nodes
/// are refused with a <see cref="ScenarioFormatException"/> naming the file and the line. Both scans stream the input
/// (YamlDotNet's parser and <see cref="XmlReader"/> keep their own stacks), so they are safe on any input.
/// </summary>
public static class InputGuard
{
    /// <summary>Deepest nesting of lists, mappings or elements a scenario file may have; real scenarios need fewer than 10.</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Most YAML nodes a document may have once every alias is expanded: a bound on "billion laughs" files and on the
    /// time and memory of building the document (the largest ANAC scenario written as YAML has about 3,000).
    /// </summary>
    public const long MaxYamlNodes = 1_000_000;

    /// <summary>
    /// Parses YAML text into a document tree after <see cref="CheckYaml"/>; every parser failure (YamlDotNet also throws
    /// <see cref="ArgumentException"/> and <see cref="InvalidOperationException"/> on some malformed input) becomes a
    /// <see cref="ScenarioFormatException"/> naming the file and, where known, the line.
    /// </summary>
    public static YamlStream ParseYaml(string file, string text)
    {
        CheckYaml(file, text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is { } i && e.Message.Contains("Exception during deserialization", StringComparison.Ordinal) ? i : e;
            throw new ScenarioFormatException(file, YamlErrorPosition(text, e), $"malformed YAML: {inner.Message}{TabHint(e)}", e);
        }
        catch (Exception e) when (IsParserFailure(e))
        {
            throw new ScenarioFormatException(file, null, $"malformed YAML: the YAML parser stopped ({e.Message})", e);
        }
    }

    /// <summary>
    /// Where a YAML syntax error is, as "line L, column C". YamlDotNet reports a tab used as indentation at the start of
    /// the mapping or scalar it was scanning, lines before the tab; the tab itself (the first one in the indentation of a
    /// line from there on) is where the user has to look.
    /// </summary>
    public static string YamlErrorPosition(string text, YamlException e)
    {
        long line = e.Start.Line, column = e.Start.Column;
        if (IsTabError(e) && FirstIndentingTab(text, line) is { } tab) (line, column) = tab;
        return $"line {line}, column {column}";
    }

    private static bool IsTabError(YamlException e) => e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase);

    private static string TabHint(YamlException e) => IsTabError(e) ? " YAML indents with spaces only; replace the tab with spaces" : "";

    private static (long Line, long Column)? FirstIndentingTab(string text, long fromLine)
    {
        long line = 1;
        foreach (var content in text.AsSpan().EnumerateLines())
        {
            if (line >= fromLine)
                for (int i = 0; i < content.Length && content[i] is ' ' or '\t' or '-'; i++)
                    if (content[i] == '\t') return (line, i + 1);
            line++;
        }
        return null;
    }

    private static bool IsParserFailure(Exception e) =>
        e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException;

    /// <summary>Refuses YAML that nests deeper than <see cref="MaxDepth"/>, or whose aliases expand to more than <see cref="MaxYamlNodes"/> nodes or refer to a node that contains them.</summary>
    public static void CheckYaml(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Nodes)>();
        var expanded = new Dictionary<string, long>(StringComparer.Ordinal);
        var unfinished = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;

        // Every node is counted once where it appears: a scalar or a collection's start as 1, an alias as the size of the
        // node it repeats. Open collections also count their own size, for the anchors they may carry.
        void Count(long nodes, Mark at)
        {
            total += nodes;
            if (total > MaxYamlNodes)
                throw new ScenarioFormatException(file, $"line {at.Line}, column {at.Column}", $"more than {MaxYamlNodes:N0} values, keys and lists (aliases expanded); expected a scenario of at most that size, without alias bombs");
            if (open.Count > 0)
            {
                var (anchor, size) = open.Pop();
                open.Push((anchor, size + nodes));
            }
        }

        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty) expanded[scalar.Anchor.Value] = 1;
                        Count(1, scalar.Start);
                        break;
                    case NodeEvent { } start when start is SequenceStart or MappingStart:
                        if (open.Count >= MaxDepth)
                            throw new ScenarioFormatException(file, $"line {start.Start.Line}, column {start.Start.Column}", $"lists and mappings nested more than {MaxDepth} levels deep; expected a scenario (a few levels)");
                        string? anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                        if (anchor is not null) unfinished.Add(anchor);
                        Count(1, start.Start);
                        open.Push((anchor, 1));
                        break;
                    case SequenceEnd or MappingEnd:
                        var (name, size) = open.Pop();
                        if (open.Count > 0)
                        {
                            var (parent, parentSize) = open.Pop();
                            open.Push((parent, parentSize + size - 1));
                        }
                        if (name is not null)
                        {
                            unfinished.Remove(name);
                            expanded[name] = size;
                        }
                        break;
                    case AnchorAlias alias:
                        if (unfinished.Contains(alias.Value.Value))
                            throw new ScenarioFormatException(file, $"line {alias.Start.Line}, column {alias.Start.Column}", $"alias *{alias.Value.Value} refers to a node that contains it; expected a finite document");
                        Count(expanded.TryGetValue(alias.Value.Value, out long n) ? n : 1, alias.Start);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Malformed YAML: the reader's own parse reports it, with its line and column.
        }
        catch (Exception e) when (IsParserFailure(e))
        {
            // YamlDotNet's scanner fails this way on some malformed input (found by ScenarioFuzzTests).
            var at = parser.Current?.Start;
            throw new ScenarioFormatException(file, at is { } m ? $"after line {m.Line}, column {m.Column}" : null, $"malformed YAML: the YAML parser stopped ({e.Message})", e);
        }
    }

    /// <summary>Most elements a scenario XML file may have (the largest ANAC file has about 2,000).</summary>
    public const long MaxXmlElements = 1_000_000;

    /// <summary>Refuses XML whose elements nest deeper than <see cref="MaxDepth"/> or number more than <see cref="MaxXmlElements"/> (read with the reader's settings: no DTD, no resolver).</summary>
    internal static void CheckXml(string file, XmlReaderSettings settings)
    {
        using var stream = File.OpenRead(file);
        using var reader = XmlReader.Create(stream, settings);
        long elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && ++elements > MaxXmlElements)
            {
                var at = (IXmlLineInfo)reader;
                throw new ScenarioFormatException(file, $"line {at.LineNumber}", $"more than {MaxXmlElements:N0} elements; expected a scenario of at most that size");
            }
            if (reader.Depth > MaxDepth)
            {
                var info = (IXmlLineInfo)reader;
                throw new ScenarioFormatException(file, $"line {info.LineNumber}", $"elements nested more than {MaxDepth} levels deep; expected a scenario (a few levels)");
            }
        }
    }
}
