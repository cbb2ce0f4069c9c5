using System.Globalization;
using System.Text;
using CsCheck;

namespace Parley.Tests.Scenarios.Phases;

/// <summary>Random small scenarios as YAML text, flat and phased, with everything a brute-force evaluation needs.</summary>
internal static class PhasedScenarios
{
    internal sealed record IssueSpec(string Name, bool Integer, int Count, bool PerPhase, bool[] Deferrable);

    internal sealed record PartySpec(string Name, double[] Weights, double[][] Evaluations, double[] PhaseWeights, double[] CarriedOut, double Breakdown,
        Dictionary<(int Issue, int Phase), (int Value, double P)[]> Expects);

    internal sealed record Spec(int Phases, IssueSpec[] Issues, PartySpec[] Parties)
    {
        public string PhaseName(int k) => $"p{k + 1}";
        public string SlotName(int i, int k) => !Issues[i].PerPhase || Phases == 1 ? Issues[i].Name : $"{Issues[i].Name}@{PhaseName(k)}";
        public string ValueText(int i, int v) => Issues[i].Integer ? (10 + v).ToString(CultureInfo.InvariantCulture) : $"v{v}";
    }

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A random phased spec: 1–3 phases, 1–3 issues of 2–3 values, 2 parties.</summary>
    public static Gen<Spec> Phased(bool allowOnePhase = true) =>
        Gen.Select(Gen.Int[allowOnePhase ? 1 : 2, 3], Gen.Int[1, 3], Gen.Int).Select((phases, issues, seed) =>
        {
            var rng = new Random(seed);
            var specs = new IssueSpec[issues];
            for (int i = 0; i < issues; i++)
            {
                bool per = rng.Next(3) > 0;
                var deferrable = new bool[per ? phases : 1];
                for (int k = per ? 1 : 0; k < deferrable.Length; k++) deferrable[k] = rng.Next(2) == 0;
                specs[i] = new IssueSpec($"I{i}", rng.Next(2) == 0, rng.Next(2, 4), per, deferrable);
            }
            var parties = new PartySpec[2];
            for (int p = 0; p < 2; p++)
            {
                var w = Enumerable.Range(0, issues).Select(_ => Math.Round(rng.NextDouble(), 3)).ToArray();
                double sum = w.Sum();
                if (sum > 0) w = w.Select(x => x / sum).ToArray();
                var evals = specs.Select(s => Enumerable.Range(0, s.Count).Select(_ => Math.Round(rng.NextDouble(), 3)).ToArray()).ToArray();
                var pw = Enumerable.Range(0, phases).Select(_ => 0.1 + rng.NextDouble()).ToArray();
                double pws = pw.Sum();
                pw = pw.Select(x => x / pws).ToArray();
                var c = new double[phases];
                c[0] = 1;
                for (int k = 1; k < phases; k++) c[k] = Math.Round(c[k - 1] * (0.5 + rng.NextDouble() / 2), 3);
                var expects = new Dictionary<(int, int), (int, double)[]>();
                for (int i = 0; i < issues; i++)
                    for (int k = 0; k < specs[i].Deferrable.Length; k++)
                    {
                        if (!specs[i].Deferrable[k]) continue;
                        if (rng.Next(2) == 0) expects[(i, k)] = [(rng.Next(specs[i].Count), 1.0)];
                        else
                        {
                            double a = Math.Round(rng.NextDouble(), 2);
                            expects[(i, k)] = [(0, a), (specs[i].Count - 1, 1 - a)];
                        }
                    }
                parties[p] = new PartySpec(p == 0 ? "A" : "B", w, evals, pw, c, Math.Round(rng.NextDouble() * 0.5, 3), expects);
            }
            return new Spec(phases, specs, parties);
        });

