namespace Parley.Reports;

/// <summary>Options of <see cref="ReportBuilder.Build"/>.</summary>
/// <param name="Date">The date to report on (dated scenarios); overrides <paramref name="Time"/>.</param>
/// <param name="Time">Normalised time to report on when no date is given (default 0, the start).</param>
/// <param name="Seed">Seed of the mediated runs.</param>
/// <param name="MediatedRuns">Whether to run the mediated negotiations (they take the longest).</param>
public sealed record ReportOptions(DateOnly? Date = null, double Time = 0, int Seed = 0, bool MediatedRuns = true)
{
    /// <summary>Largest outcome space a report enumerates.</summary>
    public const long MaxOutcomes = 20_000_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless the time is in [0, 1].</summary>
    internal void Validate()
    {
        if (!(Time is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(Time), Time, "The report's time must be in [0, 1].");
    }
}
