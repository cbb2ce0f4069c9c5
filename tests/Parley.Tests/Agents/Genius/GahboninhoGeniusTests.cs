using Xunit.Abstractions;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// Gahboninho against GENIUS (golden file <c>gahboninho.csv</c>, 90 sessions). The original draws random numbers (the
/// order of each issue's values in its bid map, the nudges of equal-utility keys) that decide only which of several bids
/// of equal utility it offers: GENIUS repeated 21 of the 25 pairings with Gahboninho exactly, and Parley must repeat
/// those transcript for transcript.
/// </summary>
public class GahboninhoGeniusTests(ITestOutputHelper output) : GeniusRoundRobinCheck("gahboninho.csv", "Gahboninho", 20, output);
