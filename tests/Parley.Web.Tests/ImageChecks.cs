using System.Xml.Linq;
using SkiaSharp;

namespace Parley.Web.Tests;

/// <summary>Checks that a picture has the expected size and is not blank: many distinct colours, much of it not background.</summary>
public static class ImageChecks
{
    public static void AssertPng(byte[] png, int width, int height, int minColours = 8)
    {
        Assert.True(png.Length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG file");
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        AssertNotBlank(bitmap, minColours);
    }

    /// <summary>A screenshot or chart: at least <paramref name="minColours"/> colours and at least 2% of pixels not the dominant (background) colour.</summary>
    public static void AssertNotBlank(SKBitmap bitmap, int minColours)
    {
        var counts = new Dictionary<uint, int>();
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                uint c = (uint)bitmap.GetPixel(x, y);
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        int total = counts.Values.Sum();
        Assert.True(counts.Count >= minColours, $"only {counts.Count} distinct colours: the picture is blank or nearly so");
        Assert.True(total - counts.Values.Max() >= total / 50, "more than 98% of the picture is one colour");
    }

    public static void AssertPngNotBlank(byte[] png, int minColours = 8)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        AssertNotBlank(bitmap, minColours);
    }

    /// <summary>An SVG document of the given size holding at least <paramref name="minShapes"/> drawn elements and the given texts.</summary>
    public static void AssertSvg(string svg, int width, int height, int minShapes, params string[] texts)
    {
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal(width.ToString(), root.Attribute("width")?.Value);
        Assert.Equal(height.ToString(), root.Attribute("height")?.Value);
        int shapes = root.Descendants().Count(e => e.Name.LocalName is "path" or "circle" or "rect" or "line" or "polyline" or "ellipse");
        Assert.True(shapes >= minShapes, $"only {shapes} shapes in the SVG");
        foreach (var text in texts) Assert.Contains(text, svg);
    }
}
