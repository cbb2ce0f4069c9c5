namespace Parley.Scenarios;

/// <summary>
/// The (at most two) issues on which a package costs a party most, as a bit mask over issue indices: fed each issue's
/// gain (what changing it would give the party; infinity for a value across a red line), it keeps the two largest
/// positive ones, the earlier issue on ties. Shared by a principal's objections and its ratifier's.
/// </summary>
internal struct ObjectedIssues
{
    private int _first, _second;
    private double _firstGain, _secondGain;

    public ObjectedIssues() => (_first, _second) = (-1, -1);

    public void Consider(int issue, double gain)
    {
        if (gain > _firstGain) { (_second, _secondGain) = (_first, _firstGain); (_first, _firstGain) = (issue, gain); }
        else if (gain > _secondGain) (_second, _secondGain) = (issue, gain);
    }

    public readonly ulong Mask => (_first >= 0 ? 1UL << _first : 0) | (_second >= 0 ? 1UL << _second : 0);
}
