using Parley.Parties;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;

namespace Parley.Protocols;

public static partial class Negotiation
{
    /// <summary>
    /// Runs one single-negotiating-text negotiation: one voter per principal and one mediator per mediator seat, both in
    /// scenario party order. A scenario without mediators gets one neutral mediator per mediator given
    /// (<see cref="Seating.WithMediators"/>). Failures are recorded in the result, never thrown; invalid arguments throw
    /// <see cref="ArgumentException"/>.
    /// </summary>
    public static NegotiationResult Run(Scenario scenario, IReadOnlyList<IVoter> voters, IReadOnlyList<ITextMediator> mediators, SingleTextOptions options, TimeProvider? time = null)
    {
        var seated = SeatMediated(scenario, voters, mediators, options);
        if (mediators.Count == 0) throw new ArgumentException("The single-text protocol needs at least one mediator.");
        var names = new string[seated.Parties.Length];
        for (int i = 0, v = 0, m = 0; i < names.Length; i++)
            names[i] = seated.Parties[i].Role == PartyRole.Principal ? voters[v++].Name : mediators[m++].Name;
        var protocol = new SingleTextProtocol(seated, voters, mediators);
        return new SessionRunner<SingleTextProtocol, SingleTextState>(seated, protocol, names, options, time ?? TimeProvider.System).Run();
    }

    /// <summary>
    /// Runs one shuttle negotiation: one shuttle party per principal and per mediator seat, each in scenario party order.
    /// A scenario without mediators gets one neutral mediator per mediator given (<see cref="Seating.WithMediators"/>).
    /// Messages go only along the scenario's channels. Failures are recorded in the result, never thrown; invalid
    /// arguments throw <see cref="ArgumentException"/>.
    /// </summary>
    public static NegotiationResult Run(Scenario scenario, IReadOnlyList<IShuttleParty> principals, IReadOnlyList<IShuttleParty> mediators, ShuttleOptions options, TimeProvider? time = null)
    {
        var seated = SeatMediated(scenario, principals, mediators, options);
        var parties = InPartyOrder(seated, principals, mediators);
        for (int i = 0; i < parties.Length; i++)
            for (int j = 0; j < i; j++)
                if (ReferenceEquals(parties[i], parties[j])) throw new ArgumentException($"Parties {j} and {i} have the same negotiator instance; give each its own.");
        var protocol = new ShuttleProtocol(seated, parties);
        return new SessionRunner<ShuttleProtocol, ShuttleState>(seated, protocol, parties.Select(p => p.Name).ToArray(), options, time ?? TimeProvider.System).Run();
    }

    /// <summary>
    /// The table of a mediated protocol: <paramref name="scenario"/> with its mediators (or neutral ones, one per mediator
    /// given), checked to hold one principal negotiator per principal and one mediator per mediator seat.
    /// </summary>
    private static Scenario SeatMediated<TPrincipal, TMediator>(Scenario scenario, IReadOnlyList<TPrincipal> principals, IReadOnlyList<TMediator> mediators, SessionOptions options)
        where TPrincipal : class where TMediator : class
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentNullException.ThrowIfNull(mediators);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var seated = Seating.WithMediators(scenario, mediators.Count);
        int principalCount = PrincipalCount(seated);
        CheckTable(seated, principals, "principals", principalCount);
        CheckTable(seated, mediators, "mediator seats", seated.Parties.Length - principalCount);
        return seated;
    }

    /// <summary>The principals' and mediators' items merged into the seated table's party order.</summary>
    private static T[] InPartyOrder<T>(Scenario seated, IReadOnlyList<T> principals, IReadOnlyList<T> mediators)
    {
        var ordered = new T[seated.Parties.Length];
        int p = 0, m = 0;
        for (int i = 0; i < ordered.Length; i++)
            ordered[i] = seated.Parties[i].Role == PartyRole.Principal ? principals[p++] : mediators[m++];
        return ordered;
    }
}
