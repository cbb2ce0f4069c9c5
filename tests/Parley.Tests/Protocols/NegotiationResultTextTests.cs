using Parley.Agents;
using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Tests.Protocols;

/// <summary>A result read in the scenario's terms: the agreement as issue values, not an index.</summary>
public sealed class NegotiationResultTextTests
{
    private static Scenario Laptop => ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", "Laptop"));

    [Fact]
    public void Describe_Agreement_NamesEveryIssueValueAndEachPartysUtility()
    {
        var scenario = Laptop;
        var result = Negotiation.Run(scenario, [Negotiators.Boulware(), Negotiators.Conceder()], new SaoOptions { Rounds = 200, Seed = 7 });
        Assert.True(result.HasAgreement);
        var terms = result.AgreementTerms(scenario)!;
        Assert.Equal(scenario.Space.Issues.Select(i => i.Name), terms.Select(t => t.Key));
        string text = result.Describe(scenario);
        Assert.StartsWith($"Agreement in round {result.Rounds}: ", text);
        foreach (var (issue, value) in terms) Assert.Contains($"{issue} = {value}", text);
        for (int i = 0; i < result.Parties.Length; i++)
            Assert.Contains($"{result.Parties[i]} {result.Utilities[i].ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}", text);
        Assert.DoesNotContain(result.Agreement!.Value.ToString(), text.Split(':')[0]);
    }

    [Fact]
    public void Describe_NoAgreement_SaysWhyAndHasNoTerms()
    {
        var scenario = Laptop;
        var result = Negotiation.Run(scenario, [Negotiators.Hardliner(), Negotiators.Hardliner()], new SaoOptions { Rounds = 20, Seed = 1 });
        Assert.False(result.HasAgreement);
        Assert.Null(result.AgreementTerms(scenario));
        Assert.StartsWith("No agreement (deadline) after 20 rounds. Utilities: ", result.Describe(scenario));
    }

    [Fact]
    public void AgreementTerms_OfAnotherScenario_IsRefused()
    {
        var result = Negotiation.Run(Laptop, [Negotiators.Boulware(), Negotiators.Conceder()], new SaoOptions { Rounds = 200, Seed = 7 });
        var other = ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", "EnglandZimbabwe"));
        Assert.Throws<ArgumentException>(() => result.AgreementTerms(other));
    }
}
