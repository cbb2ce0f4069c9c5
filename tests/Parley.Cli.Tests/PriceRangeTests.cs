using System.Globalization;
using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>
/// Issue 12 §3: a two-party price negotiation over one integer issue with millions of values. Every outcome is on the
/// frontier; `analyze` must count it exactly, list at most --max-points points and finish in bounded time and memory, and
/// `negotiate` must measure its quality against that frontier. Inputs are YAML files written by the test.
/// </summary>
public sealed class PriceRangeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-price-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A price from 0 to <paramref name="max"/>: the seller's score rises 0 → 1, the buyer's falls 1 → 0; optional extra issue.</summary>
    private string PriceYaml(long max, bool withDelivery = false)
    {
        string slope = (1.0 / max).ToString("R", CultureInfo.InvariantCulture);
        string delivery = withDelivery ? "\n  - {name: Delivery, type: discrete, values: [pick-up, delivered]}" : "";
        string sellerExtra = withDelivery ? "\n        Delivery: {values: {pick-up: 1, delivered: 0.4}}" : "";
        string buyerExtra = withDelivery ? "\n        Delivery: {values: {pick-up: 0.2, delivered: 1}}" : "";
        string weights = withDelivery ? "{Price: 0.8, Delivery: 0.2}" : "{Price: 1}";
        string path = Path.Combine(_dir, $"price-{max}{(withDelivery ? "-delivery" : "")}.yaml");
        File.WriteAllText(path, $"""
            name: Price {max}
            issues:
              - {"{"}name: Price, type: integer, min: 0, max: {max}{"}"}{delivery}
            parties:
              - name: Seller
                utility:
                  weights: {weights}
                  issues:
                    Price: {"{"}slope: {slope}, offset: 0{"}"}{sellerExtra}
                reservedValue: 0.2
              - name: Buyer
                utility:
                  weights: {weights}
                  issues:
                    Price: {"{"}slope: -{slope}, offset: 1{"}"}{buyerExtra}
                reservedValue: 0.1
            """);
        return path;
    }

    [Theory]
    [InlineData(20_000_000L)]
    [InlineData(300_000_000L)]
    public void Analyze_PriceRange_CountsEveryPointAndListsTheDefaultMaximum(long max)
    {
        var r = CliRunner.AsProcess("analyze", PriceYaml(max), "--json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var frontier = doc.RootElement.GetProperty("paretoFrontier");
        Assert.True(frontier.GetProperty("exact").GetBoolean());
        Assert.Equal((max + 1).ToString(CultureInfo.InvariantCulture), frontier.GetProperty("pointCount").GetString());
        Assert.True(frontier.GetProperty("truncated").GetBoolean());
        var points = frontier.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(10_000, points.Count);
        Assert.Equal(max.ToString(CultureInfo.InvariantCulture), points[0].GetProperty("outcome").GetProperty("Price").GetString());
        Assert.Equal("0", points[^1].GetProperty("outcome").GetProperty("Price").GetString());
        Assert.Equal(1.0, points[0].GetProperty("utilities")[0].GetDouble());
        long nash = long.Parse(doc.RootElement.GetProperty("nash").GetProperty("outcome").GetProperty("Price").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(nash, 0.55 * max - 2, 0.55 * max + 2);
    }

    [Fact]
    public void Analyze_PriceRangeWithMaxPoints_ListsThatManyInTablesAndJson()
    {
        string yaml = PriceYaml(20_000_000, withDelivery: true);
        var json = CliRunner.InProcess("analyze", yaml, "--json", "--max-points", "7");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Out);
        var frontier = doc.RootElement.GetProperty("paretoFrontier");
        Assert.True(frontier.GetProperty("truncated").GetBoolean());
        Assert.True(frontier.GetProperty("points").GetArrayLength() <= 7);
        long count = long.Parse(frontier.GetProperty("pointCount").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(count > 20_000_000, $"pointCount {count}");

        var tables = CliRunner.InProcess("analyze", yaml, "--frontier", "--max-points", "7");
        Assert.Equal(0, tables.ExitCode);
        Assert.Contains($"Pareto frontier: {count.ToString("N0", CultureInfo.InvariantCulture)} points", tables.Console);
        Assert.Contains($"of {count.ToString("N0", CultureInfo.InvariantCulture)} points, spread evenly", tables.Console);
    }

    [Fact]
    public void Analyze_NegativeMaxPoints_IsAUserError()
    {
        var r = CliRunner.InProcess("analyze", PriceYaml(1000), "--max-points", "-1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--max-points", r.Error + r.Console);
    }

    [Fact]
    public void Negotiate_PriceRange_MeasuresQualityAgainstTheWholeFrontier()
    {
        var r = CliRunner.AsProcess("negotiate", PriceYaml(20_000_000), "--json", "--rounds", "200");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var quality = doc.RootElement.GetProperty("quality");
        Assert.Equal(JsonValueKind.Object, quality.ValueKind);
        if (doc.RootElement.GetProperty("agreement").ValueKind == JsonValueKind.Object)
        {
            // Every price is on the frontier, so an agreement lies on it (up to rounding).
            Assert.InRange(quality.GetProperty("distanceToPareto").GetDouble(), 0, 1e-9);
        }
    }
}
