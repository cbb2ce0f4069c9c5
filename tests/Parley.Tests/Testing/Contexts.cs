using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Tests.Testing;

/// <summary>Negotiator contexts outside a running negotiation, for unit tests of negotiator parts.</summary>
internal static class Contexts
{
    public static NegotiatorContext For(Scenario scenario, int party, int rounds = 100, int seed = 1) =>
        new(party, scenario.Parties.Length, scenario.Parties[party].Profile,
            new OfferHistory(new Transcript(scenario.Parties.Length, 4)), new SaoOptions { Rounds = rounds }, seed);

    public static SaoState At(double t, int step = 0, int parties = 2) => SaoState.Initial(parties) with { Time = t, Step = step };
}
