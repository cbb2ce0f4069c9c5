namespace Parley.Agents.Negotiators;

/// <summary>What an acceptance strategy decides on: the offer's and the next bid's utility to this party, time and reserve.</summary>
/// <param name="Time">Normalised time t ∈ [0, 1].</param>
/// <param name="Round">0-based round.</param>
/// <param name="OfferUtility">Own (undiscounted) utility of the offer on the table.</param>
/// <param name="NextBidUtility">Own utility of the bid this negotiator would make next.</param>
/// <param name="ReservedValue">Own (undiscounted) reserved value at <paramref name="Time"/>.</param>
/// <param name="OpponentBids">The other parties' offers so far with their own utility and time, the last one being the
/// offer decided on (a <see cref="ComposedNegotiator"/> keeps it; the BOA conditions that look back need it), or null.</param>
public readonly record struct AcceptanceInput(double Time, int Round, double OfferUtility, double NextBidUtility, double ReservedValue,
    Boa.BidHistory? OpponentBids = null);

/// <summary>
/// An acceptance condition (Baarslag et al.): decides whether to accept the standing offer. Built-ins:
/// <see cref="Next"/> (AC_next), <see cref="Constant"/> (AC_const), <see cref="Time"/> (AC_time), and combinations with
/// <see cref="Any"/> / <see cref="All"/> (or <see cref="Or"/> / <see cref="And"/>). Implementations are stateless and
/// may be shared.
/// </summary>
public abstract class AcceptanceStrategy
{
    /// <summary>True to accept.</summary>
    public abstract bool ShouldAccept(in AcceptanceInput input);

    /// <summary>AC_next(α, β): accept when α · u(offer) + β ≥ u(my next bid).</summary>
    public static AcceptanceStrategy Next(double alpha = 1.0, double beta = 0.0) => new AcNext(alpha, beta);

    /// <summary>AC_const(α): accept when u(offer) ≥ α.</summary>
    public static AcceptanceStrategy Constant(double alpha) => new AcConst(alpha);

    /// <summary>AC_time(T): accept any offer once t ≥ T.</summary>
    public static AcceptanceStrategy Time(double deadline) => new AcTime(deadline);

    /// <summary>Accept when any of <paramref name="parts"/> accepts.</summary>
    public static AcceptanceStrategy Any(params AcceptanceStrategy[] parts) => new AcCombination(parts, any: true);

    /// <summary>Accept when all of <paramref name="parts"/> accept.</summary>
    public static AcceptanceStrategy All(params AcceptanceStrategy[] parts) => new AcCombination(parts, any: false);

    /// <summary>AC_combi(T, α) = AC_next ∨ (AC_time(T) ∧ AC_const(α)).</summary>
    public static AcceptanceStrategy Combi(double deadline, double alpha) => Any(Next(), All(Time(deadline), Constant(alpha)));

    /// <summary>This ∨ <paramref name="other"/>.</summary>
    public AcceptanceStrategy Or(AcceptanceStrategy other) => Any(this, other);

    /// <summary>This ∧ <paramref name="other"/>.</summary>
    public AcceptanceStrategy And(AcceptanceStrategy other) => All(this, other);
}

internal sealed class AcNext(double alpha, double beta) : AcceptanceStrategy
{
    public override bool ShouldAccept(in AcceptanceInput input) => alpha * input.OfferUtility + beta >= input.NextBidUtility;
    public override string ToString() => $"AC_next({alpha}, {beta})";
}

internal sealed class AcConst(double alpha) : AcceptanceStrategy
{
    public override bool ShouldAccept(in AcceptanceInput input) => input.OfferUtility >= alpha;
    public override string ToString() => $"AC_const({alpha})";
}

internal sealed class AcTime(double deadline) : AcceptanceStrategy
{
    public override bool ShouldAccept(in AcceptanceInput input) => input.Time >= deadline;
    public override string ToString() => $"AC_time({deadline})";
}

internal sealed class AcCombination : AcceptanceStrategy
{
    private readonly AcceptanceStrategy[] _parts;
    private readonly bool _any;

    public AcCombination(AcceptanceStrategy[] parts, bool any)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0) throw new ArgumentException("A combination needs at least one acceptance strategy.", nameof(parts));
        foreach (var p in parts) ArgumentNullException.ThrowIfNull(p, nameof(parts));
        _parts = (AcceptanceStrategy[])parts.Clone();
        _any = any;
    }

    public override bool ShouldAccept(in AcceptanceInput input)
    {
        foreach (var part in _parts)
            if (part.ShouldAccept(input) == _any) return _any;
        return !_any;
    }

    public override string ToString() => string.Join(_any ? " ∨ " : " ∧ ", _parts.Select(p => $"({p})"));
}
