using System.Globalization;
using System.Text;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>A <see cref="NegotiationResult"/> in the scenario's own terms: the agreement as issue values, the utilities by party.</summary>
public static class NegotiationResultText
{
    /// <summary>
    /// The agreement as issue name → value text, in issue order ("Price" → "10000"), or null without an agreement.
    /// <paramref name="scenario"/> is the scenario the negotiation ran on.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? AgreementTerms(this NegotiationResult result, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scenario);
        if (result.Agreement is null) return null;
        if (result.AgreementValues.Length != scenario.Space.IssueCount)
            throw new ArgumentException($"the result of '{result.Scenario}' has {result.AgreementValues.Length} issue values, but scenario '{scenario.Name}' has {scenario.Space.IssueCount} issues", nameof(scenario));
        return scenario.Space.Describe(result.AgreementValues.AsSpan());
    }

    /// <summary>
    /// One line a person can read: "Agreement in round 412: Price = 10000, Warranty = 6. Utilities: Buyer 0.812,
    /// Seller 0.744." or "No agreement (deadline) after 1000 rounds. Utilities: …" (final utilities, in party order).
    /// </summary>
    public static string Describe(this NegotiationResult result, Scenario scenario)
    {
        var terms = result.AgreementTerms(scenario);
        var text = new StringBuilder();
        if (terms is not null)
            text.Append(CultureInfo.InvariantCulture, $"Agreement in round {result.Rounds}: ")
                .AppendJoin(", ", terms.Select(t => $"{t.Key} = {t.Value}"));
        else
            text.Append(CultureInfo.InvariantCulture, $"No agreement ({Why(result)}) after {result.Rounds} rounds");
        text.Append(". Utilities: ");
        for (int i = 0; i < result.Parties.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(CultureInfo.InvariantCulture, $"{result.Parties[i]} {result.Utilities[i]:0.###}");
        }
        return text.Append('.').ToString();
    }

    private static string Why(NegotiationResult result) => result.Status switch
    {
        NegotiationStatus.Deadline => "deadline",
        NegotiationStatus.WalkedAway when result.WalkedAwayBy >= 0 && result.WalkedAwayBy < result.Parties.Length => $"{result.Parties[result.WalkedAwayBy]} walked away",
        NegotiationStatus.WalkedAway => "a party walked away",
        NegotiationStatus.Failed when result.Failure is { } f => $"{f.PartyName} failed: {f.Reason}",
        NegotiationStatus.Ended => "the table broke up",
        var other => other.ToString().ToLowerInvariant(),
    };
}
