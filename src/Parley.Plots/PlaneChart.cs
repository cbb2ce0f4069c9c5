using System.Globalization;
using System.Numerics;
using ScottPlot;

namespace Parley.Plots;

/// <summary>Draws the utility plane: the deal space and, for a run, each proposer's offers as a coloured trail.</summary>
public static class PlaneChart
{
    /// <summary>A plot of <paramref name="space"/> alone: <c>parley plot &lt;scenario&gt;</c>.</summary>
    public static Plot DealSpace(DealSpace space)
    {
        var plot = new Plot();
        DrawSpace(plot, space, trailParties: []);
        string shown = space.Sampled ? $", {space.Outcomes.Length:N0} shown" : "";
        ChartStyle.Label(plot, $"{space.Scenario}: deal space ({Count(space.OutcomeCount)} outcomes{shown})", $"Utility to {space.XParty}", $"Utility to {space.YParty}");
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>A plot of <paramref name="run"/>'s offers over <paramref name="space"/>.</summary>
    public static Plot Run(DealSpace space, RunRecord run)
    {
        var plot = new Plot();
        int x = run.Parties.IndexOf(space.XParty), y = run.Parties.IndexOf(space.YParty);
        if (x < 0 || y < 0) throw new ArgumentException($"The run's parties ({string.Join(", ", run.Parties)}) do not include {space.XParty} and {space.YParty}.", nameof(run));
        var proposers = run.Proposers;
        DrawSpace(plot, space, proposers);
        for (int k = 0; k < proposers.Count; k++)
        {
            string actor = proposers[k];
            var offers = run.Entries.Where(e => e.Actor == actor && e.IsProposal).ToArray();
            var color = PartyColor(run, actor, k);
            var trail = plot.Add.ScatterLine(offers.Select(e => e.Utilities[x]).ToArray(), offers.Select(e => e.Utilities[y]).ToArray(), color);
            trail.LineColor = color.WithAlpha(0.45);
            trail.LineWidth = 1;
            trail.MarkerShape = run.Parties.Contains(actor) ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
            trail.MarkerSize = offers.Length <= 300 ? 6 : 4;
            trail.LegendText = run.Parties.Contains(actor) ? $"Offers by {actor}" : $"Texts proposed by {actor}";
        }
        if (run.Agreement is { } agreement)
        {
            var mark = plot.Add.Marker(agreement[x], agreement[y], MarkerShape.OpenCircle, 22, ChartStyle.Agreement);
            mark.MarkerLineWidth = 3;
            mark.LegendText = "Agreement";
        }
        string outcome = run.Agreement is null ? $"no agreement ({Humanise(run.Status)})" : "agreement";
        ChartStyle.Label(plot, $"{run.Scenario}\nOffers in the utility plane: {outcome} after {run.Rounds:N0} rounds",
            $"Utility to {space.XParty}", $"Utility to {space.YParty}");
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>The colour of <paramref name="actor"/>: principals by their party index, others after them.</summary>
    internal static Color PartyColor(RunRecord run, string actor, int proposerIndex)
    {
        int p = run.Parties.IndexOf(actor);
        return ChartStyle.Party(p >= 0 ? p : run.Parties.Length + proposerIndex);
    }

    private static void DrawSpace(Plot plot, DealSpace space, IReadOnlyList<string> trailParties)
    {
        if (space.Outcomes.Length > 0)
        {
            var cloud = plot.Add.Markers(space.Outcomes.Select(p => p.X).ToArray(), space.Outcomes.Select(p => p.Y).ToArray(), MarkerShape.FilledCircle, 4, ChartStyle.Outcome);
            cloud.LegendText = space.Sampled ? "Outcomes (a sample)" : "All outcomes";
        }
        if (space.Frontier.Length > 0)
        {
            string label = space.FrontierExact ? "Pareto frontier" : "Pareto frontier (searched)";
            if (space.FrontierProjected)
            {
                var frontier = plot.Add.Markers(space.Frontier.Select(p => p.X).ToArray(), space.Frontier.Select(p => p.Y).ToArray(), MarkerShape.OpenDiamond, 7, ChartStyle.Frontier);
                frontier.LegendText = label + ", all parties";
            }
            else
            {
                var frontier = plot.Add.ScatterLine(space.Frontier.Select(p => p.X).ToArray(), space.Frontier.Select(p => p.Y).ToArray(), ChartStyle.Frontier);
                frontier.LineWidth = 2;
                frontier.MarkerShape = space.Frontier.Length <= 60 ? MarkerShape.FilledCircle : MarkerShape.None;
                frontier.MarkerSize = 5;
                frontier.LegendText = label;
            }
        }
        string when = space.ReservedMoves ? (space.ReservedAt >= 1 ? " at the end" : $" at t = {space.ReservedAt:0.##}") : "";
        var rx = plot.Add.VerticalLine(space.Reserved.X, 2, ChartStyle.Party(0).WithAlpha(0.8), LinePattern.Dashed);
        rx.LegendText = $"Reserved value of {space.XParty}{when} ({space.Reserved.X:0.###})";
        var ry = plot.Add.HorizontalLine(space.Reserved.Y, 2, ChartStyle.Party(1).WithAlpha(0.8), LinePattern.Dashed);
        ry.LegendText = $"Reserved value of {space.YParty}{when} ({space.Reserved.Y:0.###})";
        if (space.Nash is { } nash)
        {
            var m = plot.Add.Marker(nash.X, nash.Y, MarkerShape.FilledDiamond, 16, ChartStyle.Nash);
            m.LegendText = "Nash bargaining solution";
        }
        if (space.KalaiSmorodinsky is { } ks)
        {
            var m = plot.Add.Marker(ks.X, ks.Y, MarkerShape.FilledTriangleUp, 15, ChartStyle.Kalai);
            m.LegendText = "Kalai–Smorodinsky solution";
        }
        plot.Axes.SetLimits(-0.02, 1.05, -0.02, 1.05);
    }

    private static string Count(BigInteger? count) => count is not { } c ? "continuous"
        : c < 1_000_000_000_000 ? ((long)c).ToString("N0", CultureInfo.InvariantCulture)
        : "about 10^" + ((int)Math.Floor(BigInteger.Log10(c))).ToString(CultureInfo.InvariantCulture);

    internal static string Humanise(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
