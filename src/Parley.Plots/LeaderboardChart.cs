using ScottPlot;
using Parley.Tournaments.Reports;

namespace Parley.Plots;

/// <summary>A tournament's leaderboard: each negotiator's mean utility with its 95% confidence interval, best first.</summary>
public static class LeaderboardChart
{
    public static Plot Build(TournamentReport report)
    {
        var plot = new Plot();
        var rows = report.Leaderboard.Where(r => double.IsFinite(r.MeanUtility)).ToArray();
        var ticks = new List<Tick>();
        for (int i = 0; i < rows.Length; i++)
        {
            var bar = plot.Add.Bar(position: i, value: rows[i].MeanUtility);
            bar.Color = ChartStyle.Party(i);
            bar.LegendText = "";
            ticks.Add(new Tick(i, $"{rows[i].Name}\n(n = {rows[i].Negotiations:N0})"));
        }
        var errors = plot.Add.ErrorBar(
            Enumerable.Range(0, rows.Length).Select(i => (double)i).ToArray(),
            rows.Select(r => r.MeanUtility).ToArray(),
            rows.Select(r => r.Ci95).ToArray());
        errors.Color = Colors.Black;
        errors.LineWidth = 2;
        errors.LegendText = "95% confidence interval of the mean";
        for (int i = 0; i < rows.Length; i++)
        {
            var label = plot.Add.Text($"{rows[i].MeanUtility:0.000}", i, rows[i].MeanUtility + rows[i].Ci95 + 0.02);
            label.LabelFontSize = 13;
            label.LabelFontName = "DejaVu Sans";
            label.LabelAlignment = Alignment.LowerCenter;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.SetLimits(-0.6, rows.Length - 0.4, 0, 1.05);
        ChartStyle.Label(plot, $"{report.Tournament}: mean utility per negotiation ({report.Stored:N0} of {report.Planned:N0} negotiations)",
            "Negotiator (best first)", "Mean utility, with 95% confidence interval");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
