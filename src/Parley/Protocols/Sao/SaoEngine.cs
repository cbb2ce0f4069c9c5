using System.Collections.Immutable;
using Parley.Agents;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Protocols.Sao;

/// <summary>
/// The SAOP loop: the only mutator of a negotiation. Asks the party whose turn it is to respond and/or propose, checks the
/// action, records it with every party's utility, and applies it to the <see cref="SaoState"/> value. The per-turn path
/// allocates nothing (transcript arrays are preallocated and grow geometrically).
/// </summary>
internal sealed class SaoEngine
{
    private readonly Scenario _scenario;
    private readonly IReadOnlyList<INegotiator> _negotiators;
    private readonly SaoOptions _options;
    private readonly TimeProvider _time;
    private readonly int _n;
    private readonly UtilityIndex[] _indices;
    private readonly Profile[] _profiles;
    private readonly OutcomeSpace _space;
    private readonly Transcript _transcript;

    public SaoEngine(Scenario scenario, IReadOnlyList<INegotiator> negotiators, SaoOptions options, TimeProvider time)
    {
        _scenario = scenario;
        _negotiators = negotiators;
        _options = options;
        _time = time;
        _n = scenario.Parties.Length;
        _profiles = new Profile[_n];
        _indices = new UtilityIndex[_n];
        for (int i = 0; i < _n; i++)
        {
            _profiles[i] = scenario.Parties[i].Profile;
            _indices[i] = UtilityIndex.For(_profiles[i].Utility);
        }
        _space = scenario.Space;
        long capacity = options.Rounds is { } r ? Math.Min((long)r * _n + 1, 1 << 16) : 256;
        _transcript = new Transcript(_n, (int)capacity);
    }

    public NegotiationResult Run()
    {
        long start = _time.GetTimestamp();
        var state = SaoState.Initial(_n);
        NegotiationFailure? failure = null;
        int walkedAway = -1;
        double t = 0;

        var history = new OfferHistory(_transcript);
        for (int i = 0; i < _n && failure is null; i++)
        {
            var context = new NegotiatorContext(i, _n, _profiles[i], history, _options, Negotiation.DeriveSeed(_options.Seed, i), _indices[i]);
            try
            {
                _negotiators[i].Initialize(context);
            }
            catch (Exception ex)
            {
                failure = Fail(i, FailureKind.Exception, $"Initialize threw {ex.GetType().Name}: {ex.Message}");
                Record(state, i, SaoAction.Fail, null);
                state = state.Apply(SaoAction.Fail);
            }
        }

        long maxSteps = _options.Rounds is { } rounds ? (long)rounds * _n : long.MaxValue;
        double limitTicks = _options.TimeLimit is { } limit ? limit.TotalSeconds * _time.TimestampFrequency : double.PositiveInfinity;
        long budgetTicks = (long)Math.Min(_options.PerTurnBudget.TotalSeconds * _time.TimestampFrequency, long.MaxValue / 2.0);

        // One timestamp per turn: the end of one turn is the start of the next (reading the clock can cost ~100 ns).
        long turnStart = _time.GetTimestamp();
        while (state.Status == SaoStatus.Running)
        {
            long elapsed = turnStart - start;
            if (state.Step >= maxSteps || elapsed >= limitTicks)
            {
                t = 1.0;
                state = state.Expire();
                break;
            }
            t = _options.Rounds is { } r ? (double)state.Step / ((double)r * _n) : Math.Min(1.0, elapsed / limitTicks);
            state = state with { Time = t };
            int party = state.Turn;
            var negotiator = _negotiators[party];

            SaoAction action;
            Outcome outcome = default;
            string? invalid = null;
            try
            {
                action = SaoAction.Offer;
                if (state.StandingOffer is { } standing && state.Proposer != party)
                {
                    var response = negotiator.Respond(state, standing);
                    switch (response)
                    {
                        case SaoResponse.Accept:
                            action = SaoAction.Accept;
                            outcome = standing;
                            break;
                        case SaoResponse.WalkAway:
                            action = SaoAction.WalkAway;
                            break;
                        case SaoResponse.Reject:
                            break;
                        default:
                            invalid = $"answered with unknown response {(int)response}";
                            break;
                    }
                }
                if (action == SaoAction.Offer && invalid is null)
                {
                    outcome = negotiator.Propose(state);
                    if (!_space.Contains(outcome))
                        invalid = $"offered outcome {outcome} outside the outcome space ({_scenario.Space.Cardinality} outcomes)";
                }
            }
            catch (Exception ex)
            {
                failure = Fail(party, FailureKind.Exception, $"threw {ex.GetType().Name}: {ex.Message}");
                Record(state, party, SaoAction.Fail, null);
                state = state.Apply(SaoAction.Fail);
                break;
            }

            long now = _time.GetTimestamp();
            long took = now - turnStart;
            turnStart = now;
            if (invalid is not null || took > budgetTicks)
            {
                failure = invalid is not null
                    ? Fail(party, FailureKind.InvalidAction, invalid)
                    : Fail(party, FailureKind.TimeBudgetExceeded,
                        $"took {took * 1000.0 / _time.TimestampFrequency:0.###} ms for one turn; the budget is {_options.PerTurnBudget.TotalMilliseconds:0.###} ms");
                Record(state, party, SaoAction.Fail, null);
                state = state.Apply(SaoAction.Fail);
                break;
            }

            if (action == SaoAction.WalkAway)
            {
                walkedAway = party;
                Record(state, party, action, null);
            }
            else
            {
                Record(state, party, action, outcome);
            }
            state = state.Apply(action, outcome);
        }

        return BuildResult(state, t, failure, walkedAway, _time.GetElapsedTime(start));
    }

