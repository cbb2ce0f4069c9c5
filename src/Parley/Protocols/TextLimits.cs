using Parley.Analysis;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>
/// What a mediator's text must respect: every principal's red lines and rules (the scenario's rules among them) and the
/// values still available. A text outside them is replaced by its basis when that is inside, else by a start text inside
/// every limit (the feasible package whose worst-off principal fares best); when no package is inside every limit, the
/// mediator puts no text (single text) or sends nothing (shuttle). So no mediator text ever crosses a red line or breaks
/// a rule. Null when the scenario has no limits (nothing to check; no cost per round).
/// </summary>
internal sealed class TextLimits
{
    /// <summary>Largest space scanned in full for the start text; beyond, a seeded sample is searched.</summary>
    private const long ScanLimit = 2_000_000;

    private readonly Scenario _scenario;
    private readonly RedLines[] _principals;
    private readonly bool _withdrawals;
    private Outcome? _start;
    private bool _searched;

    private TextLimits(Scenario scenario)
    {
        _scenario = scenario;
        _principals = [.. scenario.Principals.Select(p => p.Profile.RedLines)];
        _withdrawals = scenario.Timeline.Events.Any(e => e is IssueValueWithdrawn);
    }

    public static TextLimits? For(Scenario scenario) =>
        scenario.Principals.Any(p => !p.Profile.RedLines.IsEmpty) || scenario.Timeline.Events.Any(e => e is IssueValueWithdrawn) ? new TextLimits(scenario) : null;

    /// <summary>True when <paramref name="text"/> crosses no principal's red line or rule and uses only values available at <paramref name="t"/>.</summary>
    public bool Inside(Outcome text, double t)
    {
        var space = _scenario.Space;
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        space.Decode(text, values);
        foreach (var r in _principals) if (r.Crosses(values)) return false;
        return !_withdrawals || _scenario.Timeline.IsAvailable(values, t);
    }

    /// <summary>
    /// <paramref name="proposal"/> when inside the limits at <paramref name="t"/>; else its basis, or the start text, when
    /// inside; null when no package is inside them.
    /// </summary>
    public TextProposal? Guard(TextProposal proposal, double t)
    {
        if (Inside(proposal.Text, t)) return proposal;
        if (proposal.Basis is { } basis && Inside(basis, t)) return new TextProposal(basis, basis);
        if (Start(t) is { } start) return new TextProposal(start, proposal.Basis is { } b && Inside(b, t) ? b : null);
        return null;
    }

    /// <summary>
    /// <paramref name="text"/> when inside the limits at <paramref name="t"/>; else the start text (inside every limit), or
    /// null when no package is inside them.
    /// </summary>
    public Outcome? Guard(Outcome text, double t) => Inside(text, t) ? text : Start(t);

    private Outcome? Start(double t)
    {
        if (_searched && (_start is null || Inside(_start.Value, t))) return _start;
        _searched = true;
        // The protocol's work, not the mediator's: the runner does not charge it to the mediator's turn.
        long began = System.Diagnostics.Stopwatch.GetTimestamp();
        _start = Search(t);
        ProtocolWork.Since(began);
        return _start;
    }

    private Outcome? Search(double t)
    {
        var space = _scenario.Space;
        if (!space.IsIndexable) return null;
        var feasible = FeasibleValues.For(_scenario, t);
        if (feasible.IsEmpty) return null;
        var utilities = _scenario.Principals.Select(p => p.Profile.Utility).ToArray();
        var values = new int[space.IssueCount];
        Outcome? best = null;
        double bestMin = double.NegativeInfinity;
        void Consider()
        {
            if (!feasible.Allows(values)) return;
            double min = double.PositiveInfinity;
            foreach (var u in utilities) min = Math.Min(min, u.Utility(values));
            if (min > bestMin) (bestMin, best) = (min, space.Encode(values));
        }
        if (space.Cardinality <= ScanLimit)
        {
            long count = (long)space.Cardinality!.Value;
            for (long o = 0; o < count; o++)
            {
                space.Decode(new Outcome((ulong)o), values);
                Consider();
            }
            return best;
        }
        var random = new Random(0);
        for (int k = 0; k < 200_000; k++)
        {
            for (int i = 0; i < values.Length; i++)
            {
                int v = random.Next(space.Radices[i]);
                for (int tries = 0; tries < space.Radices[i] && !feasible.Allows(i, v); tries++) v = (v + 1) % space.Radices[i];
                values[i] = v;
            }
            Consider();
        }
        return best;
    }
}
