using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios.Phases;
using YamlDotNet.RepresentationModel;
using Doc = Parley.Scenarios.Yaml.YamlDoc;

namespace Parley.Scenarios.Yaml;

/// <summary>The phased parts of the YAML format: top-level <c>phases</c>, per-issue <c>phased</c>/<c>deferrable</c>, per-party <c>phases</c>.</summary>
public static partial class YamlScenarioReader
{
    private static PhaseStructure ReadPhaseStructure(Doc doc, YamlNode node, YamlSequenceNode issuesNode, List<Issue> issues)
    {
        var phases = new List<Phase>();
        if (node is YamlMappingNode counted)
        {
            doc.AllowOnly(counted, "'phases'", "count", "days", "length");
            var countNode = doc.Required(counted, "count", "'phases' (a list of phases, or {count, days | length})");
            long count = doc.Long(countNode, "'phases' 'count'");
            if (count is < 1 or > 1000) throw doc.Error(countNode, $"'phases' 'count' is {count}; expected 1 to 1000 phases");
            var (length, inDays) = PhaseLength(doc, counted, "'phases'", 1.0 / count);
            for (int k = 1; k <= count; k++) phases.Add(new Phase($"phase {k}", length, inDays));
        }
        else
        {
            var list = doc.Seq(node, "'phases' (a list of {name, days | length}, or {count, days | length})");
            foreach (var item in list)
            {
                var m = doc.Map(item, "a phase");
                doc.AllowOnly(m, "a phase", "name", "days", "length", "description");
                var nameNode = doc.Required(m, "name", "a phase");
                string name = doc.String(nameNode, "phase 'name'");
                if (phases.Any(p => p.Name == name)) throw doc.Error(nameNode, $"phase '{name}' is defined twice; expected unique names");
                if (name.Contains('@', StringComparison.Ordinal)) throw doc.Error(nameNode, $"phase '{name}' contains '@', which separates issue and phase in slot names");
                var (length, inDays) = PhaseLength(doc, m, $"phase '{name}'", double.NaN);
                phases.Add(new Phase(name, length, inDays));
            }
            if (phases.Count == 0) throw doc.Error(list, "'phases' is empty; expected at least one phase");
            if (phases.Any(p => double.IsNaN(p.Length)))
            {
                if (!phases.All(p => double.IsNaN(p.Length))) throw doc.Error(list, "some phases have a length and some not; expected 'days' or 'length' on every phase, or on none (equal lengths)");
                phases = [.. phases.Select(p => p with { Length = 1.0 / phases.Count })];
            }
            if (phases.Any(p => p.InDays) && !phases.All(p => p.InDays))
                throw doc.Error(list, "some phases are given in 'days' and some in normalised 'length'; expected one unit for all");
        }
        var phased = new List<PhasedIssue>();
        for (int i = 0; i < issues.Count; i++)
        {
            var m = (YamlMappingNode)issuesNode.Children[i];
            string what = $"issue '{issues[i].Name}'";
            bool perPhase = false;
            if (doc.Optional(m, "phased") is { } pn) perPhase = Bool(doc, pn, $"{what} 'phased'");
            int slots = perPhase ? phases.Count : 1;
            var deferrable = new bool[slots];
            if (doc.Optional(m, "deferrable") is { } dn)
            {
                if (dn is YamlSequenceNode names)
                {
                    if (!perPhase) throw doc.Error(dn, $"{what} is settled once (no 'phased: true'); its 'deferrable' is true or false, not a list of phases");
                    foreach (var n in names)
                    {
                        string phaseName = doc.String(n, $"{what} deferrable phase");
                        int k = phases.FindIndex(p => p.Name == phaseName);
                        if (k < 0) throw doc.Error(n, $"{what} 'deferrable' names phase '{phaseName}', which the scenario does not define; expected one of: {string.Join(", ", phases.Select(p => p.Name))}");
                        deferrable[k] = true;
                    }
                }
                else if (Bool(doc, dn, $"{what} 'deferrable'"))
                {
                    // Per-phase: every phase but the first (a phase that starts now is settled now); once: the slot.
                    for (int k = perPhase ? 1 : 0; k < slots; k++) deferrable[k] = true;
                    if (perPhase && slots == 1) throw doc.Error(dn, $"{what} is deferrable in every phase but the first, and there is only one; name the phases, or settle it once with 'deferrable: true'");
                }
            }
            if (deferrable.Any(d => d) && issues[i].IsEnumerable && issues[i].IndexOf(PhaseStructure.DeferredValue) >= 0)
                throw doc.Error(m, $"{what} has a value '{PhaseStructure.DeferredValue}', which names a deferred slot; rename that value");
            if (deferrable.Any(d => d) && (!issues[i].IsEnumerable || issues[i].ValueCount > PhaseStructure.DeferrableValueLimit))
                throw doc.Error(m, $"{what} is deferrable but has more than {PhaseStructure.DeferrableValueLimit:N0} values (or is continuous); expected a discretised issue");
            phased.Add(new PhasedIssue(issues[i], perPhase, [.. deferrable]));
        }
        try { return new PhaseStructure(phases, phased); }
        catch (ArgumentException e) { throw doc.Error(node, $"'phases': {e.Message}"); }
    }

