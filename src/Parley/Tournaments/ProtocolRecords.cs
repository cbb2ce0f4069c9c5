using System.Collections.Immutable;
using Parley.Protocols;
using Parley.Scenarios;
using ProtocolStatus = Parley.Protocols.NegotiationStatus;

namespace Parley.Tournaments;

/// <summary>What every tournament protocol shares: which scenarios it can run, and its result as a stored record (principals only, seat order).</summary>
internal static class ProtocolRecords
{
    public static string? Unsuitable(Scenario scenario)
    {
        int principals = scenario.Principals.Count();
        if (principals < 2) return $"it has {principals} principal(s); expected at least two";
        if (!scenario.Space.IsDiscrete) return "it has a continuous issue; discretise real issues with 'steps'";
        return null;
    }

    public static NegotiationRecord From(Scenario table, NegotiationResult result)
    {
        var final = ImmutableArray.CreateBuilder<double>();
        var raw = ImmutableArray.CreateBuilder<double>();
        int? failureSeat = null;
        for (int i = 0, seat = 0; i < result.Utilities.Length; i++)
        {
            if (!result.IsPrincipal(i)) continue;
            if (result.Failure is { } f && f.Party == i) failureSeat = seat;
            final.Add(result.Utilities[i]);
            raw.Add(result.UndiscountedUtilities[i]);
            seat++;
        }
        string? failureKind = result.Failure?.Kind.ToString();
        string? reason = result.Failure?.Reason;
        if (result.Failure is { } g && failureSeat is null) reason = $"{g.PartyName} (a mediator): {reason}";
        return new NegotiationRecord
        {
            Index = -1,
            Status = result.Status switch
            {
                ProtocolStatus.Agreed => NegotiationStatus.Agreed,
                ProtocolStatus.WalkedAway or ProtocolStatus.Ended => NegotiationStatus.WalkedAway,
                ProtocolStatus.Failed => NegotiationStatus.Failed,
                _ => NegotiationStatus.Deadline,
            },
            Agreement = result.HasAgreement ? AgreementText.Format(table.Space, result.AgreementValues) : null,
            Utilities = final.ToImmutable(),
            UndiscountedUtilities = raw.ToImmutable(),
            Rounds = result.Rounds,
            Steps = result.Steps,
            EndTime = result.EndTime,
            Welfare = result.SocialWelfare,
            FailureKind = failureKind,
            FailureSeat = failureSeat,
            FailureReason = reason,
            ElapsedMs = result.Elapsed.TotalMilliseconds,
        };
    }
}
