import java.io.*;
import java.util.*;

import genius.core.Bid;
import genius.core.BidIterator;
import genius.core.Domain;
import genius.core.DomainImpl;
import genius.core.bidding.BidDetails;
import genius.core.boaframework.AcceptanceStrategy;
import genius.core.boaframework.Actions;
import genius.core.boaframework.NegotiationSession;
import genius.core.boaframework.OfferingStrategy;
import genius.core.boaframework.OpponentModel;
import genius.core.issue.Issue;
import genius.core.issue.IssueDiscrete;
import genius.core.issue.Value;
import genius.core.timeline.TimeLineInfo;
import genius.core.utility.AdditiveUtilitySpace;

/**
 * Records GENIUS 10.4's BOA opponent models and acceptance conditions on a scripted opponent, for Parley's golden
 * tests (tests/Parley.Tests/Agents/Boa). Not run in CI. Usage (classpath: the oracle kit's WORK/classes and
 * classpath.txt): java BoaGoldenRecorder DOMAIN.xml OWN_PROFILE.xml SEED STEPS OUT_PREFIX
 * The scripted opponent starts at a random bid and changes each issue with probability 0.3 per step
 * (java.util.Random(SEED)); bids are written as value indices in domain order.
 * OUT_PREFIX.bids.csv: step, value indices, own utility, time.
 * OUT_PREFIX.models.csv: model, step, outcome (value indices), evaluation; every outcome of the domain at the
 * steps 1, 2, 3, 5, 10, 20 and the last (at most 150 outcomes: every k-th in GENIUS's enumeration order).
 * OUT_PREFIX.ac.csv: condition, step, nextBidUtility, time, decision.
 */
public class BoaGoldenRecorder {
    static double now;