    private static (double Length, bool InDays) PhaseLength(Doc doc, YamlMappingNode m, string what, double fallback)
    {
        var days = doc.Optional(m, "days");
        var length = doc.Optional(m, "length");
        if (days is not null && length is not null) throw doc.Error(m, $"{what} has both 'days' and 'length'; expected one");
        if (days is not null)
        {
            double d = doc.Double(days, $"{what} 'days'");
            if (!(d > 0)) throw doc.Error(days, $"{what} 'days' is {d}; expected a positive number of days");
            return (d, true);
        }
        if (length is not null)
        {
            double l = doc.Double(length, $"{what} 'length'");
            if (!(l > 0) || l > 1) throw doc.Error(length, $"{what} 'length' is {l}; expected a share of the deal in (0, 1]");
            return (l, false);
        }
        return (fallback, false);
    }

    private static bool Bool(Doc doc, YamlNode node, string what) => doc.String(node, what) switch
    {
        "true" => true,
        "false" => false,
        var s => throw doc.Error(node, $"{what} is '{s}'; expected true or false"),
    };

    private static void RejectPhaseKeys(Doc doc, YamlSequenceNode issuesNode)
    {
        foreach (var node in issuesNode)
        {
            var m = (YamlMappingNode)node;
            foreach (string key in (string[])["phased", "deferrable"])
                if (doc.Optional(m, key) is { } n) throw doc.Error(n, $"an issue has '{key}' but the scenario declares no top-level 'phases'; expected a phased scenario");
        }
    }

