using System.Collections.Immutable;
using System.Text.Json;

namespace Parley.Plots;

/// <summary>Reads the run document written by <c>parley negotiate --out run.json</c> (or <c>--json</c>).</summary>
public static class RunReader
{
    /// <summary>Most bytes read from one run file.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="PlotInputException">The file is not a run document; the message says where and what was expected.</exception>
    public static RunRecord Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new PlotInputException($"{path}: no such file");
        if (info.Length > MaxFileBytes) throw new PlotInputException($"{path}: {info.Length:N0} bytes is larger than the {MaxFileBytes:N0} bytes a run file may have");
        using var stream = info.OpenRead();
        return Read(stream, path);
    }

    /// <summary>Reads a run document from <paramref name="stream"/>; <paramref name="name"/> names it in errors.</summary>
    public static RunRecord Read(Stream stream, string name)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 }); }
        catch (JsonException e) { throw new PlotInputException($"{name}: not JSON ({e.Message}); expected the file written by 'parley negotiate --out'"); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Expected(name, "the document", "an object");
            if (!root.TryGetProperty("offers", out var offers) || offers.ValueKind != JsonValueKind.Array)
                throw Expected(name, "'offers'", root.TryGetProperty("negotiations", out _)
                    ? "a transcript (this is a --repeat summary, which has none; write one run with --out)"
                    : "an array (the transcript written by 'parley negotiate --out')");
            var seated = Strings(root, "parties", name);
            var mediators = root.TryGetProperty("mediators", out _) ? Strings(root, "mediators", name) : [];
            // Utility vectors list every seated party; the plots show the principals'.
            int[] principal = [.. Enumerable.Range(0, seated.Length).Where(i => !mediators.Contains(seated[i]))];
            ImmutableArray<string> parties = [.. principal.Select(i => seated[i])];
            ImmutableArray<double> Principals(ImmutableArray<double> all) => all.IsEmpty ? all : [.. principal.Select(i => all[i])];
            if (parties.Length < 2) throw Expected(name, "'parties'", "at least two principals");
            var entries = ImmutableArray.CreateBuilder<RunEntry>(offers.GetArrayLength());
            // Documents list rounds from 1 (they say which transcript they keep); those written before that, without the
            // 'transcript' key, from 0. A RunEntry's round counts from 0, as in the library.
            int firstRound = root.TryGetProperty("transcript", out _) ? 1 : 0;
            int k = 0;
            foreach (var offer in offers.EnumerateArray())
            {
                string where = $"'offers[{k++}]'";
                if (offer.ValueKind != JsonValueKind.Object) throw Expected(name, where, "an object");
                var utilities = offer.TryGetProperty("utilities", out var u) && u.ValueKind == JsonValueKind.Array
                    ? Numbers(u, $"{where}.utilities", name)
                    : ImmutableArray<double>.Empty;
                if (!utilities.IsEmpty && utilities.Length != seated.Length)
                    throw Expected(name, $"{where}.utilities", $"{seated.Length} numbers, one per party");
                ImmutableArray<string> recipients = String(offer, "to", where, name) is { } to ? [to] : [];
                entries.Add(new RunEntry(
                    Int(offer, "round", where, name) - firstRound, Number(offer, "time", where, name),
                    String(offer, "party", where, name) ?? "", // null for scenario events
                    String(offer, "action", where, name) ?? "", Principals(utilities), recipients));
            }
            ImmutableArray<double>? agreement = null;
            if (root.TryGetProperty("agreement", out var a) && a.ValueKind != JsonValueKind.Null)
            {
                string field = root.TryGetProperty("undiscountedUtilities", out _) ? "undiscountedUtilities" : "utilities";
                if (!root.TryGetProperty(field, out var au) || au.ValueKind != JsonValueKind.Array) throw Expected(name, $"'{field}'", "the agreement's utility to each party");
                agreement = Principals(Numbers(au, $"'{field}'", name));
            }
            return new RunRecord(
                String(root, "scenario", "the document", name) ?? "",
                String(root, "scenarioLocation", "the document", name),
                parties, entries.MoveToImmutable(), agreement,
                root.TryGetProperty("rounds", out var rounds) && rounds.TryGetInt32(out int n) ? n : entries.Count == 0 ? 0 : entries[^1].Round + 1,
                root.TryGetProperty("endTime", out var end) && end.TryGetDouble(out double t) ? t : 1.0,
                String(root, "status", "the document", name) ?? "");
        }
    }

    private static PlotInputException Expected(string file, string element, string what) => new($"{file}: {element}: expected {what}");

    private static string? String(JsonElement parent, string property, string where, string file)
    {
        if (!parent.TryGetProperty(property, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        return e.ValueKind == JsonValueKind.String ? e.GetString() : throw Expected(file, $"{where}.{property}", "a string");
    }

    private static int Int(JsonElement parent, string property, string where, string file) =>
        parent.TryGetProperty(property, out var e) && e.TryGetInt32(out int v) && v >= 0 ? v : throw Expected(file, $"{where}.{property}", "a round number (0 or more)");

    private static double Number(JsonElement parent, string property, string where, string file) =>
        !parent.TryGetProperty(property, out var e) ? 0 : e.TryGetDouble(out double v) ? v : throw Expected(file, $"{where}.{property}", "a number");

    private static ImmutableArray<string> Strings(JsonElement parent, string property, string file)
    {
        if (!parent.TryGetProperty(property, out var e) || e.ValueKind != JsonValueKind.Array) throw Expected(file, $"'{property}'", "an array of names");
        return [.. e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Expected(file, $"'{property}'", "names (strings)"))];
    }

    private static ImmutableArray<double> Numbers(JsonElement array, string where, string file) =>
        [.. array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.TryGetDouble(out double d) ? d : throw Expected(file, where, "numbers"))];
}
