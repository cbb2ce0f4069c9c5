using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Tournaments.Storage;

namespace Parley.Tournaments.Reports;

/// <summary>One leaderboard row: a negotiator over every seat it took.</summary>
/// <param name="Name">Negotiator name.</param>
/// <param name="Negotiations">Seats taken (a self-play negotiation counts once per seat).</param>
/// <param name="MeanUtility">Mean final utility over those seats.</param>
/// <param name="Ci95">Half-width of the 95% confidence interval of the mean (Student t); 0 with fewer than two seats.</param>
/// <param name="AgreementRate">Share of its negotiations that ended in agreement.</param>
/// <param name="MeanDistanceToPareto">Mean distance of the outcome to the Pareto frontier (null when never measured).</param>
/// <param name="MeanDistanceToNash">Mean distance to the Nash point (null when never measured).</param>
/// <param name="MeanWelfare">Mean social welfare (sum of final utilities) of its negotiations.</param>
/// <param name="Failures">Negotiations that failed because of this negotiator.</param>
/// <param name="ModelPearson">Mean Pearson correlation of its opponent model with the true opponent utilities (null: no model measured).</param>
/// <param name="ModelKendall">Mean Kendall τ-b of its opponent model with the true opponent utilities (null: no model measured).</param>
/// <param name="ModelParetoError">Mean Pareto-frontier estimation error of its opponent model (null: no model measured, or never bilateral).</param>
/// <param name="ModelNegotiations">Negotiations in which its opponent model was measured.</param>
public sealed record LeaderboardRow(string Name, int Negotiations, double MeanUtility, double Ci95, double AgreementRate,
    double? MeanDistanceToPareto, double? MeanDistanceToNash, double MeanWelfare, int Failures,
    double? ModelPearson = null, double? ModelKendall = null, double? ModelParetoError = null, int ModelNegotiations = 0);

/// <summary>One scenario's summary.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Negotiations">Negotiations stored.</param>
/// <param name="AgreementRate">Share that ended in agreement.</param>
/// <param name="MeanWelfare">Mean social welfare.</param>
/// <param name="MeanDistanceToPareto">Mean distance to the frontier (null when never measured).</param>
/// <param name="MeanDistanceToNash">Mean distance to the Nash point (null when never measured).</param>
/// <param name="Failures">Failed negotiations.</param>
/// <param name="Best">Negotiator with the highest mean utility on this scenario.</param>
/// <param name="MeanUtilities">Mean utility of each negotiator on this scenario (leaderboard order; NaN when it never played it).</param>
public sealed record ScenarioRow(string Name, int Negotiations, double AgreementRate, double MeanWelfare, double? MeanDistanceToPareto,
    double? MeanDistanceToNash, int Failures, string Best, IReadOnlyList<double> MeanUtilities);