    public static void main(String[] a) throws Exception {
        Domain domain = new DomainImpl(a[0]);
        AdditiveUtilitySpace us = new AdditiveUtilitySpace(domain, a[1]);
        long seed = Long.parseLong(a[2]);
        int steps = Integer.parseInt(a[3]);
        String out = a[4];
        List<Issue> issues = domain.getIssues();
        Random r = new Random(seed);
        TimeLineInfo tl = new TimeLineInfo() {
            public genius.core.timeline.Timeline.Type getType() { return genius.core.timeline.Timeline.Type.Rounds; }
            public double getTime() { return now; }
            public double getTotalTime() { return steps + 1; }
            public double getCurrentTime() { return now * (steps + 1); }
        };
        NegotiationSession session = new NegotiationSession(null, us, tl, null, null, null);
        OpponentModel hh = new negotiator.boaframework.opponentmodel.HardHeadedFrequencyModel();
        hh.init(session, new HashMap<String, Double>());
        OpponentModel sb = new negotiator.boaframework.opponentmodel.ScalableBayesianModel();
        sb.init(session, new HashMap<String, Double>());
        OfferingStrategy offering = new OfferingStrategy() {
            public BidDetails determineOpeningBid() { return null; }
            public BidDetails determineNextBid() { return null; }
            public String getName() { return "scripted"; }
        };
        Map<String, AcceptanceStrategy> acs = new LinkedHashMap<>();
        acs.put("AC_Next(1,0)", ac(new negotiator.boaframework.acceptanceconditions.other.AC_Next(), session, offering, "a", 1.0, "b", 0.0));
        acs.put("AC_Next(1.02,0.01)", ac(new negotiator.boaframework.acceptanceconditions.other.AC_Next(), session, offering, "a", 1.02, "b", 0.01));
        acs.put("AC_Const(0.6)", ac(new negotiator.boaframework.acceptanceconditions.other.AC_Const(), session, offering, "c", 0.6));
        acs.put("AC_Time(0.5)", ac(new negotiator.boaframework.acceptanceconditions.other.AC_Time(), session, offering, "t", 0.5));
        acs.put("AC_Combi(1,0,0.8)", ac(new negotiator.boaframework.acceptanceconditions.other.AC_Combi(), session, offering, "a", 1.0, "b", 0.0, "t", 0.8, "c", 1.0));
        acs.put("AC_CombiMax(0.3)", ac(new negotiator.boaframework.acceptanceconditions.other.AC_CombiMax(), session, offering, "t", 0.3));
        acs.put("AC_CombiMaxInWindow(0.3)", ac(new negotiator.boaframework.acceptanceconditions.other.AC_CombiMaxInWindow(), session, offering, "t", 0.3));
        acs.put("AC_CombiAvg(0.3)", ac(new negotiator.boaframework.acceptanceconditions.other.AC_CombiAvg(), session, offering, "t", 0.3));

        List<Bid> all = new ArrayList<>();
        for (BidIterator it = new BidIterator(domain); it.hasNext();) all.add(it.next());
        int stride = (all.size() + 149) / 150;
        Set<Integer> record = new HashSet<>(Arrays.asList(1, 2, 3, 5, 10, 20, steps));

        int[] cur = new int[issues.size()];
        for (int i = 0; i < cur.length; i++) cur[i] = r.nextInt(((IssueDiscrete) issues.get(i)).getNumberOfValues());
        try (PrintWriter bids = new PrintWriter(out + ".bids.csv"); PrintWriter models = new PrintWriter(out + ".models.csv");
             PrintWriter acOut = new PrintWriter(out + ".ac.csv")) {
            bids.println("step,bid,utility,time");
            models.println("model,step,outcome,evaluation");
            acOut.println("condition,step,nextBidUtility,time,accept");
            for (int step = 1; step <= steps; step++) {
                if (step > 1)
                    for (int i = 0; i < cur.length; i++)
                        if (r.nextDouble() < 0.3) cur[i] = r.nextInt(((IssueDiscrete) issues.get(i)).getNumberOfValues());
                HashMap<Integer, Value> values = new HashMap<>();
                for (int i = 0; i < cur.length; i++) values.put(issues.get(i).getNumber(), ((IssueDiscrete) issues.get(i)).getValue(cur[i]));
                Bid bid = new Bid(domain, values);
                now = step / (double) (steps + 1);
                double u = us.getUtility(bid);
                session.getOpponentBidHistory().add(new BidDetails(bid, u, now));
                hh.updateModel(bid);
                sb.updateModel(bid);
                bids.println(step + "," + idx(cur) + "," + u + "," + now);
                double next = r.nextDouble();
                offering.setNextBid(new BidDetails(bid, next, now));
                for (Map.Entry<String, AcceptanceStrategy> e : acs.entrySet())
                    acOut.println(e.getKey() + "," + step + "," + next + "," + now + "," + (e.getValue().determineAcceptability() == Actions.Accept ? 1 : 0));
                if (record.contains(step))
                    for (int k = 0; k < all.size(); k += stride) {
                        Bid b = all.get(k);
                        String o = idx(b, issues);
                        models.println("hhfm," + step + "," + o + "," + hh.getBidEvaluation(b));
                        models.println("sbayes," + step + "," + o + "," + sb.getBidEvaluation(b));
                    }
            }
        }
    }

    static AcceptanceStrategy ac(AcceptanceStrategy s, NegotiationSession session, OfferingStrategy o, Object... kv) throws Exception {
        Map<String, Double> p = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) p.put((String) kv[i], (Double) kv[i + 1]);
        s.init(session, o, null, p);
        java.lang.reflect.Field f = AcceptanceStrategy.class.getDeclaredField("offeringStrategy");
        f.setAccessible(true);
        f.set(s, o);
        return s;
    }

    static String idx(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) { if (i > 0) b.append('|'); b.append(v[i]); }
        return b.toString();
    }

    static String idx(Bid bid, List<Issue> issues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < issues.size(); i++) {
            IssueDiscrete d = (IssueDiscrete) issues.get(i);
            if (i > 0) b.append('|');
            b.append(d.getValueIndex(bid.getValue(d.getNumber()).toString()));
        }
        return b.toString();
    }
}