    private static PartyPhasing ReadPartyPhasing(Doc doc, YamlMappingNode partyMap, string what, PhaseStructure structure, UtilityFunction utility,
        YamlMappingNode utilityNode, ReservedValueCurve reserved)
    {
        if (utility is not LinearAdditiveUtility additive) throw doc.Error(utilityNode, $"{what} has a constraint utility; a phased scenario needs additive utilities (type: additive)");
        int phases = structure.Phases.Length;
        var weights = structure.LengthShares.ToArray();
        var carried = Enumerable.Repeat(1.0, phases).ToArray();
        double breakdown = reserved.At(0);
        var expectations = ImmutableDictionary.CreateBuilder<int, SlotExpectation>();
        var node = doc.Optional(partyMap, "phases");
        YamlMappingNode? map = null;
        if (node is not null)
        {
            map = doc.Map(node, $"{what} 'phases'");
            doc.AllowOnly(map, $"{what} 'phases'", "weights", "carriedOut", "breakdownValue", "expects", "source");
            if (doc.Optional(map, "weights") is { } wn)
            {
                var given = PerPhase(doc, wn, $"{what} phase 'weights'", structure, double.NaN);
                for (int k = 0; k < phases; k++)
                {
                    if (double.IsNaN(given[k])) throw doc.Error(wn, $"{what} phase 'weights' has no weight for phase '{structure.Phases[k].Name}'; expected one per phase");
                    if (given[k] < 0) throw doc.Error(wn, $"{what} weight of phase '{structure.Phases[k].Name}' is {given[k]}; expected ≥ 0");
                }
                weights = given;
            }
            if (doc.Optional(map, "carriedOut") is { } cn)
            {
                carried = PerPhase(doc, cn, $"{what} 'carriedOut'", structure, 1.0);
                for (int k = 0; k < phases; k++)
                {
                    if (carried[k] is < 0 or > 1) throw doc.Error(cn, $"{what} belief that phase '{structure.Phases[k].Name}' is carried out is {carried[k]}; expected a probability in [0, 1]");
                    if (k > 0 && carried[k] > carried[k - 1])
                        throw doc.Error(cn, $"{what} believes phase '{structure.Phases[k].Name}' more likely carried out ({carried[k]}) than the phase before it ({carried[k - 1]}); expected non-increasing beliefs (a phase is carried out only after the ones before it)");
                }
            }
            if (doc.Optional(map, "breakdownValue") is { } bn) breakdown = doc.Double(bn, $"{what} 'breakdownValue'");
            if (doc.Optional(map, "expects") is { } en) ReadExpectations(doc, en, what, structure, expectations);
        }
        for (int s = 0; s < structure.Slots.Length; s++)
            if (structure.Slots[s].Deferrable && !expectations.ContainsKey(s))
                throw doc.Error((YamlNode?)map ?? partyMap, $"{what} states no expectation for the deferrable slot '{structure.Space.Issues[s].Name}'; expected an entry in its 'phases: expects:' ({{issue, phase, value}} or {{issue, phase, distribution}})");
        return new PartyPhasing(additive, [.. weights], [.. carried], breakdown, expectations.ToImmutable());
    }

    private static double[] PerPhase(Doc doc, YamlNode node, string what, PhaseStructure structure, double fallback)
    {
        var result = Enumerable.Repeat(fallback, structure.Phases.Length).ToArray();
        if (node is YamlSequenceNode seq)
        {
            if (seq.Children.Count != result.Length) throw doc.Error(seq, $"{what} lists {seq.Children.Count} numbers; expected one per phase ({result.Length}), or a map from phase name to number");
            for (int k = 0; k < result.Length; k++) result[k] = doc.Double(seq.Children[k], $"{what} of phase '{structure.Phases[k].Name}'");
            return result;
        }
        foreach (var (k, v) in doc.Map(node, $"{what} (a map from phase name to number, or a list in phase order)").Children)
        {
            string name = doc.String(k, "a phase name");
            int p = structure.IndexOfPhase(name);
            if (p < 0) throw doc.Error(k, $"{what} names phase '{name}', which the scenario does not define; expected one of: {string.Join(", ", structure.Phases.Select(x => x.Name))}");
            result[p] = doc.Double(v, $"{what} of phase '{name}'");
        }
        return result;
    }

