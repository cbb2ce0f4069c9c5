using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Analysis;

/// <summary>
/// The issue values a zone of agreement may use at a time t: every value that no principal's red line covers and that no
/// timeline event has withdrawn by t. Red lines and withdrawals forbid single values, so the feasible packages are a
/// product of allowed values per issue (a sub-box of the outcome space). Immutable.
/// </summary>
public sealed class FeasibleValues
{
    private readonly bool[]?[] _forbidden; // per issue; null = every value allowed
    private readonly SlotRule[] _rules;

    private FeasibleValues(OutcomeSpace space, bool[]?[] forbidden, SlotRule[] rules)
    {
        Space = space;
        _forbidden = forbidden;
        _rules = rules;
        IsUnrestricted = forbidden.All(f => f is null) && rules.Length == 0;
        IsEmpty = forbidden.Any(f => f is not null && f.All(x => x));
    }

    /// <summary>
    /// True when rules over combinations of values (principals' and the scenario's <see cref="SlotRule"/>s) restrict the
    /// packages too: the feasible packages are then no longer a product of allowed values, and per-value methods
    /// (<see cref="Allows(int, int)"/>, penalised score tables) do not see them; <see cref="Allows(ReadOnlySpan{int})"/>
    /// and <see cref="OutcomeMask"/> do.
    /// </summary>
    public bool HasRules => _rules.Length > 0;

    /// <summary>The rules over combinations of values that restrict the packages (see <see cref="HasRules"/>).</summary>
    internal IReadOnlyList<SlotRule> Rules => _rules;

    /// <summary>The space the values belong to.</summary>
    public OutcomeSpace Space { get; }

    /// <summary>True when every value of every issue is allowed.</summary>
    public bool IsUnrestricted { get; }

    /// <summary>True when some issue has no allowed value left (no package is feasible).</summary>
    public bool IsEmpty { get; }

    /// <summary>
    /// The values allowed at normalised time <paramref name="t"/>: principals' red lines and withdrawn values excluded.
    /// <paramref name="relaxedIssue"/> (≥ 0) lifts the red lines on that issue (what relaxing it would allow).
    /// </summary>
    public static FeasibleValues For(Scenario scenario, double t, int relaxedIssue = -1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var space = scenario.Space;
        var forbidden = new bool[]?[space.IssueCount];
        bool[] Mask(int issue) => forbidden[issue] ??= new bool[space.Issues[issue].ValueCount];
        var rules = new List<SlotRule>();
        foreach (var party in scenario.Principals)
            foreach (var rule in party.Profile.RedLines.Rules)
                if (!rule.Slots.Contains(relaxedIssue) && !rules.Contains(rule)) rules.Add(rule);
        foreach (var party in scenario.Principals)
            foreach (var line in party.Profile.RedLines.Lines)
            {
                if (line.Issue == relaxedIssue || line.Issue >= space.IssueCount) continue;
                var mask = Mask(line.Issue);
                for (int v = line.FirstValue; v <= Math.Min(line.LastValue, mask.Length - 1); v++) mask[v] = true;
            }
        foreach (var e in scenario.Timeline.Events)
            if (e.Time <= t && e is IssueValueWithdrawn w) Mask(w.Issue)[w.Value] = true;
        return new FeasibleValues(space, forbidden, [.. rules]);
    }

    /// <summary>True when value <paramref name="value"/> of issue <paramref name="issue"/> is allowed.</summary>
    public bool Allows(int issue, int value) => _forbidden[issue] is not { } f || !f[value];

    /// <summary>True when every value of the package is allowed. No allocation.</summary>
    public bool Allows(ReadOnlySpan<int> values)
    {
        for (int i = 0; i < _forbidden.Length; i++)
            if (_forbidden[i] is { } f && f[values[i]]) return false;
        foreach (var rule in _rules)
            if (rule.Breaks(values)) return false;
        return true;
    }

    /// <summary>
    /// One flag per outcome of an enumerable space (index order): true when the outcome is feasible. Walks the space as an
    /// odometer; no per-outcome allocation.
    /// </summary>
    public bool[] OutcomeMask()
    {
        long count = Space.Count;
        var mask = new bool[count];
        Span<int> values = stackalloc int[Space.IssueCount];
        values.Clear();
        var radices = Space.Radices;
        for (long o = 0; o < count; o++)
        {
            mask[o] = Allows(values);
            for (int i = 0; i < values.Length; i++)
            {
                if (++values[i] < radices[i]) break;
                values[i] = 0;
            }
        }
        return mask;
    }

    /// <summary>
    /// A utility that scores infeasible packages below any feasible one (−1 − |its lowest feasible score| bound), so that
    /// searches and frontiers over it never keep them while a feasible package exists.
    /// </summary>
    internal UtilityFunction Penalised(UtilityFunction utility) => IsUnrestricted ? utility : new PenalisedUtility(utility, this);

    /// <summary>Weighted score tables of an additive utility with forbidden values pushed far below every allowed one.</summary>
    internal double[][] PenalisedTables(LinearAdditiveUtility utility)
    {
        var tables = new double[Space.IssueCount][];
        for (int i = 0; i < tables.Length; i++)
        {
            tables[i] = utility.WeightedScores(i).ToArray();
            if (_forbidden[i] is { } f)
                for (int v = 0; v < f.Length; v++) if (f[v]) tables[i][v] = Penalty;
        }
        return tables;
    }

    /// <summary>The score given to infeasible packages (far below any utility a scenario can give).</summary>
    internal const double Penalty = -1e9;

    private sealed class PenalisedUtility(UtilityFunction inner, FeasibleValues feasible) : UtilityFunction(inner.Space)
    {
        public override double Utility(ReadOnlySpan<int> values) => feasible.Allows(values) ? inner.Utility(values) : Penalty;
    }
}
