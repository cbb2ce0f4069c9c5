using System.Diagnostics.CodeAnalysis;
using Parley.Agents.Anac.Y2010;
using Parley.Agents.Anac.Y2011;
using Parley.Agents.Anac.Y2012;
using Parley.Agents.Anac.Y2013;
using Parley.Agents.Anac.Y2015;
using Parley.Agents.Anac.Y2016;
using Parley.Agents.Anac.Y2017;
using Parley.Agents.Anac.Y2018;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>A built-in negotiator's registry name and a one-line description (for --help).</summary>
public sealed record NegotiatorInfo(string Name, string Description);

/// <summary>Resolves built-in negotiators by name (case-insensitive), e.g. for the command line.</summary>
public static class NegotiatorRegistry
{
    private static readonly (NegotiatorInfo Info, Func<INegotiator> Create)[] Entries =
    [
        (new("boulware", "GENIUS's BoulwareNegotiationParty: target 1 − t^5, nearest bid; accepts offers worth more than its next bid."), Negotiators.Boulware),
        (new("linear", "GENIUS's time-dependent party with e = 1: target 1 − t, nearest bid; accepts offers worth more than its next bid."), Negotiators.Linear),
        (new("conceder", "GENIUS's ConcederNegotiationParty: target 1 − √t, nearest bid; accepts offers worth more than its next bid."), Negotiators.Conceder),
        (new("boulware-classic", "Parley's time-dependent rule, e = 0.2: lowest bid above a target between reserved value and best; AC_next."), Negotiators.ClassicBoulware),
        (new("linear-classic", "Parley's time-dependent rule, e = 1; AC_next."), Negotiators.ClassicLinear),
        (new("conceder-classic", "Parley's time-dependent rule, e = 2; AC_next."), Negotiators.ClassicConceder),
        (new("boulware2010", "GENIUS's TimeDependentAgentBoulware (ANAC 2010–2014 baseline), e = 0.2."), Negotiators.Boulware2010),
        (new("linear2010", "GENIUS's TimeDependentAgent with e = 1."), Negotiators.Linear2010),
        (new("conceder2010", "GENIUS's TimeDependentAgentConceder (ANAC 2010–2014 baseline), e = 2."), Negotiators.Conceder2010),
        (new("hardliner", "Never concedes: always offers its best outcome; accepts only offers as good."), Negotiators.Hardliner),
        (new("titfortat", "Relative tit-for-tat: mirrors the opponents' concession in its own utility; AC_next."), Negotiators.TitForTat),
        (new("hardheaded", "HardHeaded (ANAC 2011 winner): walks down its bid list under a Boulware target; a learning opponent model picks among close bids."), () => new HardHeaded()),
        (new("gahboninho", "Gahboninho (ANAC 2011): a bully; concedes slowly from its best bids, the slower the nicer the opponent seems, and panics only in the last rounds; bilateral."), () => new Gahboninho()),
        (new("nicetitfortat", "Nice Tit for Tat (ANAC 2011): concedes towards its estimated Nash point as far as the opponent has conceded; Bayesian opponent model; bilateral."), () => new NiceTitForTat()),
        (new("iamhaggler2011", "IAMhaggler2011 (ANAC 2011): Gaussian-process regression of the opponent's concession picks the time and utility of the best expected agreement; random bids near its target; bilateral."), () => new IAMhaggler2011()),
        (new("hardheaded-style", "Parley's HardHeaded-style negotiator: Boulware target (e = 0.1); a frequency opponent model picks the bid opponents like best near it; AC_next."), Negotiators.HardHeaded),
        (new("random", "Seeded random offers above its reserved value; AC_next."), Negotiators.Random),
        (new("nice", "Offers its best outcome; accepts any offer at least its reserved value."), Negotiators.Nice),
        (new("micro", "MiCRO: concedes one outcome for each new distinct opponent offer."), Negotiators.Micro),
        (new("agentk", "AgentK (ANAC 2010 winner): target from the estimated maximum utility of the opponent's offers; probabilistic acceptance."), () => new AgentK()),
        (new("cuhkagent", "CUHKAgent (ANAC 2012 winner): adaptive concede-to-time threshold from the discount factor and the opponent's concession; bids the opponent named most; bilateral."), () => new CuhkAgent()),
        (new("agentlg", "AgentLG (ANAC 2012): cycles through a band of its best bids that widens towards what a frequency model says the opponent likes; deterministic."), () => new AgentLG()),
        (new("thefawkes", "TheFawkes (ANAC 2013 winner): wavelet and spline prediction of the opponent's concession sets its target; a frequency model picks the bid; deterministic; bilateral."), () => new TheFawkes()),
        (new("ponpokoagent", "PonPokoAgent (ANAC 2017 winner): one of five threshold patterns; random sampled bids between the thresholds. Multilateral."), () => new PonPokoAgent()),
        (new("atlas3", "Atlas3 (ANAC 2015 winner): threshold from a game matrix of the final phase; neighbourhood/relative-utility search near it; ends offering the bids all others supported. Multilateral."), () => new Atlas3()),
        (new("parsagent", "ParsAgent (ANAC 2015): Boulware target (e = 0.15) with floor 0.7; bids near accepted bids, the values both opponents name most, or its best bid with its least important issue varied. Multilateral."), () => new ParsAgent()),
        (new("caduceus", "Caduceus (ANAC 2016 winner): best bid until 83 % of the time, then a score-weighted vote of expert agents (ParsAgent, Atlas3, …) decides to accept or whose bid to offer. Multilateral."), () => new Caduceus()),
        (new("agreeableagent2018", "AgreeableAgent2018 (ANAC 2018 winner): late Boulware target; roulette wheel over nearby bids by frequency models. Multilateral."), () => new AgreeableAgent2018()),
    ];

    /// <summary>Every built-in negotiator, in a fixed order.</summary>
    public static IReadOnlyList<NegotiatorInfo> Available { get; } = Entries.Select(e => e.Info).ToArray();

    /// <summary>Prefix of the parameterised time-dependent name: <c>timedependent:E</c> with concession exponent E ≥ 0.</summary>
    public const string TimeDependentPrefix = "timedependent:";

    /// <summary>
    /// A new instance of the negotiator called <paramref name="name"/> (case-insensitive; also
    /// <c>timedependent:E</c> for any exponent E ≥ 0, e.g. <c>timedependent:0.5</c>), or false.
    /// </summary>
    public static bool TryCreate(string name, [NotNullWhen(true)] out INegotiator? negotiator)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        foreach (var (info, create) in Entries)
        {
            if (string.Equals(info.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                negotiator = create();
                return true;
            }
        }
        if (trimmed.StartsWith(TimeDependentPrefix, StringComparison.OrdinalIgnoreCase)
            && double.TryParse(trimmed.AsSpan(TimeDependentPrefix.Length), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out double e)
            && e >= 0 && double.IsFinite(e))
        {
            negotiator = Negotiators.TimeDependent(e);
            return true;
        }
        negotiator = null;
        return false;
    }

    /// <summary>A new instance of the negotiator called <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names when unknown.</summary>
    public static INegotiator Create(string name) =>
        TryCreate(name, out var negotiator)
            ? negotiator
            : throw new ArgumentException($"Unknown negotiator '{name}'. Available: {string.Join(", ", Available.Select(a => a.Name))}, or {TimeDependentPrefix}E for a concession exponent E ≥ 0.", nameof(name));
}
