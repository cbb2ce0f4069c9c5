using System.Runtime.CompilerServices;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Protocols.SingleText;

/// <summary>The utility of a mediator without issue preferences: 0 for every outcome (one instance per space, so its index is built once).</summary>
internal sealed class NeutralUtility : UtilityFunction
{
    private static readonly ConditionalWeakTable<OutcomeSpace, NeutralUtility> PerSpace = new();

    private NeutralUtility(OutcomeSpace space) : base(space) { }

    public static NeutralUtility For(OutcomeSpace space) => PerSpace.GetValue(space, s => new NeutralUtility(s));

    public override double Utility(ReadOnlySpan<int> values) => 0;
}
