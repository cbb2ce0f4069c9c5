using System.Globalization;
using Parley.Reports;
using ScottPlot;

namespace Parley.Plots;

/// <summary>
/// The charts of <c>parley report</c>'s HTML page: the deal space at the report's date (named packages, the zone's
/// reference packages, the mediated runs' agreements, each principal's outside option) and the outside options over the
/// timeline. Each is returned as a PNG data URI, so the page needs no other file.
/// </summary>
public static class ReportCharts
{
    /// <summary>Width and height of each chart, in pixels.</summary>
    public const int Width = 1000, Height = 560;

    /// <summary>The deal-space chart for a report whose scenario has at least two principals; null otherwise.</summary>
    public static string? DealSpace(ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Principals.Length < 2) return null;
        var s = report.Scenario;
        int x = report.Principals[0], y = report.Principals[1];
        var plot = new Plot();
        int k = 0;
        foreach (var v in report.Packages)
        {
            var a = v.Answers;
            if (a.Length < 2) continue;
            var m = plot.Add.Marker(a[0].Utility, a[1].Utility, MarkerShape.FilledCircle, 9, ChartStyle.Party(2 + k++));
            m.LegendText = v.Package.Name;
        }
        void Mark(ReportPackage? p, string label, MarkerShape shape, Color color)
        {
            if (p is null) return;
            var m = plot.Add.Marker(p.Utilities[x], p.Utilities[y], shape, 14, color);
            m.MarkerLineWidth = 2;
            m.LegendText = label;
        }
        Mark(report.Zone.Nash, "Nash (zone)", MarkerShape.FilledDiamond, ChartStyle.Nash);
        Mark(report.Zone.MaxWelfare, "Max welfare (zone)", MarkerShape.FilledTriangleUp, Colors.SeaGreen);
        if (!report.Zone.Exists) Mark(report.Zone.Closest, "Closest to a zone", MarkerShape.OpenDiamond, Colors.Gray);
        if (report.Ratification is { } rat) Mark(rat.RatifiedNash, "Nash (ratified zone)", MarkerShape.OpenCircle, Colors.DarkViolet);
        foreach (var run in report.MediatedRuns)
        {
            if (run.Agreement is null || run.Utilities.Length < 2) continue;
            var m = plot.Add.Marker(run.Utilities[0], run.Utilities[1], MarkerShape.Cross, 16, ChartStyle.Agreement);
            m.MarkerLineWidth = 2;
            m.LegendText = $"Agreement: {run.Protocol} ({run.Seating.Split("; ")[^1]})";
        }
        var vx = plot.Add.VerticalLine(report.Reserved[0], 1.5f, ChartStyle.Party(0));
        vx.LinePattern = LinePattern.Dashed;
        vx.LegendText = F($"{s.Parties[x].Name}'s outside option ({report.Reserved[0]:0.000})");
        var hy = plot.Add.HorizontalLine(report.Reserved[1], 1.5f, ChartStyle.Party(1));
        hy.LinePattern = LinePattern.Dashed;
        hy.LegendText = F($"{s.Parties[y].Name}'s outside option ({report.Reserved[1]:0.000})");
        plot.Axes.SetLimits(0, 1, 0, 1);
        string when = report.Date is { } d ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : F($"t = {report.Time:0.###}");
        ChartStyle.Label(plot, $"Deal space, {when}: named packages, zone references, agreements", $"Utility to {s.Parties[x].Name}", $"Utility to {s.Parties[y].Name}");
        plot.ShowLegend(Edge.Right);
        return DataUri(plot);
    }

    /// <summary>Each principal's outside option along the timeline and the zone's gap (best margin); null without sensitivity points.</summary>
    public static string? OutsideOptions(ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var points = report.Sensitivity;
        if (points.IsDefaultOrEmpty) return null;
        var s = report.Scenario;
        bool dated = points.All(p => p.Date is not null);
        double[] xs = [.. points.Select(p => dated ? p.Date!.Value.ToDateTime(TimeOnly.MinValue).ToOADate() : p.Time)];
        var plot = new Plot();
        for (int k = 0; k < report.Principals.Length; k++)
        {
            var line = plot.Add.ScatterLine(xs, [.. points.Select(p => p.Reserved[k])], ChartStyle.Party(k));
            line.LineWidth = 2;
            line.LegendText = $"{s.Parties[report.Principals[k]].Name}'s outside option";
        }
        var gap = plot.Add.ScatterLine(xs, [.. points.Select(p => double.IsFinite(p.Gap) ? p.Gap : 0)], Colors.Gray);
        gap.LinePattern = LinePattern.Dotted;
        gap.LegendText = "Zone's gap (≥ 0: a zone exists)";
        var now = plot.Add.VerticalLine(dated && report.Date is { } d ? d.ToDateTime(TimeOnly.MinValue).ToOADate() : report.Time, 1, Colors.Black);
        now.LinePattern = LinePattern.Dashed;
        now.LegendText = "The report's date";
        if (dated) plot.Axes.DateTimeTicksBottom();
        ChartStyle.Label(plot, "Outside options over the timeline", dated ? "Date" : "Normalised time", "Utility");
        plot.ShowLegend(Edge.Right);
        return DataUri(plot);
    }

    private static string DataUri(Plot plot)
    {
        using var stream = new MemoryStream();
        ChartFile.Write(stream, svg: false, Width, Height, plot);
        return "data:image/png;base64," + Convert.ToBase64String(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