/// <summary>
/// The report of a tournament's stored results: leaderboard (by mean utility, best first), per-scenario summaries, and
/// the pairwise table. Pairwise, cell [row, column] is the share of encounters of row against column (two seats of one
/// negotiation) in which row's utility was higher, ties counting half; the diagonal (self-play) is NaN.
/// </summary>
public sealed record TournamentReport(
    string Tournament, int Planned, int Stored, IReadOnlyList<LeaderboardRow> Leaderboard, IReadOnlyList<ScenarioRow> Scenarios,
    IReadOnlyList<string> PairwiseNames, double[,] WinRate, int[,] Encounters, IReadOnlyList<(int Index, string Scenario, string Kind, string Reason)> FailureSamples)
{
    /// <summary>Builds the report of <paramref name="results"/>.</summary>
    public static TournamentReport Build(StoredTournament tournament, StoredResults results)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(results);
        int k = results.Negotiators.Count;
        var utilities = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        var agreements = new int[k];
        var failures = new int[k];
        var pareto = new Summer[k];
        var nash = new Summer[k];
        var welfare = new double[k];
        var modelPearson = new Summer[k];
        var modelKendall = new Summer[k];
        var modelPareto = new Summer[k];
        var modelCount = new int[k];
        var wins = new double[k, k];
        var encounters = new int[k, k];
        int s = results.Scenarios.Count;
        var perScenario = new (int Count, int Agreed, double Welfare, Summer Pareto, Summer Nash, int Failures)[s];
        var scenarioUtility = new Summer[s, k];
        var samples = new List<(int, string, string, string)>();

        foreach (var r in results.Results)
        {
            bool agreed = r.Status == NegotiationStatus.Agreed;
            ref var sc = ref perScenario[r.Scenario];
            sc.Count++;
            if (agreed) sc.Agreed++;
            sc.Welfare += r.Welfare;
            sc.Pareto.Add(r.DistanceToPareto);
            sc.Nash.Add(r.DistanceToNash);
            if (r.Status == NegotiationStatus.Failed)
            {
                sc.Failures++;
                if (r.FailureSeat is { } seat && seat < r.Seats.Count) failures[r.Seats[seat].Negotiator]++;
                if (samples.Count < 10) samples.Add((r.Index, results.Scenarios[r.Scenario], r.FailureKind ?? "?", r.FailureReason ?? ""));
            }
            foreach (var (negotiator, utility) in r.Seats)
            {
                utilities[negotiator].Add(utility);
                if (agreed) agreements[negotiator]++;
                pareto[negotiator].Add(r.DistanceToPareto);
                nash[negotiator].Add(r.DistanceToNash);
                welfare[negotiator] += r.Welfare;
                scenarioUtility[r.Scenario, negotiator].Add(utility);
            }
            foreach (var m in r.Models ?? [])
            {
                if (m.Seat < 0 || m.Seat >= r.Seats.Count) continue;
                int negotiator = r.Seats[m.Seat].Negotiator;
                modelPearson[negotiator].Add(m.Pearson);
                modelKendall[negotiator].Add(m.Kendall);
                modelPareto[negotiator].Add(m.ParetoError);
                modelCount[negotiator]++;
            }
            for (int a = 0; a < r.Seats.Count; a++)
                for (int b = 0; b < r.Seats.Count; b++)
                {
                    if (a == b || r.Seats[a].Negotiator == r.Seats[b].Negotiator) continue;
                    int x = r.Seats[a].Negotiator, y = r.Seats[b].Negotiator;
                    encounters[x, y]++;
                    double ua = r.Seats[a].Utility, ub = r.Seats[b].Utility;
                    wins[x, y] += ua > ub ? 1 : ua == ub ? 0.5 : 0;
                }
        }

        var rows = new List<LeaderboardRow>();
        for (int i = 0; i < k; i++)
        {
            var u = utilities[i];
            int n = u.Count;
            double mean = n == 0 ? double.NaN : u.Average();
            double ci = n < 2 ? 0 : StudentT.Quantile975(n - 1) * Math.Sqrt(u.Sum(x => (x - mean) * (x - mean)) / (n - 1) / n);
            rows.Add(new LeaderboardRow(results.Negotiators[i], n, mean, ci, n == 0 ? 0 : (double)agreements[i] / n,
                pareto[i].Mean, nash[i].Mean, n == 0 ? double.NaN : welfare[i] / n, failures[i],
                modelPearson[i].Mean, modelKendall[i].Mean, modelPareto[i].Mean, modelCount[i]));
        }
        var order = Enumerable.Range(0, k).OrderByDescending(i => double.IsNaN(rows[i].MeanUtility) ? double.NegativeInfinity : rows[i].MeanUtility).ThenBy(i => rows[i].Name, StringComparer.Ordinal).ToArray();

        var scenarios = new List<ScenarioRow>();
        for (int j = 0; j < s; j++)
        {
            var sc = perScenario[j];
            var means = order.Select(i => scenarioUtility[j, i].Mean ?? double.NaN).ToArray();
            int best = -1;
            for (int m = 0; m < means.Length; m++) if (!double.IsNaN(means[m]) && (best < 0 || means[m] > means[best])) best = m;
            scenarios.Add(new ScenarioRow(results.Scenarios[j], sc.Count, sc.Count == 0 ? 0 : (double)sc.Agreed / sc.Count,
                sc.Count == 0 ? double.NaN : sc.Welfare / sc.Count, sc.Pareto.Mean, sc.Nash.Mean, sc.Failures, best < 0 ? "" : rows[order[best]].Name, means));
        }

        var rate = new double[k, k];
        var count = new int[k, k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                int x = order[a], y = order[b];
                count[a, b] = encounters[x, y];
                rate[a, b] = encounters[x, y] == 0 ? double.NaN : wins[x, y] / encounters[x, y];
            }
        return new TournamentReport(tournament.Name, tournament.NegotiationCount, results.Results.Count, [.. order.Select(i => rows[i])], scenarios,
            [.. order.Select(i => rows[i].Name)], rate, count, samples);
    }

    /// <summary>Sums values that may be missing.</summary>
    private struct Summer
    {
        private double _sum;
        private int _count;

        public void Add(double? value)
        {
            if (value is not { } v || !double.IsFinite(v)) return;
            _sum += v;
            _count++;
        }

        public readonly double? Mean => _count == 0 ? null : _sum / _count;
    }
}
