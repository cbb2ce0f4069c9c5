using System.Globalization;

namespace Parley.Agents.Boa;

/// <summary>
/// A BOA acceptance condition as GENIUS's <c>negotiator.boaframework.acceptanceconditions.other</c> defines it (Baarslag,
/// Hindriks, Hendrikx, Dirkzwager and Jonker, "Decoupling negotiating agents to explore the space of negotiation
/// strategies", 2014): decides on the opponent's last bid from the opponent's bid history, the utility of the bid the
/// agent would make next and GENIUS's time. GENIUS's comparisons are kept exactly (AC_Const and AC_Time are strict,
/// the others not). Stateless; instances may be shared.
/// </summary>
public abstract class AcceptanceCondition
{
    private protected AcceptanceCondition() { }

    /// <summary>True to accept the last bid of <paramref name="opponentBids"/> (which must not be empty).</summary>
    /// <param name="opponentBids">The opponent's bids so far, each with its utility to this agent.</param>
    /// <param name="nextBidUtility">Undiscounted utility of the bid this agent would make next.</param>
    /// <param name="time">GENIUS's normalised time (<see cref="GeniusTime"/>).</param>
    public abstract bool Accept(BidHistory opponentBids, double nextBidUtility, double time);

    /// <summary>AC_Next(a, b): accept when a · u(last offer) + b ≥ u(next bid). GENIUS's defaults a = 1, b = 0.</summary>
    public static AcceptanceCondition Next(double a = 1.0, double b = 0.0) => new AcNext(a, b);

    /// <summary>AC_Const(c): accept when u(last offer) &gt; c.</summary>
    public static AcceptanceCondition Const(double c) => new AcConst(c);

    /// <summary>AC_Time(t): accept any offer once the time is past t (time &gt; t).</summary>
    public static AcceptanceCondition Time(double t) => new AcTime(t);

    /// <summary>AC_Combi(a, b, t): AC_Next(a, b), or time ≥ t.</summary>
    public static AcceptanceCondition Combi(double a, double b, double t) => new AcCombi(a, b, t);

    /// <summary>AC_CombiMax(t): AC_Next; from time t on, also an offer at least as good as the opponent's best so far.</summary>
    public static AcceptanceCondition CombiMax(double t) => new AcCombiWindow(t, WindowRule.MaxOverall);

    /// <summary>
    /// AC_CombiMaxInWindow(t) ("MaxW"): AC_Next; from time t on, also an offer at least as good as the best the opponent
    /// offered in the last window of length 1 − t_now (GENIUS's default t = 0.98).
    /// </summary>
    public static AcceptanceCondition CombiMaxInWindow(double t = 0.98) => new AcCombiWindow(t, WindowRule.MaxInWindow);

    /// <summary>AC_CombiAvg(t) ("Avg"): as <see cref="CombiMaxInWindow"/> with the window's average utility instead of its best.</summary>
    public static AcceptanceCondition CombiAvg(double t) => new AcCombiWindow(t, WindowRule.AverageInWindow);

    /// <summary>
    /// This condition as an <see cref="Negotiators.AcceptanceStrategy"/> for a <see cref="Negotiators.ComposedNegotiator"/>:
    /// it decides on the input's opponent bids (the offer alone when the input has none), next-bid utility and time.
    /// </summary>
    public Negotiators.AcceptanceStrategy AsStrategy() => new Strategy(this);

    private sealed class Strategy(AcceptanceCondition condition) : Negotiators.AcceptanceStrategy
    {
        public override bool ShouldAccept(in Negotiators.AcceptanceInput input)
        {
            var bids = input.OpponentBids;
            if (bids is null || bids.Count == 0)
            {
                bids = new BidHistory();
                bids.Add(new BidDetails(default, input.OfferUtility, input.Time));
            }
            return condition.Accept(bids, input.NextBidUtility, input.Time);
        }

        public override string ToString() => condition.ToString()!;
    }

    private protected static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private sealed class AcNext(double a, double b) : AcceptanceCondition
    {
        public override bool Accept(BidHistory opponentBids, double nextBidUtility, double time) =>
            a * opponentBids.Last.MyUtility + b >= nextBidUtility;
        public override string ToString() => $"AC_Next(a={F(a)}, b={F(b)})";
    }

    private sealed class AcConst(double c) : AcceptanceCondition
    {
        public override bool Accept(BidHistory opponentBids, double nextBidUtility, double time) => opponentBids.Last.MyUtility > c;
        public override string ToString() => $"AC_Const(c={F(c)})";
    }

    private sealed class AcTime(double t) : AcceptanceCondition
    {
        public override bool Accept(BidHistory opponentBids, double nextBidUtility, double time) => time > t;
        public override string ToString() => $"AC_Time(t={F(t)})";
    }

    private sealed class AcCombi(double a, double b, double t) : AcceptanceCondition
    {
        public override bool Accept(BidHistory opponentBids, double nextBidUtility, double time) =>
            a * opponentBids.Last.MyUtility + b >= nextBidUtility || time >= t;
        public override string ToString() => $"AC_Combi(a={F(a)}, b={F(b)}, t={F(t)})";
    }

    private enum WindowRule { MaxOverall, MaxInWindow, AverageInWindow }

    private sealed class AcCombiWindow(double t, WindowRule rule) : AcceptanceCondition
    {
        public override bool Accept(BidHistory opponentBids, double nextBidUtility, double time)
        {
            double offered = opponentBids.Last.MyUtility;
            if (offered >= nextBidUtility) return true;
            if (time < t) return false;
            double expected;
            if (rule == WindowRule.MaxOverall) expected = opponentBids.Best()!.Value.MyUtility;
            else
            {
                var window = opponentBids.InWindow(time - (1 - time), time);
                expected = rule == WindowRule.MaxInWindow ? window.Best : window.Average;
            }
            return offered >= expected;
        }

        public override string ToString() => rule switch
        {
            WindowRule.MaxOverall => $"AC_CombiMax(t={F(t)})",
            WindowRule.MaxInWindow => $"AC_CombiMaxInWindow(t={F(t)})",
            _ => $"AC_CombiAvg(t={F(t)})",
        };
    }
}
