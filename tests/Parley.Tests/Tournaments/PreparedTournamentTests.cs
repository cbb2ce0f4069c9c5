using CsCheck;
using Parley.Agents.Negotiators;
using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public class PreparedTournamentTests
{
    [Fact]
    public void Assignments_MatchBruteForce_ForSmallTables()
    {
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 4], Gen.Bool).Sample((competitors, seats, selfPlay) =>
        {
            var expected = new List<string>();
            int total = (int)Math.Pow(competitors, seats);
            for (int code = 0; code < total; code++)
            {
                var digits = new int[seats];
                for (int s = seats - 1, c = code; s >= 0; s--, c /= competitors) digits[s] = c % competitors;
                if (!selfPlay && digits.Distinct().Count() < seats) continue;
                expected.Add(string.Join(',', digits));
            }
            var actual = PreparedTournament.Assignments(competitors, seats, selfPlay).Select(a => string.Join(',', a)).ToList();
            Assert.Equal(expected, actual);
        });
    }

    [Fact]
    public void Indexer_CoversEveryCombinationOnce_WithStableSeeds()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder, titfortat]", repetitions: 3));
        Assert.Equal(2 * 9 * 2 * 3, t.Count);
        var combos = Enumerable.Range(0, t.Count).Select(i => t[i]).ToList();
        Assert.Equal(combos.Select(c => c.Index), Enumerable.Range(0, t.Count));
        Assert.Equal(t.Count, combos.Select(c => (c.Scenario, c.Rotation, c.Repetition, string.Join(',', c.Seats))).Distinct().Count());
        Assert.Equal(t.Count, combos.Select(c => c.Seed).Distinct().Count());

        var again = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder, titfortat]", repetitions: 3));
        Assert.Equal(combos.Select(c => c.Seed), Enumerable.Range(0, again.Count).Select(i => again[i].Seed));
    }

    [Fact]
    public void Seed_DependsOnTheCombinationNotItsPosition()
    {
        using var folder = TestPaths.TempFolder();
        var three = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder, titfortat]"));
        var two = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder]"));
        string Key(PreparedTournament t, PlannedNegotiation p) =>
            $"{p.Scenario}/{p.Rotation}/{p.Repetition}/{string.Join(',', p.Seats.Select(s => t.Spec.Negotiators[s].Name))}";
        var seeds = Enumerable.Range(0, three.Count).Select(i => three[i]).ToDictionary(p => Key(three, p), p => p.Seed);
        for (int i = 0; i < two.Count; i++) Assert.Equal(seeds[Key(two, two[i])], two[i].Seed);
    }

    [Fact]
    public void Table_RotatesProfilesOverSeats()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder));
        var plain = t.Table(t[0]);
        var rotated = t.Table(t[t.Spec.Repetitions]);
        Assert.Equal(1, t[t.Spec.Repetitions].Rotation);
        Assert.Equal(plain.Parties.Reverse(), rotated.Parties);
    }

    [Fact]
    public void RotateRolesOff_OneRotationPerAssignment()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder]", repetitions: 1, extra: "rotateRoles: false\nselfPlay: false"));
        Assert.Equal(2 * 2, t.Count);
        Assert.All(Enumerable.Range(0, t.Count), i => Assert.Equal(0, t[i].Rotation));
    }
}
