using ScottPlot;

namespace Parley.Plots;

/// <summary>The colours and sizes shared by every Parley chart, so the same party looks the same everywhere.</summary>
internal static class ChartStyle
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static Color Party(int index) => Palette.GetColor(index);

    public static readonly Color Outcome = Colors.Gray.WithAlpha(0.35);
    public static readonly Color Frontier = Colors.Black;
    public static readonly Color Nash = Colors.DarkGoldenRod;
    public static readonly Color Kalai = Colors.DarkViolet;
    public static readonly Color Agreement = Colors.Crimson;

    public const float TitleSize = 18;
    public const float LabelSize = 15;

    public static void Label(Plot plot, string title, string x, string y)
    {
        plot.Font.Set("DejaVu Sans"); // Skia falls back to the default font where it is not installed
        plot.Title(title, TitleSize);
        plot.XLabel(x, LabelSize);
        plot.YLabel(y, LabelSize);
        plot.Legend.FontSize = 13;
    }
}
