namespace Parley.Scenarios;

/// <summary>What the folder formats of other platforms (GENIUS, GeniusWeb) cannot hold of a Parley scenario: the warnings a writer returns when it drops it.</summary>
internal static class FolderFormatLimits
{
    /// <summary>Warnings for the parts of <paramref name="party"/>'s position that <paramref name="format"/> has no form for (red lines, mediator stake).</summary>
    public static IEnumerable<string> Dropped(Party party, string format)
    {
        if (!party.Profile.RedLines.Lines.IsEmpty) yield return $"{party.Name}: {format} has no red lines; its {party.Profile.RedLines.Lines.Length} red line(s) were dropped.";
        int own = party.Profile.RedLines.Rules.Count(r => !r.ScenarioWide);
        if (own > 0) yield return $"{party.Name}: {format} has no rules over combinations of values; its {own} rule(s) were dropped.";
        if (party.Stake != 0) yield return $"{party.Name}: {format} has no mediator stake; α = {party.Stake} was dropped.";
    }

    /// <summary>Warnings for the scenario-wide parts <paramref name="format"/> has no form for (channels, timeline, named packages).</summary>
    public static IEnumerable<string> Dropped(Scenario scenario, string format)
    {
        if (!scenario.Rules.IsEmpty) yield return $"{format} has no rules over combinations of values; the scenario's {scenario.Rules.Length} rule(s) were dropped.";
        if (scenario.Channels is not null) yield return $"{format} has no communication channels; they were dropped.";
        if (!scenario.Timeline.Events.IsEmpty || scenario.Timeline.IsDated) yield return $"{format} has no timeline; the dates and events were dropped.";
        if (!scenario.Packages.IsEmpty) yield return $"{format} has no named packages; they were dropped.";
    }
}