    private static void ReadExpectations(Doc doc, YamlNode node, string what, PhaseStructure structure, ImmutableDictionary<int, SlotExpectation>.Builder into)
    {
        foreach (var item in doc.Seq(node, $"{what} 'expects'"))
        {
            var m = doc.Map(item, $"{what} expectation");
            doc.AllowOnly(m, $"{what} expectation", "issue", "phase", "value", "distribution", "source");
            var issueNode = doc.Required(m, "issue", $"{what} expectation");
            string issueName = doc.String(issueNode, $"{what} expectation 'issue'");
            int i = structure.IndexOfIssue(issueName);
            if (i < 0) throw doc.Error(issueNode, $"{what} expectation names issue '{issueName}', which the scenario does not define; expected one of: {string.Join(", ", structure.Issues.Select(x => x.Issue.Name))}");
            var issue = structure.Issues[i].Issue;
            var slots = SlotsNamed(doc, m, structure, i, $"{what} expectation on '{issueName}'").Where(s => structure.Slots[s].Deferrable).ToArray();
            if (slots.Length == 0) throw doc.Error(issueNode, $"{what} expectation on '{issueName}': no slot of it (in that phase) is deferrable; expected an issue with 'deferrable'");
            var outcomes = ImmutableArray.CreateBuilder<(int, double)>();
            var valueNode = doc.Optional(m, "value");
            var distNode = doc.Optional(m, "distribution");
            if ((valueNode is null) == (distNode is null)) throw doc.Error(m, $"{what} expectation on '{issueName}' needs exactly one of 'value' or 'distribution'");
            int restIndex = -1;
            if (valueNode is not null) outcomes.Add((ValueIndex(doc, valueNode, issue, $"{what} expectation"), 1.0));
            else
            {
                double total = 0;
                // One value may take 'rest': 1 minus the others, so that a probability can carry a range ({value, range})
                // and the distribution still sums to 1 when robustness varies it.
                int rest = -1;
                YamlNode? restNode = null;
                foreach (var (k, v) in doc.Map(distNode!, $"{what} expectation 'distribution' (a map from value to probability)").Children)
                {
                    int value = ValueIndex(doc, k, issue, $"{what} expectation");
                    if (v is YamlScalarNode { Value: "rest" })
                    {
                        if (restNode is not null) throw doc.Error(v, $"{what} expectation on '{issueName}' has two values with probability 'rest'; expected at most one");
                        (rest, restNode) = (outcomes.Count, v);
                        outcomes.Add((value, 0));
                        continue;
                    }
                    double p = doc.Double(v, $"{what} expectation of '{issueName}' probability of '{doc.String(k, "a value")}'");
                    if (p is < 0 or > 1) throw doc.Error(v, $"{what} probability {p}; expected one in [0, 1]");
                    outcomes.Add((value, p));
                    total += p;
                }
                if (restNode is not null)
                {
                    if (total > 1 + 1e-9) throw doc.Error(restNode, $"{what} expectation on '{issueName}': the other probabilities sum to {total}, leaving no 'rest'; expected them to sum to at most 1");
                    outcomes[rest] = (outcomes[rest].Item1, Math.Max(0, 1 - total));
                    total = 1;
                    restIndex = rest;
                }
                if (Math.Abs(total - 1) > 1e-9) throw doc.Error(distNode!, $"{what} expectation on '{issueName}' has probabilities summing to {total}; expected 1");
            }
            var expectation = new SlotExpectation(outcomes.ToImmutable()) { Rest = restIndex };
            foreach (int s in slots)
                if (!into.TryAdd(s, expectation)) throw doc.Error(m, $"{what} states two expectations for slot '{structure.Space.Issues[s].Name}'");
        }
    }

    /// <summary>The slots of issue <paramref name="issue"/> an entry with an optional <c>phase</c> key names (all of them without it).</summary>
    private static int[] SlotsNamed(Doc doc, YamlMappingNode m, PhaseStructure structure, int issue, string what)
    {
        if (doc.Optional(m, "phase") is not { } pn) return structure.SlotsOf(issue).ToArray();
        string phaseName = doc.String(pn, $"{what} 'phase'");
        int k = structure.IndexOfPhase(phaseName);
        if (k < 0) throw doc.Error(pn, $"{what} names phase '{phaseName}', which the scenario does not define; expected one of: {string.Join(", ", structure.Phases.Select(x => x.Name))}");
        if (!structure.Issues[issue].PerPhase) throw doc.Error(pn, $"{what} names a phase, but issue '{structure.Issues[issue].Issue.Name}' is settled once for the whole deal; leave 'phase' out");
        return [structure.SlotOf(issue, k)];
    }