    private void Record(in SaoState state, int party, SaoAction action, Outcome? outcome)
    {
        var utilities = _transcript.Append(party, state.Time, action, outcome.GetValueOrDefault());
        if (outcome is { } o)
        {
            for (int i = 0; i < utilities.Length; i++) utilities[i] = _indices[i].Utility(o);
        }
        else
        {
            utilities.Fill(double.NaN);
        }
    }

    private NegotiationFailure Fail(int party, FailureKind kind, string reason) =>
        new(party, _scenario.Parties[party].Name, kind, reason);

    private NegotiationResult BuildResult(SaoState state, double t, NegotiationFailure? failure, int walkedAway, TimeSpan elapsed)
    {
        Outcome? agreement = state.Status == SaoStatus.Agreed ? state.StandingOffer : null;
        var utilities = ImmutableArray.CreateBuilder<double>(_n);
        var raw = ImmutableArray.CreateBuilder<double>(_n);
        for (int i = 0; i < _n; i++)
        {
            var profile = _profiles[i];
            double u = agreement is { } a ? _indices[i].Utility(a) : profile.ReservedValue.At(t);
            raw.Add(u);
            utilities.Add(profile.Discount(u, t));
        }
        var values = ImmutableArray<int>.Empty;
        if (agreement is { } deal)
        {
            var v = new int[_scenario.Space.IssueCount];
            _scenario.Space.Decode(deal, v);
            values = ImmutableArray.Create(v);
        }
        var parties = ImmutableArray.CreateBuilder<string>(_n);
        var names = ImmutableArray.CreateBuilder<string>(_n);
        for (int i = 0; i < _n; i++)
        {
            parties.Add(_scenario.Parties[i].Name);
            names.Add(_negotiators[i].Name);
        }
        return new NegotiationResult
        {
            Scenario = _scenario.Name,
            Parties = parties.MoveToImmutable(),
            Negotiators = names.MoveToImmutable(),
            Status = state.Status,
            Agreement = agreement,
            AgreementValues = values,
            Utilities = utilities.MoveToImmutable(),
            UndiscountedUtilities = raw.MoveToImmutable(),
            Rounds = (state.Step + _n - 1) / _n,
            Steps = state.Step,
            EndTime = t,
            WalkedAwayBy = walkedAway,
            Failure = failure,
            Transcript = _transcript,
            Elapsed = elapsed,
        };
    }
}
