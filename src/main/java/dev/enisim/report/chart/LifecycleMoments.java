package dev.enisim.report.chart;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lifecycle moments the page's time-series charts mark beside the timeline's actions: a function going Inactive,
 * a restore (Pending (Restoring)) and a restore refused, a function Failed, a key's scale-out (an ENI added while
 * another of its key is in service), ENIs deleted (their IPs freed) and ENIs orphaned. A teacher's review: idle-reclaim's
 * charts marked only "batch-report existing +2 more" at 0d, so nothing tied the Free IPs step at 14d or the
 * ResourceNotReadyException at 20d to Inactive and restore; shared-eni-65k's scale-out at 00:00:52 was unmarked.
 * Read from the run's result as the Lifecycle chart reads it (the functions' transitions, the ENIs' lives), not
 * re-derived. At most {@value #MAX} markers: moments of one kind close in time are one marker where the first was
 * ("3 functions Inactive"), "close" widening (from a {@value #FIRST_WINDOW}th of the run) until at most {@value #MAX}
 * are left; nothing is dropped, each marker counts and names what it stands for.
 */
public final class LifecycleMoments {

    /** The most moment markers a chart draws. */
    public static final int MAX = 20;

    /** The first window of "close in time", as a fraction of the run: about 5 px of a 1,000-px plot. */
    static final int FIRST_WINDOW = 200;

    /** Subjects named in a marker's detail at most; the others counted. */
    static final int NAMED = 5;

    /** What happened: each kind's marker label, one or many. */
    public enum Kind {
        INACTIVE("Inactive", "functions Inactive"),
        RESTORE("restoring", "functions restoring"),
        REFUSED("restore refused", "restores refused"),
        FAILED("Failed", "functions Failed"),
        SCALE_OUT("scale-out", "scale-outs"),
        DELETED("ENI deleted", "ENIs deleted"),
        ORPHANED("ENI orphaned", "ENIs orphaned");

        private final String one;
        private final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }
    }

    /** One moment: when, what, and of what (a function, a key, an ENI), with its own detail. */
    record Moment(double atSeconds, Kind kind, String subject, String detail) {
    }

    /**
     * One marker: where (its first moment), its kind, its label ("batch-report Inactive", "3 functions Inactive"),
     * how many moments it stands for and its detail (the hover text: what happened to whom, in time order).
     */
    public record Marker(double atSeconds, Kind kind, String label, int count, String detail) {
    }

    private LifecycleMoments() {
    }

    /** The run's lifecycle moments as the charts mark them, at most {@value #MAX}, in time order. */
    public static List<Marker> of(RunResult r) {
        return merge(moments(r), r.summary().simulatedSeconds());
    }

    /** Every moment of the run, in time order (ties: the order of the kinds, then the subject). */
    static List<Moment> moments(RunResult r) {
        List<Moment> out = new ArrayList<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> f : r.summary().functions().entrySet()) {
            String fn = f.getKey();
            List<RunSummary.Transition> ts = f.getValue().transitions();
            for (int i = 0; i < ts.size(); i++) {
                RunSummary.Transition t = ts.get(i);
                RunSummary.Transition before = i > 0 ? ts.get(i - 1) : null;
                boolean afterRestore = before != null && before.state() == State.Pending
                        && before.reasonCode() == StateReasonCode.Restoring;
                if (t.state() == State.Pending && t.reasonCode() == StateReasonCode.Restoring) {
                    String until = "";
                    if (i + 1 < ts.size()) {
                        until = ts.get(i + 1).state() == State.Active ? ", Active after "
                                + ActionMarkers.span(ts.get(i + 1).atSeconds() - t.atSeconds()) : "";
                    }
                    out.add(new Moment(t.atSeconds(), Kind.RESTORE, fn, fn + " Pending (Restoring)" + until));
                } else if (t.state() == State.Inactive && afterRestore) {
                    out.add(new Moment(t.atSeconds(), Kind.REFUSED, fn, fn + " restore refused, Inactive ("
                            + code(t) + ")"));
                } else if (t.state() == State.Inactive && i > 0) {
                    out.add(new Moment(t.atSeconds(), Kind.INACTIVE, fn, fn + " Inactive (" + code(t) + ")"));
                } else if (t.state() == State.Failed) {
                    out.add(new Moment(t.atSeconds(), Kind.FAILED, fn, fn + " Failed (" + code(t) + ")"));
                }
            }
        }
        boolean hyperplane = r.scenario().networkModel() != dev.enisim.model.NetworkModel.LEGACY;
        List<RunResult.EniLifetime> enis = r.enis();
        for (RunResult.EniLifetime e : enis) {
            String key = dev.enisim.report.Labels.key(r.scenario(), e.key()); // as the legends name it
            if (hyperplane && e.createdSeconds() > 0 && inService(enis, e)) {
                out.add(new Moment(e.createdSeconds(), Kind.SCALE_OUT, key, key + " +1 ENI (" + e.id() + ")"));
            }
            if (e.orphanedSeconds().isPresent()) {
                out.add(new Moment(e.orphanedSeconds().getAsDouble(), Kind.ORPHANED, e.id(), e.id() + " (" + key
                        + ") orphaned"));
            } else if (e.endedSeconds().isPresent() && "Deleted".equals(e.finalState())) {
                out.add(new Moment(e.endedSeconds().getAsDouble(), Kind.DELETED, e.id(), e.id() + " (" + key
                        + ") deleted, IP freed"));
            }
        }
        out.sort(Comparator.comparingDouble(Moment::atSeconds).thenComparing(Moment::kind)
                .thenComparing(Moment::subject));
        return out;
    }

    /** Whether another ENI of {@code e}'s key was ready and in service when {@code e} was created. */
    private static boolean inService(List<RunResult.EniLifetime> enis, RunResult.EniLifetime e) {
        double t = e.createdSeconds();
        for (RunResult.EniLifetime o : enis) {
            if (o != e && o.key().equals(e.key()) && o.readySeconds().isPresent()
                    && o.readySeconds().getAsDouble() <= t
                    && o.deletionRequestedSeconds().orElse(Double.POSITIVE_INFINITY) > t
                    && o.orphanedSeconds().orElse(Double.POSITIVE_INFINITY) > t) {
                return true;
            }
        }
        return false;
    }

    private static String code(RunSummary.Transition t) {
        return t.reasonCode() == null ? "no reason code" : t.reasonCode().name();
    }

    /**
     * The moments as at most {@value #MAX} markers: those of one kind within a window of the first of them are one
     * marker, the window widening from a {@value #FIRST_WINDOW}th of the run (doubled, then the whole run) until at
     * most {@value #MAX} are left; each kind then has one marker, so a handful of kinds always fits.
     */
    static List<Marker> merge(List<Moment> moments, double runSeconds) {
        double window = runSeconds / FIRST_WINDOW;
        while (true) {
            List<List<Moment>> groups = groups(moments, window);
            if (groups.size() <= MAX || window >= runSeconds) {
                List<Marker> out = new ArrayList<>();
                for (List<Moment> g : groups) {
                    out.add(marker(g));
                }
                return out;
            }
            window = Math.min(runSeconds, window * 2);
        }
    }

    /** The moments of each kind, each run within {@code window} of its first one group, in the order of their first. */
    private static List<List<Moment>> groups(List<Moment> moments, double window) {
        List<List<Moment>> groups = new ArrayList<>();
        Map<Kind, List<Moment>> open = new LinkedHashMap<>();
        for (Moment m : moments) {
            List<Moment> g = open.get(m.kind());
            if (g == null || m.atSeconds() > g.get(0).atSeconds() + window
                    || (window == 0 && m.atSeconds() != g.get(0).atSeconds())) {
                g = new ArrayList<>();
                open.put(m.kind(), g);
                groups.add(g);
            }
            g.add(m);
        }
        return groups;
    }

    private static Marker marker(List<Moment> g) {
        Kind kind = g.get(0).kind();
        List<String> subjects = new ArrayList<>();
        for (Moment m : g) {
            if (!subjects.contains(m.subject())) {
                subjects.add(m.subject());
            }
        }
        String label;
        if (g.size() == 1 && kind != Kind.DELETED && kind != Kind.ORPHANED) {
            label = Palette.middle(g.get(0).subject(), Palette.MARKER_NAME_MAX) + " " + kind.one;
        } else if (g.size() == 1) {
            label = "1 " + kind.one;
        } else if (kind == Kind.SCALE_OUT && subjects.size() == 1) {
            label = Palette.middle(subjects.get(0), Palette.MARKER_NAME_MAX) + " +" + g.size() + " ENIs";
        } else {
            label = String.format(Locale.ROOT, "%,d", g.size()) + " " + kind.many;
        }
        List<String> parts = new ArrayList<>();
        for (Moment m : g.subList(0, Math.min(NAMED, g.size()))) {
            parts.add(m.detail());
        }
        String detail = String.join("; ", parts) + (g.size() > NAMED ? "; and " + String.format(Locale.ROOT, "%,d",
                g.size() - NAMED) + " more" : "");
        double span = g.get(g.size() - 1).atSeconds() - g.get(0).atSeconds();
        if (Math.round(span) > 0) { // "2 over 0 s" for two ENIs orphaned 0.3 s apart
            detail = g.size() + " over " + ActionMarkers.span(span) + ": " + detail;
        }
        return new Marker(g.get(0).atSeconds(), kind, label, g.size(), detail);
    }
}
