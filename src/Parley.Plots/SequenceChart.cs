using ScottPlot;

namespace Parley.Plots;

/// <summary>A shuttle run as a sequence diagram: one lane per party, one arrow per message along a channel, time downwards.</summary>
public static class SequenceChart
{
    /// <summary>Most messages drawn; a longer run shows its first ones and says how many there were.</summary>
    public const int MaxMessages = 60;

    /// <summary>True when <paramref name="run"/> has messages between parties to draw.</summary>
    public static bool Applies(RunRecord run) => run.Entries.Any(e => e.IsMessage);

    public static Plot Build(RunRecord run)
    {
        var plot = new Plot();
        var lanes = run.Seats;
        var messages = run.Entries.Where(e => e.IsMessage).ToArray();
        var shown = messages.Take(MaxMessages).ToArray();
        for (int i = 0; i < lanes.Count; i++)
        {
            var lane = plot.Add.VerticalLine(i, 2, Colors.Gray.WithAlpha(0.6));
            lane.LegendText = "";
        }
        var actionColours = new Dictionary<string, Color>();
        for (int k = 0; k < shown.Length; k++)
        {
            var m = shown[k];
            int from = IndexOf(lanes, m.Actor), to = IndexOf(lanes, m.Recipients[0]);
            if (!actionColours.TryGetValue(m.Action, out var colour))
            {
                colour = ChartStyle.Party(actionColours.Count);
                actionColours[m.Action] = colour;
                var key = plot.Add.Line(-10, -10, -10, -10); // legend entry only
                key.Color = colour;
                key.LineWidth = 3;
                key.LegendText = PlaneChart.Humanise(m.Action);
            }
            var arrow = plot.Add.Arrow(from, -k, to, -k - 0.6);
            arrow.ArrowLineColor = colour;
            arrow.ArrowFillColor = colour;
            arrow.ArrowWidth = 2;
            arrow.ArrowheadWidth = 9;
            arrow.ArrowheadLength = 9;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. lanes.Select((l, i) => new Tick(i, l))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([]);
        plot.Axes.SetLimits(-0.5, lanes.Count - 0.5, -Math.Max(shown.Length, 1) - 0.5, 0.8);
        string more = messages.Length > shown.Length ? $" (first {shown.Length} of {messages.Length:N0})" : "";
        ChartStyle.Label(plot, $"Messages along the channels{more}", "Party (principals, then mediators)", "Time (down)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static int IndexOf(IReadOnlyList<string> lanes, string name)
    {
        for (int i = 0; i < lanes.Count; i++) if (lanes[i] == name) return i;
        return 0;
    }
}
