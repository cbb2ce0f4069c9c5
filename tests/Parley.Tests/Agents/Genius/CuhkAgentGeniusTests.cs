using Xunit.Abstractions;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// CUHKAgent against GENIUS (golden file <c>cuhkagent.csv</c>, 90 sessions). The original draws random numbers only when
/// it picks among candidate bids (when the opponent's best offer is below its threshold: in practice on the discounted
/// scenarios): GENIUS repeated 14 of the 25 pairings with CUHKAgent exactly, and Parley must repeat those transcript for
/// transcript.
/// </summary>
public class CuhkAgentGeniusTests(ITestOutputHelper output) : GeniusRoundRobinCheck("cuhkagent.csv", "CUHKAgent", 10, output);
