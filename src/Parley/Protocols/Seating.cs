using Parley.Preferences;
using Parley.Protocols.SingleText;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>Who sits at the table under a protocol.</summary>
public static class Seating
{
    /// <summary>
    /// The scenario with its mediators left out (what protocols without mediator seats, such as SAOP, negotiate):
    /// channels dropped (principals talk directly), and timeline events renumbered to the remaining parties (events about a
    /// mediator dropped). Returns <paramref name="scenario"/> itself when it has no mediators.
    /// </summary>
    public static Scenario PrincipalsOnly(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Parties.All(p => p.Role == PartyRole.Principal)) return scenario;
        var map = new int[scenario.Parties.Length];
        int k = 0;
        for (int i = 0; i < map.Length; i++) map[i] = scenario.Parties[i].Role == PartyRole.Principal ? k++ : -1;
        var events = new List<ScenarioEvent>();
        foreach (var e in scenario.Timeline.Events)
        {
            ScenarioEvent? kept = e switch
            {
                ReservedValueChange c => map[c.Party] < 0 ? null : new ReservedValueChange(c.Time, c.Name, map[c.Party], c.Change, c.RampDuration) { Date = c.Date, Source = c.Source },
                PartyLeaves l => map[l.Party] < 0 ? null : new PartyLeaves(l.Time, l.Name, map[l.Party]) { Date = l.Date, Source = l.Source },
                PartyJoins j => map[j.Party] < 0 ? null : new PartyJoins(j.Time, j.Name, map[j.Party]) { Date = j.Date, Source = j.Source },
                _ => e,
            };
            if (kept is not null) events.Add(kept);
        }
        var timeline = new Timeline(events, scenario.Timeline.Start, scenario.Timeline.Deadline);
        return new Scenario(scenario.Name, scenario.Space, [.. scenario.Principals])
        {
            Location = scenario.Location,
            Warnings = scenario.Warnings,
            Description = scenario.Description,
            Timeline = timeline,
            Packages = scenario.Packages,
        };
    }

    /// <summary>
    /// The scenario as mediated protocols seat it: unchanged when it has mediators; otherwise with
    /// <paramref name="neutralMediators"/> neutral mediators appended (named "Mediator", "Mediator 2", …: no issue
    /// preferences, reserved value 0, stake α = 1) so that mediators can be run on any scenario, e.g. the ANAC ones.
    /// Appended mediators have no channel restrictions: if the scenario declares channels, it must declare its mediators.
    /// </summary>
    public static Scenario WithMediators(Scenario scenario, int neutralMediators)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (neutralMediators <= 0) return scenario;
        foreach (var party in scenario.Parties)
            if (party.Role == PartyRole.Mediator) return scenario;
        if (scenario.Channels is not null)
            throw new ArgumentException($"Scenario '{scenario.Name}' declares channels but no mediator; declare the mediators and their channels in the scenario.");
        var profile = new Profile(NeutralUtility.For(scenario.Space), ReservedValueCurve.Zero);
        var added = Enumerable.Range(0, neutralMediators)
            .Select(k => new Party(k == 0 ? "Mediator" : $"Mediator {k + 1}", PartyRole.Mediator, profile, "neutral mediator seated by the protocol") { Stake = 1.0 });
        return scenario with { Parties = [.. scenario.Parties, .. added] };
    }
}
