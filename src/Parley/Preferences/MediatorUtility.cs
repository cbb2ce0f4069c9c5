namespace Parley.Preferences;

/// <summary>
/// A mediator's utility: α·[agreement reached] + (1 − α)·(its own issue preferences), where α ∈ [0, 1] is its stake in
/// any agreement at all. Without an agreement the issue part is the mediator's reserved value (its outside option), so
/// α = 1 is a mediator that only wants a deal and α = 0 one that weighs deals by its issue preferences alone.
/// </summary>
public static class MediatorUtility
{
    /// <summary>Throws unless <paramref name="stake"/> is in [0, 1].</summary>
    public static double ValidateStake(double stake) =>
        stake is >= 0 and <= 1 ? stake : throw new ArgumentOutOfRangeException(nameof(stake), stake, "A mediator's stake α must be in [0, 1].");

    /// <summary>Utility of an agreement whose issue utility (to the mediator) is <paramref name="issueUtility"/>: α + (1 − α)·u.</summary>
    public static double OfAgreement(double stake, double issueUtility) => stake + (1 - stake) * issueUtility;

    /// <summary>Utility of no agreement given the mediator's reserved value <paramref name="reserved"/>: (1 − α)·r.</summary>
    public static double OfNoAgreement(double stake, double reserved) => (1 - stake) * reserved;
}