    /// <summary>The YAML of <paramref name="spec"/>; with <paramref name="flat"/> no phases at all (only for one phase and nothing deferrable).</summary>
    public static string Yaml(Spec spec, bool flat = false)
    {
        var sb = new StringBuilder("name: phased test\n");
        if (!flat)
        {
            sb.Append("phases:\n");
            for (int k = 0; k < spec.Phases; k++) sb.Append($"  - {{name: {spec.PhaseName(k)}, days: {10 + k}}}\n");
        }
        sb.Append("issues:\n");
        for (int i = 0; i < spec.Issues.Length; i++)
        {
            var s = spec.Issues[i];
            sb.Append(s.Integer ? $"  - name: {s.Name}\n    type: integer\n    min: 10\n    max: {9 + s.Count}\n" : $"  - name: {s.Name}\n    type: discrete\n    values: [{string.Join(", ", Enumerable.Range(0, s.Count).Select(v => $"v{v}"))}]\n");
            if (flat) continue;
            if (s.PerPhase) sb.Append("    phased: true\n");
            if (s.Deferrable.Any(d => d))
                sb.Append(s.PerPhase ? $"    deferrable: [{string.Join(", ", Enumerable.Range(0, s.Deferrable.Length).Where(k => s.Deferrable[k]).Select(spec.PhaseName))}]\n" : "    deferrable: true\n");
        }
        sb.Append("parties:\n");
        foreach (var p in spec.Parties)
        {
            sb.Append($"  - name: {p.Name}\n    reservedValue: 0.25\n    utility:\n      weights: {{{string.Join(", ", spec.Issues.Select((s, i) => $"{s.Name}: {N(p.Weights[i])}"))}}}\n      issues:\n");
            for (int i = 0; i < spec.Issues.Length; i++)
            {
                var s = spec.Issues[i];
                // Integer issues get discrete-looking scores through a linear evaluator only when the scores are linear; keep them linear.
                if (s.Integer) sb.Append($"        {s.Name}: {{slope: {N(p.Evaluations[i][1] - p.Evaluations[i][0])}, offset: {N(p.Evaluations[i][0])}}}\n");
                else sb.Append($"        {s.Name}: {{values: {{{string.Join(", ", Enumerable.Range(0, s.Count).Select(v => $"v{v}: {N(p.Evaluations[i][v])}"))}}}}}\n");
            }
            if (flat) continue;
            sb.Append($"    phases:\n      weights: [{string.Join(", ", p.PhaseWeights.Select(N))}]\n      carriedOut: [{string.Join(", ", p.CarriedOut.Select(N))}]\n      breakdownValue: {N(p.Breakdown)}\n");
            if (p.Expects.Count == 0) continue;
            sb.Append("      expects:\n");
            foreach (var ((i, k), dist) in p.Expects)
            {
                string phase = spec.Issues[i].PerPhase ? $", phase: {spec.PhaseName(k)}" : "";
                sb.Append(dist.Length == 1
                    ? $"        - {{issue: {spec.Issues[i].Name}{phase}, value: \"{spec.ValueText(i, dist[0].Value)}\"}}\n"
                    : $"        - {{issue: {spec.Issues[i].Name}{phase}, distribution: {{{string.Join(", ", dist.Select(d => $"\"{spec.ValueText(i, d.Value)}\": {N(d.P)}"))}}}}}\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The score of value <paramref name="v"/> of issue <paramref name="i"/> for <paramref name="p"/>, as the format
    /// defines it (discrete: evaluation / largest evaluation; integer: slope · (v − min) + offset, clamped to [0, 1]).
    /// </summary>
    public static double Score(Spec spec, PartySpec p, int i, int v)
    {
        var e = p.Evaluations[i];
        if (spec.Issues[i].Integer) return Math.Clamp((e[1] - e[0]) * v + e[0], 0, 1);
        double max = e.Max();
        return max < 1e-5 ? 0 : e[v] / max;
    }

    /// <summary>
    /// Brute force, from the definition and not from the library's compiler: Σ over phases of the phase weight times
    /// (belief carried out × Σ issues weight × score of that phase's value, the expectation when deferred) plus
    /// (1 − belief) × breakdown value; capped at 1.
    /// </summary>
    public static double BruteForce(Spec spec, PartySpec p, Func<int, int, string> valueOf)
    {
        double total = 0;
        for (int k = 0; k < spec.Phases; k++)
        {
            double deal = 0;
            for (int i = 0; i < spec.Issues.Length; i++)
            {
                int slotPhase = spec.Issues[i].PerPhase ? k : 0;
                string text = valueOf(i, k);
                double score;
                if (text == "deferred") score = p.Expects[(i, slotPhase)].Sum(d => d.P * Score(spec, p, i, d.Value));
                else
                {
                    int v = Enumerable.Range(0, spec.Issues[i].Count).Single(x => spec.ValueText(i, x) == text);
                    score = Score(spec, p, i, v);
                }
                deal += p.Weights[i] * score;
            }
            total += p.PhaseWeights[k] * (p.CarriedOut[k] * deal + (1 - p.CarriedOut[k]) * p.Breakdown);
        }
        return Math.Min(1, total);
    }
}
