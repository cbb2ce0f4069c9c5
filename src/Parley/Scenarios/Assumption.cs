namespace Parley.Scenarios;

/// <summary>
/// A number in a scenario file that is a modelling choice, written <c>{value, range, source}</c>: what the robustness
/// analysis (<c>parley report --robustness</c>) varies over <see cref="Low"/>..<see cref="High"/>.
/// </summary>
/// <param name="What">Which number it is, in words (e.g. "party 'Israel' 'reservedValue'").</param>
/// <param name="Value">The value the scenario uses.</param>
/// <param name="Low">Low end of its range.</param>
/// <param name="High">High end of its range.</param>
/// <param name="Source">Why this value and range, if given.</param>
/// <param name="CalibratedFor">The finding the value was calibrated to produce ("zone", "stickingPoints", "package:NAME", "firstZone"), if any: that finding is then an input.</param>
/// <param name="Start">Character offset of the assumption in the file's text.</param>
/// <param name="End">Character offset just after it.</param>
/// <param name="Line">Its line in the file.</param>
public sealed record Assumption(string What, double Value, double Low, double High, string? Source, string? CalibratedFor, int Start, int End, long Line)
{
    /// <summary>
    /// The party whose number it is (a ratifier's numbers belong to its principal; an event's <c>change</c> to the
    /// party it moves), or null for a number of the scenario as a whole. <c>report --robustness</c> varies a mediator's
    /// numbers only for the mediated runs: no other finding reads them.
    /// </summary>
    public string? Party { get; init; }
}
