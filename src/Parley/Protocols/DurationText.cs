using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Protocols;

/// <summary>Parses durations as people type them: "3s", "500ms", "1.5s", "2m", "250us".</summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(us|µs|ms|s|m|min)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>The longest duration accepted: 100 days (beyond it no deadline is meant, and TimeSpan arithmetic overflows).</summary>
    public const long MaxTicks = 100 * TimeSpan.TicksPerDay;

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration, or is shorter than one tick (100 ns) or longer than 100 days.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        double value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        double ticks = value * m.Groups[2].Value.ToLowerInvariant() switch
        {
            "us" or "µs" => TimeSpan.TicksPerMicrosecond,
            "ms" => TimeSpan.TicksPerMillisecond,
            "m" or "min" => TimeSpan.TicksPerMinute,
            _ => TimeSpan.TicksPerSecond,
        };
        if (!(ticks >= 1 && ticks <= MaxTicks)) return false;
        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }
}
