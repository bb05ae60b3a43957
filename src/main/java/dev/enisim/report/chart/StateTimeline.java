package dev.enisim.report.chart;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.chart.ChartStyle.TimeUnit;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * A Gantt-style state timeline: one lane per function (Pending, Active, Inactive, Failed, Deleted) and one per
 * ENI (Creating, InUse, Deleting, Orphaned), one colour per state.
 */
public final class StateTimeline {

    /** ENIs shown at most (the first created); a month-long run can make many. */
    static final int MAX_ENI_LANES = 40;
    /** Functions shown at most (Failed or stranded ones first, page/Stranded; then in the scenario's order). */
    static final int MAX_FUNCTION_LANES = 40;

    /** One bar: a lane, a state, and its interval in seconds. */
    public record Spell(String lane, String state, double fromSeconds, double toSeconds) {
    }

    private StateTimeline() {
    }

    /** Every spell of every function and (the first {@value #MAX_ENI_LANES}) ENI, lanes in order. */
    public static List<Spell> spells(RunResult r) {
        double end = r.summary().simulatedSeconds();
        List<Spell> out = new ArrayList<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> f : shownFunctions(r)) {
            List<RunSummary.Transition> ts = f.getValue().transitions();
            for (int i = 0; i < ts.size(); i++) {
                double to = i + 1 < ts.size() ? ts.get(i + 1).atSeconds() : end;
                if (to > ts.get(i).atSeconds() || i + 1 == ts.size()) {
                    out.add(new Spell(f.getKey(), ts.get(i).state().name(), ts.get(i).atSeconds(), Math.max(to,
                            ts.get(i).atSeconds())));
                }
            }
        }
        int n = 0;
        for (var e : r.enis()) {
            if (n++ >= MAX_ENI_LANES) {
                break;
            }
            String lane = e.id() + " " + e.key();
            double ended = e.endedSeconds().orElse(end);
            double ready = e.readySeconds().orElse(end);
            out.add(new Spell(lane, "Creating", e.createdSeconds(), ready));
            if (e.readySeconds().isPresent()) {
                out.add(new Spell(lane, "InUse", ready, e.deletionRequestedSeconds().orElse(ended)));
            }
            // no Deleting spell for an ENI orphaned at its deletion request (the role already lacked its EC2
            // permissions: Lambda's deletion failed at once, README "Lifecycle")
            if (e.deletionRequestedSeconds().isPresent() && !e.orphanedSeconds().equals(e.deletionRequestedSeconds())) {
                out.add(new Spell(lane, "Deleting", e.deletionRequestedSeconds().getAsDouble(),
                        e.orphanedSeconds().orElse(ended)));
            }
            if (e.orphanedSeconds().isPresent()) {
                out.add(new Spell(lane, "Orphaned", e.orphanedSeconds().getAsDouble(), ended));
            }
        }
        return out;
    }

    /** An Availability Zone's spell down, in seconds ({@code to}: the run's end when it does not come back). */
    public record AzDown(String az, double fromSeconds, double toSeconds) {
    }

    /** One lane's stretch of an outage: the lane of an ENI in the AZ, or of a function with no subnet elsewhere. */
    public record Outage(String lane, String az, double fromSeconds, double toSeconds) {
    }

    /**
     * The band: a light wash, dark lines rising to the right (Failed's hatching falls to the right, in
     * white) and a dashed outline. The bars' state colours still show: a white wash made InUse look like Creating.
     */
    static final java.awt.Color BAND = new java.awt.Color(255, 255, 255, 70);
    static final java.awt.Color BAND_LINES = new java.awt.Color(33, 33, 33, 150);
    static final java.awt.Color BAND_EDGE = new java.awt.Color(0x424242);
    /** The legend's and the band's words. */
    static final String BAND_LEGEND = "AZ down (dashed box, lined: no traffic)";

    /** The Availability Zones in the order the scenario's subnets first name them (the timeline's AZ index). */
    static List<String> azs(dev.enisim.scenario.Scenario sc) {
        List<String> out = new ArrayList<>();
        for (dev.enisim.scenario.Scenario.Vpc v : sc.vpcs()) {
            for (dev.enisim.scenario.Scenario.Subnet sub : v.subnets()) {
                if (!out.contains(sub.az())) {
                    out.add(sub.az());
                }
            }
        }
        return out;
    }

    /** Every Availability Zone's spells down, from the timeline's azOutage actions, in time order. */
    public static List<AzDown> azDown(RunResult r) {
        List<String> azs = azs(r.scenario());
        List<AzDown> out = new ArrayList<>();
        Map<String, Double> since = new LinkedHashMap<>();
        // the run's order: the timeline lists an outage's end right after its start, while the run sets a zone down
        // and up in time order (stable: simultaneous actions keep the run's order); two spells of a zone, 1 to 5 min
        // and 3 to 8 min, are one outage from 1 to 5 min as the run has it, not two
        List<dev.enisim.scenario.Scenario.At> byTime = new ArrayList<>(r.scenario().timeline());
        byTime.sort(java.util.Comparator.comparingLong(dev.enisim.scenario.Scenario.At::atMicros));
        for (dev.enisim.scenario.Scenario.At a : byTime) {
            if (a.action() instanceof dev.enisim.model.SimEvent.AzAvailability x && x.az() < azs.size()) {
                String az = azs.get(x.az());
                double t = dev.enisim.metrics.Seconds.of(a.atMicros());
                if (x.down()) {
                    since.putIfAbsent(az, t);
                } else if (since.containsKey(az)) {
                    out.add(new AzDown(az, since.remove(az), t));
                }
            }
        }
        double end = r.summary().simulatedSeconds();
        since.forEach((az, t) -> out.add(new AzDown(az, t, end)));
        out.sort(java.util.Comparator.comparingDouble(AzDown::fromSeconds));
        return out;
    }

    /**
     * What each outage stops, lane by lane (the lanes drawn, in their order): an ENI in a subnet of the AZ for the
     * part of the outage it lives (it carries no traffic), and a function for the time every subnet of its VpcConfig
     * is in an AZ that is down (it cannot serve: ServiceException). A function with a subnet in a healthy AZ is not
     * marked (payments in az-outage moves to us-east-1b). az-outage's state timeline showed reports-single-az
     * solid Active through the outage (a teacher's review).
     */
    public static List<Outage> outages(RunResult r) {
        List<AzDown> downs = azDown(r);
        List<Outage> out = new ArrayList<>();
        if (downs.isEmpty()) {
            return out;
        }
        Map<String, String> azOf = new java.util.HashMap<>();
        for (dev.enisim.scenario.Scenario.Vpc v : r.scenario().vpcs()) {
            for (dev.enisim.scenario.Scenario.Subnet sub : v.subnets()) {
                azOf.put(sub.id(), sub.az());
            }
        }
        List<Spell> spells = spells(r);
        Map<String, double[]> extent = new LinkedHashMap<>(); // a lane's first start and its last end not Deleted
        for (Spell s : spells) {
            if (s.state().equals("Deleted")) {
                extent.computeIfAbsent(s.lane(), k -> new double[] {s.fromSeconds(), s.fromSeconds()});
                continue;
            }
            double[] e = extent.computeIfAbsent(s.lane(), k -> new double[] {s.fromSeconds(), s.toSeconds()});
            e[0] = Math.min(e[0], s.fromSeconds());
            e[1] = Math.max(e[1], s.toSeconds());
        }
        Map<String, RunResult.EniLifetime> eniOf = new java.util.HashMap<>();
        for (RunResult.EniLifetime e : r.enis()) {
            eniOf.put(e.id() + " " + e.key(), e);
        }
        for (Map.Entry<String, double[]> lane : extent.entrySet()) {
            double[] live = lane.getValue();
            RunResult.EniLifetime eni = eniOf.get(lane.getKey());
            if (eni != null) {
                String az = azOf.get(eni.subnet());
                for (AzDown d : downs) {
                    if (d.az().equals(az)) {
                        add(out, lane.getKey(), az, Math.max(d.fromSeconds(), live[0]), Math.min(d.toSeconds(),
                                live[1]));
                    }
                }
                continue;
            }
            // a function: where its subnets are, spell by spell, and when all of their AZs are down at once
            List<double[]> cuts = new ArrayList<>();
            List<SubnetSpell> spellsOf = subnetSpells(r, lane.getKey());
            for (int i = 0; i < spellsOf.size(); i++) {
                SubnetSpell sp = spellsOf.get(i);
                double from = Math.max(sp.fromSeconds(), live[0]);
                double to = Math.min(i + 1 < spellsOf.size() ? spellsOf.get(i + 1).fromSeconds() : live[1], live[1]);
                java.util.Set<String> zones = new java.util.LinkedHashSet<>();
                sp.subnetIds().forEach(id -> zones.add(azOf.get(id)));
                zones.remove(null);
                if (zones.isEmpty() || to <= from) {
                    continue; // not attached: no AZ to lose
                }
                java.util.TreeSet<Double> times = new java.util.TreeSet<>(List.of(from, to));
                for (AzDown d : downs) {
                    if (zones.contains(d.az())) {
                        times.add(Math.max(from, Math.min(to, d.fromSeconds())));
                        times.add(Math.max(from, Math.min(to, d.toSeconds())));
                    }
                }
                Double prev = null;
                for (double t : times) {
                    if (prev != null && allDown(zones, downs, (prev + t) / 2)) {
                        if (!cuts.isEmpty() && cuts.get(cuts.size() - 1)[1] == prev) {
                            cuts.get(cuts.size() - 1)[1] = t;
                        } else {
                            cuts.add(new double[] {prev, t});
                        }
                    }
                    prev = t;
                }
                for (double[] c : cuts) {
                    String az = null;
                    for (AzDown d : downs) {
                        if (zones.contains(d.az()) && d.fromSeconds() <= c[0] && d.toSeconds() >= c[1]) {
                            az = az == null ? d.az() : az + ", " + d.az();
                        }
                    }
                    add(out, lane.getKey(), az, c[0], c[1]);
                }
                cuts.clear();
            }
        }
        return out;
    }

    private static void add(List<Outage> out, String lane, String az, double from, double to) {
        if (to > from) {
            out.add(new Outage(lane, az, from, to));
        }
    }

    private static boolean allDown(java.util.Set<String> zones, List<AzDown> downs, double t) {
        for (String z : zones) {
            boolean down = false;
            for (AzDown d : downs) {
                down |= d.az().equals(z) && t >= d.fromSeconds() && t < d.toSeconds();
            }
            if (!down) {
                return false;
            }
        }
        return true;
    }

    /** From a time on, a function's subnets (its VpcConfig's). */
    record SubnetSpell(double fromSeconds, List<String> subnetIds) {
    }

    /**
     * A function's subnets over the run: its VpcConfig from its creation, then each CreateFunction with a VpcConfig
     * (from its time) and UpdateFunctionConfiguration (from its success, as the function stays on its old ENIs
     * meanwhile).
     */
    static List<SubnetSpell> subnetSpells(RunResult r, String function) {
        List<SubnetSpell> out = new ArrayList<>();
        List<dev.enisim.scenario.Scenario.Function> functions = r.scenario().functions();
        for (dev.enisim.scenario.Scenario.Function f : functions) {
            if (f.name().equals(function)) {
                out.add(new SubnetSpell(f.existing() == dev.enisim.scenario.Scenario.Function.Existing.NO
                        ? dev.enisim.metrics.Seconds.of(f.createdAtMicros()) : 0, subnets(f.vpcConfig())));
            }
        }
        List<Double> successes = new ArrayList<>();
        for (dev.enisim.metrics.JournalEntry e : r.journal()) {
            if (e.kind() == dev.enisim.metrics.JournalEntry.Kind.FUNCTION_UPDATE && e.subject().equals(function)
                    && e.state().equals("Successful")) {
                successes.add(dev.enisim.metrics.Seconds.of(e.atMicros()));
            }
        }
        int next = 0;
        for (dev.enisim.scenario.Scenario.At a : r.scenario().timeline()) {
            double at = dev.enisim.metrics.Seconds.of(a.atMicros());
            if (a.action() instanceof dev.enisim.model.SimEvent.CreateFunction c
                    && functions.get(c.function()).name().equals(function) && c.vpcConfig().isPresent()) {
                out.add(new SubnetSpell(at, subnets(r.scenario().vpcConfig(c.vpcConfig().get()))));
            } else if (a.action() instanceof dev.enisim.model.SimEvent.UpdateVpcConfig u
                    && functions.get(u.function()).name().equals(function)) {
                while (next < successes.size() && successes.get(next) < at) {
                    next++;
                }
                if (next < successes.size()) {
                    at = successes.get(next++);
                }
                out.add(new SubnetSpell(at, subnets(r.scenario().vpcConfig(u.vpcConfig()))));
            }
        }
        out.sort(java.util.Comparator.comparingDouble(SubnetSpell::fromSeconds));
        return out;
    }

    private static List<String> subnets(dev.enisim.scenario.Scenario.VpcConfig v) {
        return v == null ? List.of() : v.subnetIds();
    }

    private static List<Map.Entry<String, RunSummary.FunctionSummary>> shownFunctions(RunResult r) {
        List<Map.Entry<String, RunSummary.FunctionSummary>> all = new ArrayList<>(r.summary().functions().entrySet());
        List<Map.Entry<String, RunSummary.FunctionSummary>> out = new ArrayList<>();
        // Failed ones first, and those left Inactive or Pending for a network cause (Stranded), as the function
        // table and the topology figure choose them
        for (var f : all) {
            if (dev.enisim.report.page.Stranded.first(f.getValue()) && out.size() < MAX_FUNCTION_LANES) {
                out.add(f);
            }
        }
        for (var f : all) {
            if (!dev.enisim.report.page.Stranded.first(f.getValue()) && out.size() < MAX_FUNCTION_LANES) {
                out.add(f);
            }
        }
        out.sort(java.util.Comparator.comparingInt(all::indexOf));
        return out;
    }

    /** "40 of 246 ENIs shown (the first created)", or "" when every lane is drawn. */
    public static String note(RunResult r) {
        List<String> parts = new ArrayList<>();
        int fns = r.summary().functions().size();
        if (fns > MAX_FUNCTION_LANES) {
            parts.add(MAX_FUNCTION_LANES + " of " + String.format(java.util.Locale.ROOT, "%,d", fns)
                    + " functions shown (" + dev.enisim.report.page.Stranded.FIRST + " first)");
        }
        if (r.enis().size() > MAX_ENI_LANES) {
            parts.add(MAX_ENI_LANES + " of " + String.format(java.util.Locale.ROOT, "%,d", r.enis().size())
                    + " ENIs shown (the first created; all in enis.csv)");
        }
        return String.join("; ", parts);
    }

    static JFreeChart chart(RunResult r) {
        return build(r).chart();
    }

    /** Pixel height that gives every lane room, and the action labels their lane above the bars. */
    static int height(RunResult r) {
        return build(r).height();
    }

    /** The chart and the height it is laid out for. */
    private record Built(JFreeChart chart, int height) {
    }

    /** Pixels above the bars for the labels: a margin, then a row each. */
    static final double LANE_MARGIN = 6;
    static final double ROW_PIXELS = 14;
    /** Rows of labels at most; an action whose label finds no room in them is a line alone. */
    static final int LABEL_ROWS = 5;
    /** The most actions marked (a line each). */
    static final int MAX_MARKERS = 1_000;
    /** Half a bar's height, in lanes (a lane is 1). */
    static final double BAR_HALF = 0.35;

    /** The least width in pixels a spell is drawn (a shorter one is widened, to the right unless at the end). */
    static final double MIN_SPELL_PIXELS = 3;
    /** The height of a line of the chart's notes. */
    private static final int NOTE_PIXELS = 16;

    /**
     * Each spell a bar in its state's series (emptied first), one that lasted at least {@code minWidth} wide in the
     * axis' unit (to the right, or left of the axis' {@code end}); returns how many were widened. A widened spell
     * may cover the start of the next; the earlier states' series are drawn over the later ones (Pending over
     * Active, Creating over InUse).
     */
    private static int fill(Map<String, XYIntervalSeries> byState, List<Spell> spells, List<String> lanes,
            TimeUnit unit, double minWidth, double end) {
        byState.values().forEach(XYIntervalSeries::clear);
        int widened = 0;
        for (Spell s : spells) {
            int lane = lanes.size() - 1 - lanes.indexOf(s.lane()); // first lane at the top
            double from = s.fromSeconds() / unit.seconds();
            double to = Math.max(s.toSeconds() / unit.seconds(), from);
            if (to > from && to - from < minWidth) { // a spell of no time (ready at once) is none to see
                widened++;
                to = from + minWidth;
                if (to > end) {
                    to = end;
                    from = Math.max(0, end - minWidth);
                }
            }
            byState.get(s.state()).add(from, from, to, lane, lane - BAR_HALF, lane + BAR_HALF);
        }
        return widened;
    }

    /**
     * A lane's label: a function's name, or an ENI's id and its key labelled as the charts label keys ({@link
     * dev.enisim.report.Labels#chartKey}: the names first, when the scenario names them).
     */
    static String laneLabel(RunResult r, String lane) {
        int space = lane.indexOf(' ');
        return space < 0 ? lane : lane.substring(0, space + 1) + dev.enisim.report.Labels.chartKey(r.scenario(),
                lane.substring(space + 1));
    }

    private static Built build(RunResult r) {
        List<Spell> spells = spells(r);
        List<String> lanes = new ArrayList<>();
        for (Spell s : spells) {
            if (!lanes.contains(s.lane())) {
                lanes.add(s.lane());
            }
        }
        TimeUnit unit = Charts.unit(r);
        Map<String, XYIntervalSeries> byState = new LinkedHashMap<>();
        for (String state : Charts.stateColors().keySet()) {
            byState.put(state, new XYIntervalSeries(state));
        }
        fill(byState, spells, lanes, unit, 0, Double.MAX_VALUE);
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setShadowVisible(false);
        java.util.Set<Integer> hatched = new java.util.HashSet<>();
        int i = 0;
        for (Map.Entry<String, XYIntervalSeries> e : byState.entrySet()) {
            if (e.getValue().getItemCount() > 0) {
                data.addSeries(e.getValue());
                renderer.setSeriesPaint(i, Charts.stateColors().get(e.getKey()));
                renderer.setSeriesOutlinePaint(i, java.awt.Color.decode(Palette.edge(Palette.STATES.get(e.getKey()))));
                renderer.setSeriesOutlineStroke(i, new java.awt.BasicStroke(1f));
                if (Palette.HATCHED.contains(e.getKey())) {
                    hatched.add(i);
                }
                i++;
            }
        }
        // Failed is told by its hatching too, not by its colour alone (a teacher's review: Active and Failed were
        // one olive to a red/green colour-blind reader); the legend says so
        renderer.setBarPainter(new HatchingPainter(hatched));
        // each bar edged (Palette.edge): a light fill's extent is seen against the white plot too
        renderer.setDrawBarOutline(true);
        renderer.setLegendItemLabelGenerator((d, series) -> {
            String key = String.valueOf(d.getSeriesKey(series));
            return Palette.HATCHED.contains(key) ? key + " (hatched)" : key;
        });
        String[] labels = new String[lanes.size()];
        for (int l = 0; l < lanes.size(); l++) {
            labels[lanes.size() - 1 - l] = laneLabel(r, lanes.get(l));
        }
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setTickLabelFont(ChartStyle.TICK);
        y.setGridBandsVisible(false);
        // its steps chosen by its widest label: measured at the range's ends alone ("0d", "7d"), a week's "1d 06:00"
        // labels ran into each other
        XYPlot plot = new XYPlot(data, new ChartStyle.ClockAxis(), y, renderer);
        List<Outage> outages = outages(r);
        if (!outages.isEmpty()) { // the states, then the band's own legend entry
            org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
            for (int k = 0; k < data.getSeriesCount(); k++) {
                items.add(renderer.getLegendItem(0, k));
            }
            items.add(new org.jfree.chart.LegendItem(BAND_LEGEND, null, null, null, new java.awt.Rectangle(-7, -5, 14,
                    10), new java.awt.Color(0xE0E0E0), BAND_STROKE, BAND_EDGE));
            plot.setFixedLegendItems(items);
        }
        JFreeChart chart = new JFreeChart("State timeline: functions and ENIs", ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, unit, null);
        double span = r.summary().simulatedSeconds();
        plot.getDomainAxis().setRange(0, Math.max(1e-9, span / unit.seconds()));
        y.setRange(-0.5, lanes.size() - 0.5);
        Charts.note(chart, note(r));
        // the time axis runs to the plot's right edge: room for the last tick's label (it was cut to "02:0")
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 20));
        // a function's creation starts its lane, which says so; every other action (an AZ down, a deletion, a
        // redeploy) is labelled: az-outage's two dashed lines said nothing (a teacher's review). The labels sit in
        // a lane of their own above the bars (they covered the top lanes' bars: teardown's "api deleted"), in rows
        // that keep them off each other, laid out against the plot's width as drawn
        int baseHeight = (int) Math.max(300, 120 + 22 * lanes.size());
        double width = dataArea(chart, baseHeight).getWidth();
        // a spell under MIN_SPELL_PIXELS wide drawn that wide: idle-reclaim's ENIs' Deleting (15 minutes of 45 days)
        // was no pixel at all, in the PNG and on the page
        double end = span / unit.seconds();
        int widened = fill(byState, spells, lanes, unit, MIN_SPELL_PIXELS * end / Math.max(1, width), end);
        if (widened > 0) {
            Charts.note(chart, widened + (widened == 1 ? " spell" : " spells") + " shorter than " + (int) MIN_SPELL_PIXELS
                    + " px drawn " + (int) MIN_SPELL_PIXELS + " px wide to be seen (their times: enis.csv, the narrative)");
        }
        // existing functions past a handful one action (600 at 00:00:00 were 600 markers), functions created close
        // in time likewise, the scenario's names first (ActionMarkers)
        List<RunSummary.Action> all = ActionMarkers.of(r);
        List<RunSummary.Action> actions = all.subList(0, Math.min(all.size(), MAX_MARKERS));
        // one line per ChartStyle.MARKER_GAP px at the most, labelled with the first of its actions a lane does not
        // tell and a count of the others ("+2 more"): quota-500's 110 creations under 4 px apart were a solid band
        List<List<RunSummary.Action>> lines = ChartStyle.lines(actions, span, width);
        Map<RunSummary.Action, String> told = new java.util.IdentityHashMap<>();
        Map<RunSummary.Action, Integer> toldMore = new java.util.IdentityHashMap<>();
        List<RunSummary.Action> heads = new ArrayList<>();
        for (List<RunSummary.Action> line : lines) {
            heads.add(line.get(0));
            List<RunSummary.Action> said = new ArrayList<>();
            for (RunSummary.Action a : line) {
                if (!startsALane(a.description())) {
                    said.add(a);
                }
            }
            if (!said.isEmpty()) {
                told.put(line.get(0), Palette.shortLabel(said.get(0).description()));
                toldMore.put(line.get(0), said.size() - 1);
            }
        }
        actions = heads;
        List<Placed> placed = layout(actions, told::containsKey, told::get, toldMore::get, span, width);
        int rows = 0;
        for (Placed p : placed) {
            rows = Math.max(rows, p.row() + 1);
        }
        double lanePixels = rows == 0 ? 0 : LANE_MARGIN + ROW_PIXELS * rows + 2;
        int height = (int) Math.ceil(baseHeight + lanePixels + (widened > 0 ? NOTE_PIXELS : 0));
        mark(plot, actions, placed, unit);
        shade(plot, outages, lanes, unit);
        if (rows > 0) {
            double area = dataArea(chart, height).getHeight();
            double perLane = Math.max(1, (area - lanePixels) / lanes.size());
            y.setRange(-0.5, lanes.size() - 0.5 + lanePixels / perLane);
        }
        return new Built(chart, height);
    }

    /** The plot's data area when the chart is drawn {@link ChartFiles#WIDTH} wide and {@code height} high. */
    private static java.awt.geom.Rectangle2D dataArea(JFreeChart chart, int height) {
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, ChartFiles.WIDTH, height), info);
        g.dispose();
        return info.getPlotInfo().getDataArea();
    }

    /** An action's label in the lane: its row (0 at the top) and whether it runs left of its line (at the right end). */
    record Placed(RunSummary.Action action, String label, int row, boolean leftOfLine) {
    }

    /** A label's width in pixels as drawn (the marker font), with room for other renderers of the SVG. */
    static double labelWidth(String label) {
        return ChartStyle.MARKER.getStringBounds(label, new java.awt.font.FontRenderContext(null, true, true))
                .getWidth() + 6;
    }

    /**
     * The labels of the actions {@code labelled} accepts, each in the first of {@value #LABEL_ROWS} rows where it
     * overlaps no other label (its extent measured against a plot {@code plotPixels} wide covering {@code
     * spanSeconds}); running left of its line where it would pass the plot's right edge. An action with no room is
     * its line alone, counted in the last label placed ("+N more"), as on the other charts.
     */
    static List<Placed> layout(List<RunSummary.Action> actions,
            java.util.function.Predicate<RunSummary.Action> labelled, double spanSeconds, double plotPixels) {
        return layout(actions, labelled, a -> Palette.shortLabel(a.description()), spanSeconds, plotPixels);
    }

    /** As above, each label {@code label} of its action. */
    static List<Placed> layout(List<RunSummary.Action> actions,
            java.util.function.Predicate<RunSummary.Action> labelled,
            java.util.function.Function<RunSummary.Action, String> label, double spanSeconds, double plotPixels) {
        return layout(actions, labelled, label, a -> 0, spanSeconds, plotPixels);
    }

    /**
     * As above, each label also counting the {@code more} actions its line stands for besides its own ("+2 more").
     * A label with no room in any row was left out without a word (six functions deleted at once: five labels); it is
     * counted, with its line's others, in the last label placed, which grows to say so (running left of its line when
     * it would pass the plot's right edge and there is room).
     */
    static List<Placed> layout(List<RunSummary.Action> actions,
            java.util.function.Predicate<RunSummary.Action> labelled,
            java.util.function.Function<RunSummary.Action, String> label,
            java.util.function.ToIntFunction<RunSummary.Action> more, double spanSeconds, double plotPixels) {
        List<List<double[]>> taken = new ArrayList<>();
        for (int row = 0; row < LABEL_ROWS; row++) {
            taken.add(new ArrayList<>());
        }
        double perSecond = plotPixels / Math.max(spanSeconds, 1e-9);
        List<Placed> out = new ArrayList<>();
        double[] lastBox = null; // the last label placed: its extent, its text without its count, and its count
        String lastText = null;
        int lastMore = 0;
        for (RunSummary.Action a : actions) {
            if (!labelled.test(a)) {
                continue;
            }
            String text = label.apply(a) + ChartStyle.more(more.applyAsInt(a));
            double x = a.atSeconds() * perSecond;
            double w = labelWidth(text) + 4;
            boolean left = x + w > plotPixels && x - w >= 0;
            double from = left ? x - w : x;
            double to = left ? x : x + w;
            for (int row = 0; row < LABEL_ROWS; row++) {
                boolean free = true;
                for (double[] t : taken.get(row)) {
                    free &= to <= t[0] || from >= t[1];
                }
                if (free) {
                    lastBox = new double[] {from, to};
                    taken.get(row).add(lastBox);
                    out.add(new Placed(a, text, row, left));
                    lastText = label.apply(a);
                    lastMore = more.applyAsInt(a);
                    break;
                }
            }
            if (lastBox == null || out.get(out.size() - 1).action() == a) {
                continue;
            }
            lastMore += 1 + more.applyAsInt(a); // no room: counted in the last label placed
            Placed p = out.get(out.size() - 1);
            String grown = lastText + ChartStyle.more(lastMore);
            double w2 = labelWidth(grown) + 4;
            double lx = p.action().atSeconds() * perSecond;
            // its row first, right of its line within the plot, else left of it; then the other rows likewise; else
            // right of its line in its row, past the plot's edge if need be: no label before it reaches there (each
            // was placed clear of it), so the count never covers another label
            int row = p.row();
            boolean runsLeft = false;
            search:
            for (int k = 0; k < LABEL_ROWS; k++) {
                int r = (p.row() + k) % LABEL_ROWS;
                for (boolean l : new boolean[] {false, true}) {
                    double start = l ? lx - w2 : lx;
                    if ((l ? start >= 0 : lx + w2 <= plotPixels) && free(taken.get(r), lastBox, start, start + w2)) {
                        row = r;
                        runsLeft = l;
                        break search;
                    }
                }
            }
            taken.get(p.row()).remove(lastBox);
            taken.get(row).add(lastBox);
            lastBox[0] = runsLeft ? lx - w2 : lx;
            lastBox[1] = runsLeft ? lx : lx + w2;
            out.set(out.size() - 1, new Placed(p.action(), grown, row, runsLeft));
        }
        return out;
    }

    /** Whether {@code from}..{@code to} overlaps no extent of a row but {@code own}. */
    private static boolean free(List<double[]> row, double[] own, double from, double to) {
        for (double[] t : row) {
            if (t != own && !(to <= t[0] || from >= t[1])) {
                return false;
            }
        }
        return true;
    }

    static final java.awt.BasicStroke BAND_STROKE = new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f);

    /**
     * A band over each outage's stretch of the lanes it stops (adjacent lanes in one band), drawn as {@link Band}, and the AZ's name in the band's first lane.
     */
    private static void shade(XYPlot plot, List<Outage> outages, List<String> lanes, TimeUnit unit) {
        List<Outage> sorted = new ArrayList<>(outages);
        sorted.sort(java.util.Comparator.comparingDouble(Outage::fromSeconds).thenComparingDouble(Outage::toSeconds)
                .thenComparingInt(o -> lanes.indexOf(o.lane())));
        int i = 0;
        while (i < sorted.size()) {
            Outage first = sorted.get(i);
            int top = lanes.indexOf(first.lane());
            int bottom = top;
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).fromSeconds() == first.fromSeconds()
                    && sorted.get(j).toSeconds() == first.toSeconds() && java.util.Objects.equals(sorted.get(j).az(),
                    first.az()) && lanes.indexOf(sorted.get(j).lane()) == bottom + 1) {
                bottom++;
                j++;
            }
            double x0 = first.fromSeconds() / unit.seconds();
            double x1 = first.toSeconds() / unit.seconds();
            double yTop = lanes.size() - 1 - top + 0.5; // the first lane is drawn at the top
            double yBottom = lanes.size() - 1 - bottom - 0.5;
            plot.addAnnotation(new Band(x0, yBottom + 0.04, x1, yTop - 0.04));
            org.jfree.chart.annotations.XYTextAnnotation label = new org.jfree.chart.annotations.XYTextAnnotation(
                    (first.az() == null ? "AZs" : "AZ " + first.az()) + " down", (x0 + x1) / 2, lanes.size() - 1 - top);
            label.setFont(ChartStyle.MARKER);
            label.setPaint(new java.awt.Color(0x212121));
            label.setBackgroundPaint(new java.awt.Color(255, 255, 255, 220));
            label.setOutlineVisible(false);
            label.setTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER);
            plot.addAnnotation(label);
            i = j;
        }
    }

    /** An outage's band over lanes, in data coordinates; hatched with plain lines (no clip, no texture in the SVG). */
    static final class Band extends org.jfree.chart.annotations.AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        static final double STEP = 8;
        private final double x0;
        private final double y0;
        private final double x1;
        private final double y1;

        Band(double x0, double y0, double x1, double y1) {
            this.x0 = x0;
            this.y0 = y0;
            this.x1 = x1;
            this.y1 = y1;
        }

        @Override
        public void draw(java.awt.Graphics2D g2, XYPlot plot, java.awt.geom.Rectangle2D area,
                org.jfree.chart.axis.ValueAxis domain, org.jfree.chart.axis.ValueAxis range, int rendererIndex,
                org.jfree.chart.plot.PlotRenderingInfo info) {
            org.jfree.chart.ui.RectangleEdge dEdge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(),
                    plot.getOrientation());
            org.jfree.chart.ui.RectangleEdge rEdge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(),
                    plot.getOrientation());
            double left = domain.valueToJava2D(x0, area, dEdge);
            double right = domain.valueToJava2D(x1, area, dEdge);
            double top = range.valueToJava2D(y1, area, rEdge);
            double bottom = range.valueToJava2D(y0, area, rEdge);
            java.awt.geom.Rectangle2D box = new java.awt.geom.Rectangle2D.Double(Math.min(left, right),
                    Math.min(top, bottom), Math.abs(right - left), Math.abs(bottom - top));
            java.awt.Paint paint = g2.getPaint();
            java.awt.Stroke stroke = g2.getStroke();
            g2.setPaint(BAND);
            g2.fill(box);
            // lines x + y = c: rising to the right on screen (Failed's white hatching falls to the right)
            java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
            double bx0 = box.getMinX();
            double bx1 = box.getMaxX();
            double by0 = box.getMinY();
            double by1 = box.getMaxY();
            for (double c = Math.floor((bx0 + by0) / STEP) * STEP; c <= bx1 + by1; c += STEP) {
                // points on x + y = c inside the box
                double ya = Math.max(by0, c - bx1);
                double yb = Math.min(by1, c - bx0);
                if (yb - ya > 0.5) {
                    path.moveTo(Math.round((c - ya) * 2) / 2.0, Math.round(ya * 2) / 2.0);
                    path.lineTo(Math.round((c - yb) * 2) / 2.0, Math.round(yb * 2) / 2.0);
                }
            }
            g2.setPaint(BAND_LINES);
            g2.setStroke(new java.awt.BasicStroke(1f));
            g2.draw(path);
            g2.setPaint(BAND_EDGE);
            g2.setStroke(BAND_STROKE);
            g2.draw(box);
            g2.setPaint(paint);
            g2.setStroke(stroke);
        }
    }

    /** A dashed line for every action; the placed ones labelled in their row of the lane above the bars. */
    private static void mark(XYPlot plot, List<RunSummary.Action> actions, List<Placed> placed, TimeUnit unit) {
        Map<RunSummary.Action, Placed> by = new java.util.IdentityHashMap<>();
        for (Placed p : placed) {
            by.put(p.action(), p);
        }
        for (RunSummary.Action a : actions) {
            org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(a.atSeconds() / unit.seconds());
            m.setPaint(new java.awt.Color(0x9E9E9E));
            m.setStroke(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[] {4f, 3f}, 0f));
            Placed p = by.get(a);
            if (p != null) {
                m.setLabel(p.label());
                m.setLabelFont(ChartStyle.MARKER);
                m.setLabelPaint(new java.awt.Color(0x424242));
                m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 200));
                m.setLabelAnchor(p.leftOfLine() ? org.jfree.chart.ui.RectangleAnchor.TOP_LEFT
                        : org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(p.leftOfLine() ? org.jfree.chart.ui.TextAnchor.TOP_RIGHT
                        : org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(LANE_MARGIN + ROW_PIXELS * p.row(), 2, 2, 2));
            }
            plot.addDomainMarker(m);
        }
    }

    /**
     * Paints bars as {@link StandardXYBarPainter} does, then white diagonal hatching over those of the {@code hatched}
     * series: plain lines computed inside the bar (no clip), aligned across bars, the same in the PNG and the SVG.
     */
    static final class HatchingPainter extends StandardXYBarPainter {
        private static final long serialVersionUID = 1L;
        static final double STEP = 7;
        private final java.util.Set<Integer> hatched;

        HatchingPainter(java.util.Set<Integer> hatched) {
            this.hatched = java.util.Set.copyOf(hatched);
        }

        @Override
        public void paintBar(java.awt.Graphics2D g2, XYBarRenderer renderer, int row, int column,
                java.awt.geom.RectangularShape bar, org.jfree.chart.ui.RectangleEdge base) {
            super.paintBar(g2, renderer, row, column, bar, base);
            if (!hatched.contains(row)) {
                return;
            }
            java.awt.Paint paint = g2.getPaint();
            java.awt.Stroke stroke = g2.getStroke();
            g2.setPaint(java.awt.Color.WHITE);
            g2.setStroke(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER));
            double x0 = bar.getMinX();
            double x1 = bar.getMaxX();
            double y0 = bar.getMinY();
            double y1 = bar.getMaxY();
            // lines x = y + c, c a multiple of STEP so that the hatching of adjacent bars lines up; one path per bar,
            // its ends on half pixels (a line element each, in full precision, weighed 17 kB in one lane's SVG)
            java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
            for (double c = Math.floor((x0 - y1) / STEP) * STEP; c <= x1 - y0; c += STEP) {
                double lo = Math.max(y0, x0 - c);
                double hi = Math.min(y1, x1 - c);
                if (hi - lo > 0.5) {
                    path.moveTo(half(lo + c), half(lo));
                    path.lineTo(half(hi + c), half(hi));
                }
            }
            g2.draw(path);
            g2.setPaint(paint);
            g2.setStroke(stroke);
        }

        private static double half(double v) {
            return Math.round(v * 2) / 2.0;
        }
    }

    /** Whether an action is a function's creation (or its being in place at 0), which its lane shows. */
    static boolean startsALane(String description) {
        return description.startsWith("CreateFunction ") || description.startsWith("Existing function ")
                || ExistingFunctions.isGroup(description) || ActionMarkers.isGroup(description);
    }

}