    /// <summary>
    /// The slots an entry's <c>issue</c> (and optional <c>phase</c>) names in a phased scenario — an issue's name (every
    /// slot, or the one of <c>phase</c>) or a slot's name (<c>issue@phase</c>) — with the issue's own definition.
    /// </summary>
    private static (int[] Slots, Issue Issue) ResolveSlots(Doc doc, YamlMappingNode m, YamlNode issueNode, PhaseStructure structure, string what)
    {
        string name = doc.String(issueNode, $"{what} 'issue'");
        int i = structure.IndexOfIssue(name);
        if (i >= 0) return (SlotsNamed(doc, m, structure, i, what), structure.Issues[i].Issue);
        int s = structure.Space.IndexOfIssue(name);
        if (s < 0)
            throw doc.Error(issueNode, $"{what} names issue '{name}', which the scenario does not define; expected one of: {string.Join(", ", structure.Issues.Select(x => x.Issue.Name))} (optionally with 'phase'), or a slot: {string.Join(", ", structure.Space.Issues.Select(x => x.Name))}");
        if (doc.Optional(m, "phase") is { } pn) throw doc.Error(pn, $"{what} names slot '{name}', which already has its phase; leave 'phase' out");
        return ([s], structure.Issues[structure.Slots[s].Issue].Issue);
    }

    private static UtilityFunction CompilePhased(Doc doc, YamlMappingNode map, string what, PhaseStructure structure, PartyPhasing phasing)
    {
        try { return PhasedUtility.Compile(structure, phasing); }
        catch (ArgumentException e) { throw doc.Error(map, $"{what}: {e.Message}"); }
    }

    /// <summary>The value of one slot in a package entry: a slot name with a value, an issue with one value (once) or one per phase (a list, or a map from phase to value).</summary>
    private static void ReadPhasedPackageValue(Doc doc, YamlNode key, YamlNode value, PhaseStructure structure, int?[] into, string what)
    {
        string name = doc.String(key, "an issue name");
        int i = structure.IndexOfIssue(name);
        int slotIndex = structure.Space.IndexOfIssue(name);
        if (i >= 0 && structure.Issues[i].PerPhase && structure.Phases.Length > 1)
        {
            var slots = structure.SlotsOf(i);
            if (value is YamlSequenceNode seq)
            {
                if (seq.Children.Count != slots.Length) throw doc.Error(seq, $"{what} gives {seq.Children.Count} values for '{name}'; expected one per phase ({slots.Length}) in phase order");
                for (int k = 0; k < slots.Length; k++) into[slots[k]] = ValueIndex(doc, seq.Children[k], structure.Space.Issues[slots[k]], what);
                return;
            }
            foreach (var (pk, pv) in doc.Map(value, $"{what} value of '{name}' (a list with one value per phase, or a map from phase to value)").Children)
            {
                string phaseName = doc.String(pk, "a phase name");
                int k = structure.IndexOfPhase(phaseName);
                if (k < 0) throw doc.Error(pk, $"{what} names phase '{phaseName}', which the scenario does not define; expected one of: {string.Join(", ", structure.Phases.Select(x => x.Name))}");
                into[slots[k]] = ValueIndex(doc, pv, structure.Space.Issues[slots[k]], what);
            }
            return;
        }
        if (slotIndex < 0)
            throw doc.Error(key, $"{what} names issue '{name}', which the scenario does not define; expected one of: {string.Join(", ", structure.Issues.Select(x => x.Issue.Name))}, or a slot: {string.Join(", ", structure.Space.Issues.Select(x => x.Name))}");
        into[slotIndex] = ValueIndex(doc, value, structure.Space.Issues[slotIndex], what);
    }
}
