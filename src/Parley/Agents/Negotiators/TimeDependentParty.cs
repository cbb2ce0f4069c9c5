using Parley.Agents.Boa;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// GENIUS's time-dependent party (<c>negotiator.parties.AbstractTimeDependentNegotiationParty</c>: the
/// <c>BoulwareNegotiationParty</c> and <c>ConcederNegotiationParty</c> of GENIUS's tournaments and of the ANAC papers
/// from 2015 on), after Fatima, Wooldridge and Jennings's time-dependent tactics:
/// <list type="bullet">
/// <item>target utility u(t) = 1 − f(t − δ) with f(t) = t^(1/e) (f = 0 when e = 0), where t is GENIUS's time and δ one
/// of GENIUS's "total rounds" under a round deadline (so the target is exactly 1 in the first round), 0 otherwise
/// (<see cref="GeniusTime"/>). It ignores the reserved value and the worst utility: the target runs down to 0;</item>
/// <item>bidding: the bid nearest the target on either side in GENIUS's sorted outcome space
/// (<see cref="SortedOutcomeSpace.NearUtility"/>);</item>
/// <item>acceptance: accept the standing offer when the bid it is about to send is worth strictly less, discounted,
/// than the offer (AC_next with a strict inequality); it never walks away.</item>
/// </list>
/// Like the original, it does not keep to its reserved value. It never offers or accepts an outcome that crosses its
/// red lines or uses a withdrawn value (the nearest allowed outcome replaces such a bid). It votes under the
/// single-negotiating-text protocol by the same rule (as GENIUS's voting protocols do).
/// </summary>
public sealed class TimeDependentParty(double exponent, string? name = null)
    : SortedSpaceBidder(exponent, name ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"TimeDependentParty(e={exponent})"))
{
    /// <summary>The target utility u = 1 − (t − δ)^(1/e) at GENIUS time <paramref name="geniusTime"/> with offset <paramref name="offset"/>.</summary>
    public static double TargetUtility(double exponent, double geniusTime, double offset) =>
        exponent == 0 ? 1.0 : 1.0 - Math.Pow(geniusTime - offset, 1.0 / exponent);

    /// <inheritdoc />
    protected override double Target(in SaoState state) =>
        TargetUtility(Exponent, GeniusTime.Of(Context, state), GeniusTime.Offset(Context));

    /// <inheritdoc />
    protected override bool Accepts(double offered, double planned, in SaoState state)
    {
        double d = Context.Profile.DiscountFactor;
        double factor = d > 0 && d < 1 ? Math.Pow(d, GeniusTime.Of(Context, state)) : 1.0;
        return planned * factor < offered * factor;
    }
}
