using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Protocols;

/// <summary>Parses durations as people type them: "3s", "500ms", "1.5s", "2m", "250us".</summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(us|µs|ms|s|m|min)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        double value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        duration = m.Groups[2].Value.ToLowerInvariant() switch
        {
            "us" or "µs" => TimeSpan.FromTicks((long)(value * 10)),
            "ms" => TimeSpan.FromMilliseconds(value),
            "m" or "min" => TimeSpan.FromMinutes(value),
            _ => TimeSpan.FromSeconds(value),
        };
        return duration > TimeSpan.Zero;
    }
}
