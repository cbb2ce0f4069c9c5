using System.Collections.Immutable;
using System.Text;
using Parley.Agents.Negotiators;
using Parley.Analysis;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>
/// A validated tournament ready to run: its spec, the loaded scenarios, a factory per negotiator, and the plan. The plan
/// is every ordered assignment of negotiators to the seats of each scenario (without repeats unless self-play), times
/// every rotation of the profiles over the seats (when roles rotate), times the repetitions. Negotiations are computed
/// from their index, never listed, so huge plans cost no memory. Thread-safe.
/// </summary>
public sealed class PreparedTournament
{
    private readonly ImmutableArray<Func<object>> _factories;
    private readonly int[][][] _assignments;
    private readonly long[] _offsets;
    private readonly Scenario[][] _tables;
    private readonly Lazy<AnalysisReport?>[] _analyses;

    /// <summary>Prepares <paramref name="spec"/> with its loaded <paramref name="scenarios"/> and <paramref name="factories"/> (same order as the spec).</summary>
    public PreparedTournament(TournamentSpec spec, ImmutableArray<Scenario> scenarios, ImmutableArray<Func<object>> factories)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        Protocol = TournamentProtocols.Resolve(spec.Protocol);
        _factories = factories;
        int count = scenarios.Length;
        _assignments = new int[count][][];
        _offsets = new long[count + 1];
        _tables = new Scenario[count][];
        _analyses = new Lazy<AnalysisReport?>[count];
        var tables = ImmutableArray.CreateBuilder<Scenario>(count);
        for (int s = 0; s < count; s++)
        {
            var table = Protocol.Table(scenarios[s]);
            tables.Add(table);
            int seats = table.Principals.Count();
            _assignments[s] = Assignments(factories.Length, seats, spec.SelfPlay);
            int rotations = spec.RotateRoles && CanRotate(table) ? seats : 1;
            _offsets[s + 1] = _offsets[s] + (long)_assignments[s].Length * rotations * spec.Repetitions;
            _tables[s] = new Scenario[rotations];
            for (int r = 0; r < rotations; r++) _tables[s][r] = Rotate(table, r);
            var t = table;
            _analyses[s] = new Lazy<AnalysisReport?>(() => Analyse(t), LazyThreadSafetyMode.ExecutionAndPublication);
        }
        Scenarios = tables.MoveToImmutable();
        Count = _offsets[count] > int.MaxValue ? int.MaxValue : (int)_offsets[count];
    }

    /// <summary>The tournament as its file describes it.</summary>
    public TournamentSpec Spec { get; }

    /// <summary>The protocol every negotiation runs under.</summary>
    public ITournamentProtocol Protocol { get; }

    /// <summary>The scenarios as seated (unrotated), in spec order.</summary>
    public ImmutableArray<Scenario> Scenarios { get; }

    /// <summary>Number of negotiations in the plan.</summary>
    public int Count { get; }

    /// <summary>True when any negotiator comes from a user's assembly.</summary>
    public bool HasUserNegotiators => Spec.Negotiators.Any(n => n.IsUserAssembly);

    /// <summary>The negotiation at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public PlannedNegotiation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            int s = Array.BinarySearch(_offsets, index);
            s = s >= 0 ? s : ~s - 1;
            while (_offsets[s + 1] <= index) s++;
            long local = index - _offsets[s];
            int reps = Spec.Repetitions, rotations = _tables[s].Length;
            int rep = (int)(local % reps);
            int rotation = (int)(local / reps % rotations);
            int assignment = (int)(local / reps / rotations);
            var seats = ImmutableArray.Create(_assignments[s][assignment]);
            return new PlannedNegotiation(index, s, rotation, seats, rep, Seed(s, seats, rotation, rep));
        }
    }

    /// <summary>The scenario with its parties rotated for <paramref name="negotiation"/>: seat order.</summary>
    public Scenario Table(PlannedNegotiation negotiation) => _tables[negotiation.Scenario][negotiation.Rotation];

    /// <summary>Fresh competitors (of the protocol's principal type) for the seats of <paramref name="negotiation"/>.</summary>
    public object[] CreateNegotiators(PlannedNegotiation negotiation)
    {
        var seats = new object[negotiation.Seats.Length];
        for (int i = 0; i < seats.Length; i++) seats[i] = _factories[negotiation.Seats[i]]();
        return seats;
    }

    /// <summary>The scenario's deal-space analysis (frontier and Nash point, unrotated party order), computed once on first use; null when it cannot be analysed.</summary>
    public AnalysisReport? Analysis(int scenario) => _analyses[scenario].Value;

    private static AnalysisReport? Analyse(Scenario table)
    {
        try { return ScenarioAnalyzer.Analyze(table); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OutOfMemoryException) { return null; }
    }

    private int Seed(int scenario, ImmutableArray<int> seats, int rotation, int repetition)
    {
        var text = new StringBuilder();
        text.Append(Spec.Scenarios[scenario].Name).Append('\n');
        foreach (int seat in seats) text.Append(Spec.Negotiators[seat].Name).Append('\n');
        text.Append(rotation).Append('\n').Append(repetition);
        return SeedMixer.Mix(Spec.Seed, text.ToString());
    }

    /// <summary>
    /// Whether the profiles can rotate over the seats: not when the scenario has channels or timeline events, which name
    /// parties by position (such a scenario runs in its own seating only).
    /// </summary>
    internal static bool CanRotate(Scenario table) => table.Channels is null && table.Timeline.Events.IsDefaultOrEmpty;

    /// <summary>The table with its principals rotated over the principal places (mediators stay where they are).</summary>
    private static Scenario Rotate(Scenario table, int rotation)
    {
        if (rotation == 0) return table;
        var places = Enumerable.Range(0, table.Parties.Length).Where(i => table.Parties[i].Role == PartyRole.Principal).ToArray();
        var parties = table.Parties.ToArray();
        for (int k = 0; k < places.Length; k++) parties[places[k]] = table.Parties[places[(k + rotation) % places.Length]];
        return table with { Parties = [.. parties] };
    }

    /// <summary>Every ordered assignment of <paramref name="competitors"/> to <paramref name="seats"/> seats (lexicographic), without repeats unless <paramref name="selfPlay"/>.</summary>
    internal static int[][] Assignments(int competitors, int seats, bool selfPlay)
    {
        var all = new List<int[]>();
        var current = new int[seats];
        void Fill(int seat)
        {
            if (seat == seats)
            {
                all.Add((int[])current.Clone());
                return;
            }
            for (int c = 0; c < competitors; c++)
            {
                if (!selfPlay && Array.IndexOf(current, c, 0, seat) >= 0) continue;
                current[seat] = c;
                Fill(seat + 1);
            }
        }
        Fill(0);
        return [.. all];
    }
}
