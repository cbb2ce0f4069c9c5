using ScottPlot;

namespace Parley.Plots;

/// <summary>Each principal's utility of the outcome standing on the table, round by round.</summary>
public static class TimelineChart
{
    public static Plot StandingOffer(RunRecord run)
    {
        var plot = new Plot();
        for (int p = 0; p < run.Parties.Length; p++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var e in run.Entries)
            {
                if (!e.IsProposal) continue;
                xs.Add(e.Round + 1);
                ys.Add(e.Utilities[p]);
            }
            var points = plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledCircle, xs.Count <= 400 ? 5 : 3, ChartStyle.Party(p));
            points.LegendText = $"Utility to {run.Parties[p]}";
        }
        ChartStyle.Label(plot, "Utility of the offer on the table, round by round", "Round", "Utility");
        plot.Axes.SetLimitsY(-0.02, 1.05);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
