using System.Text.Json;
using Parley.Scenarios.Genius;
using Parley.Scenarios.Yaml;
using Parley.Tests.Testing;

namespace Parley.Cli.Tests;

/// <summary>Outcome spaces beyond 2^128 through the CLI, as a user would run them.</summary>
public sealed class HugeSpaceCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-huge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ConstraintFolder()
    {
        string folder = Path.Combine(_dir, "constraint40");
        GeniusScenarioWriter.WriteFolder(HugeScenarios.Constraint(), folder);
        return folder;
    }

    [Fact]
    public void Negotiate_FortyIssueConstraintDomain_RunsAndReportsTheAgreementByIssue()
    {
        var r = CliRunner.InProcess("negotiate", ConstraintFolder(), "--rounds", "200", "--seed", "4", "--json", "--no-quality");
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.InRange(root.GetProperty("offers").GetArrayLength(), 2, 400);
        var first = root.GetProperty("offers")[0].GetProperty("outcome");
        Assert.Equal(40, first.EnumerateObject().Count());
    }

    [Fact]
    public void Analyze_FortyIssueConstraintDomain_GivesExactCountAndAFrontier()
    {
        var r = CliRunner.InProcess("analyze", ConstraintFolder(), "--json", "--effort", "0.1");
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("1" + new string('0', 40), doc.RootElement.GetProperty("outcomeCount").GetString());
        Assert.True(doc.RootElement.GetProperty("paretoFrontier").GetProperty("points").GetArrayLength() > 0);
    }

    [Fact]
    public void Negotiate_AdditiveTenToThe300_Agrees()
    {
        string file = Path.Combine(_dir, "additive300.yaml");
        YamlScenarioWriter.WriteFile(HugeScenarios.Additive(), file);
        var r = CliRunner.InProcess("negotiate", file, "--rounds", "300", "--json", "--no-quality");
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        var agreement = doc.RootElement.GetProperty("agreement");
        Assert.Equal(JsonValueKind.Object, agreement.ValueKind);
        Assert.Equal(300, agreement.EnumerateObject().Count());
    }
}

public sealed class WideIssueCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-price-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Negotiate_PriceFromZeroTo300Million_AgreesWithinTheReservedValues()
    {
        string file = Path.Combine(_dir, "price.yaml");
        File.WriteAllText(file, """
            name: Price
            issues:
              - {name: Price, type: integer, min: 0, max: 300000000}
            parties:
              - name: Seller
                utility:
                  weights: {Price: 1}
                  issues:
                    Price: {slope: 3.3333333333333333e-9, offset: 0}
                reservedValue: 0.2
              - name: Buyer
                utility:
                  weights: {Price: 1}
                  issues:
                    Price: {slope: -3.3333333333333333e-9, offset: 1}
                reservedValue: 0.2
            """);
        var r = CliRunner.InProcess("negotiate", file, "--json", "--no-quality", "--agents", "boulware-classic,conceder-classic"); // GENIUS's boulware/conceder ignore reserved values
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        long price = long.Parse(doc.RootElement.GetProperty("agreement").GetProperty("Price").GetString()!);
        Assert.InRange(price, 60_000_000, 240_000_000);
    }
}
