using ScottPlot;
using SkiaSharp;

namespace Parley.Plots;

/// <summary>Writes charts to PNG or SVG files, one chart or several side by side.</summary>
public static class ChartFile
{
    /// <summary>The formats a chart can be written in, by file extension.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".png", ".svg"];

    /// <summary>True when <paramref name="path"/> ends in an extension of <see cref="Extensions"/>.</summary>
    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Writes <paramref name="panels"/> side by side to <paramref name="path"/>, PNG or SVG by its extension.</summary>
    public static void Save(string path, int width, int height, params ChartPanel[] panels)
    {
        using var file = File.Create(path);
        Write(file, Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase), width, height, panels);
    }

    /// <summary>
    /// Writes <paramref name="panels"/> side by side to <paramref name="stream"/> as SVG or PNG, each as wide as its share
    /// of the total <see cref="ChartPanel.Weight"/>.
    /// </summary>
    public static void Write(Stream stream, bool svg, int width, int height, params ChartPanel[] panels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        ArgumentOutOfRangeException.ThrowIfZero(panels.Length);
        if (svg)
        {
            using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream);
            Draw(canvas, width, height, panels);
            return;
        }
        using var surface = SKSurface.Create(new SKImageInfo(width, height)) ?? throw new InvalidOperationException("Could not create a drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        Draw(surface.Canvas, width, height, panels);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(stream);
    }

    private static void Draw(SKCanvas canvas, int width, int height, ChartPanel[] panels)
    {
        double total = panels.Sum(p => p.Weight);
        float left = 0;
        foreach (var panel in panels)
        {
            float right = panel == panels[^1] ? width : left + (float)(width * panel.Weight / total);
            // A plot fills its whole canvas with its background: clip each to its own column.
            canvas.Save();
            canvas.ClipRect(new SKRect(left, 0, right, height));
            panel.Plot.Render(canvas, new PixelRect(left, right, height, 0));
            canvas.Restore();
            left = right;
        }
    }
}

/// <summary>One chart of a picture and its share of the picture's width.</summary>
public sealed record ChartPanel(Plot Plot, double Weight = 1.0)
{
    public static implicit operator ChartPanel(Plot plot) => new(plot);
}
