package dev.enisim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import dev.enisim.metrics.RunSummary;

/** One look for every chart: fonts, colours, the time axis, and timeline-action markers. */
final class ChartStyle {

    static final Color SUCCESS = Color.decode(Palette.SUCCEEDED);
    static final Color FUNCTION_ERROR = Color.decode(Palette.FUNCTION_ERRORS);
    static final Color THROTTLE = Color.decode(Palette.THROTTLES);
    static final Color[] ERRORS = colours(Palette.ERRORS);
    static final Color[] SERIES = colours(Palette.SERIES);
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 16);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    static final Font MARKER = new Font("SansSerif", Font.PLAIN, 10);
    /** The most actions marked (a line each); labels go where there is room (see {@link #markActions}). */
    private static final int MAX_MARKERS = 1_000;
    /** Rows of labels down the plot, and the plot's width in pixels they are laid out against (a 1,000-px chart). */
    private static final int LABEL_ROWS = 5;
    private static final double PLOT_PIXELS = 900;

    private ChartStyle() {
    }

    private static Color[] colours(String[] hex) {
        Color[] out = new Color[hex.length];
        for (int i = 0; i < hex.length; i++) {
            out[i] = Color.decode(hex[i]);
        }
        return out;
    }

    /** The stroke of the {@code n}th outcome series after Succeeded ({@link Palette#ERROR_DASHES}), 2 px. */
    static BasicStroke dashed(int n) {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                Palette.ERROR_DASHES[n % Palette.ERROR_DASHES.length], 0f);
    }

    /**
     * The time unit that keeps axis labels readable: minutes up to 3 h, hours up to 3 days, then days; the scenario's
     * {@code startsAt} (empty: none), which puts the axis in weekday form as on the interactive page; and the run's
     * span in seconds, which sets how fine its tick labels are ({@link #timeAxis}).
     */
    record TimeUnit(String name, double seconds, java.util.Optional<java.time.Instant> startsAt, double spanSeconds) {
        /** A unit whose ticks read hh:mm (a run of hours). */
        TimeUnit(String name, double seconds, java.util.Optional<java.time.Instant> startsAt) {
            this(name, seconds, startsAt, 3 * 3600);
        }

        static TimeUnit forDuration(double seconds, java.util.Optional<java.time.Instant> startsAt) {
            if (seconds <= 3 * 3600) {
                return new TimeUnit("min", 60, startsAt, seconds);
            }
            if (seconds <= 3 * 86_400) {
                return new TimeUnit("h", 3600, startsAt, seconds);
            }
            return new TimeUnit("days", 86_400, startsAt, seconds);
        }

        /** Ticks to the second (hh:mm:ss) in a run shorter than an hour: 30-second ticks read 00:00 00:00 00:01. */
        boolean toTheSecond() {
            return spanSeconds < 3600;
        }

        /** Days on the axis (a run longer than 3 days). */
        boolean days() {
            return seconds >= 86_400;
        }
    }

    static void apply(JFreeChart chart, TimeUnit unit, String rangeLabel) {
        XYPlot plot = base(chart);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        timeAxis(x, unit);
        x.setAutoRangeIncludesZero(true);
        if (plot.getRangeAxis() instanceof NumberAxis y && !(y instanceof org.jfree.chart.axis.SymbolAxis)) {
            y.setLabel(rangeLabel);
            y.setLabelFont(LABEL);
            y.setTickLabelFont(TICK);
            y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            // a lane above the data for the action labels, so that they cover neither the data nor each other
            y.setUpperMargin(0.28);
        }
    }

    /** The look every chart shares: white, the report's title and legend fonts, light grid, no outline. */
    static XYPlot base(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE0E0E0));
        plot.setRangeGridlinePaint(new Color(0xE0E0E0));
        plot.setOutlineVisible(false);
        return plot;
    }

    /**
     * Time in the interactive page's wording: {@code Tue 14:00} (UTC) when the scenario sets {@code startsAt};
     * otherwise simulated time, {@code 00:10} within a day, {@code 3d} or {@code 3d 14:00} beyond. The ticks fall on a
     * clock's own steps, none finer than the labels say, so no two ticks read alike: in a run shorter than an hour to
     * the second ({@code 00:00:30}, as the narrative writes it; burst-scaling's ten minutes read "00:00 00:00 00:01
     * 00:01" at half-minute ticks), in a run of hours to the minute, in a run of days to the hour.
     */
    static void timeAxis(NumberAxis x, TimeUnit unit) {
        x.setLabel(unit.startsAt().isPresent() ? "Time (UTC, the run starts " + unit.startsAt().get() + ")"
                : "Simulated time" + (unit.days() ? " (days since the start)" : unit.toTheSecond() ? " (hh:mm:ss)"
                        : " (hh:mm)"));
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        ClockFormat format = new ClockFormat(unit);
        x.setNumberFormatOverride(format);
        long finest = unit.toTheSecond() ? 1 : unit.days() ? 3600 : 60;
        org.jfree.chart.axis.TickUnits steps = new org.jfree.chart.axis.TickUnits();
        for (long s : CLOCK_STEPS) {
            if (s >= finest) {
                steps.add(new org.jfree.chart.axis.NumberTickUnit(s / unit.seconds(), format));
            }
        }
        x.setStandardTickUnits(steps);
    }

    /** A year of 365 days, in seconds. */
    static final long YEAR = 365 * 86_400L;

    /**
     * Tick steps a clock reader expects, in seconds: 1 s to 30 days, 60, 90 and 180 days (a 400-day run had two
     * ticks, a year apart), then 1, 2 and 5 times a power of ten years up to the longest run a scenario takes (the
     * page's, charts.js {@code xIncrs}): past 30 days JFreeChart fell back on the largest step, and a year's run from
     * a startsAt wrote its 30-day labels over one another.
     */
    private static final long[] CLOCK_STEPS = clockSteps();

    private static long[] clockSteps() {
        long[] clock = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
            172_800, 604_800, 1_209_600, 2_592_000, 5_184_000, 7_776_000, 15_552_000};
        long[] out = java.util.Arrays.copyOf(clock, clock.length + 18);
        int n = clock.length;
        for (long y = 1; y <= 100_000; y *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                out[n++] = m * y * YEAR;
            }
        }
        return out;
    }

    /**
     * A time axis that chooses its step by the widest label it would draw. JFreeChart's NumberAxis measures only the
     * labels of the range's two ends: the state timeline's axis, exactly 0d to 7d, measured "0d" and "7d" and chose
     * 6-hour steps whose "1d 06:00" labels ran into each other (diurnal-week's PNG).
     */
    static final class ClockAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;
        /** The most ticks measured for one step (beyond, the step is too fine for any plot anyway). */
        private static final int MEASURED = 400;

        /**
         * Where the ticks start, in the axis' units: the run's first midnight (UTC) with a startsAt, its start without.
         * The ticks fall every step from there, so that a day's ticks are at 00:00 and an hour's on the hour of the
         * wall clock (from a 14:00 start they fell at 14:00 each day), as on the page (charts.js {@code xSplits});
         * from the start when midnight would leave a single tick.
         */
        private double anchor(double size) {
            if (getNumberFormatOverride() instanceof ClockFormat f && f.unit.startsAt().isPresent()) {
                double a = Math.floorMod(-f.unit.startsAt().get().getEpochSecond(), 86_400L) / f.unit.seconds();
                return count(a, size) < 2 ? 0 : a;
            }
            return 0;
        }

        /** How many ticks from {@code a} every {@code size} the axis' range holds. */
        private int count(double a, double size) {
            return (int) (Math.floor((getRange().getUpperBound() - a) / size + 1e-9)
                    - Math.ceil((getRange().getLowerBound() - a) / size - 1e-9) + 1);
        }

        /** The first tick at or after {@code lower} for a step of {@code size}. */
        private double first(double lower, double size) {
            double a = anchor(size);
            return a == 0 ? Math.ceil(lower / size) * size : a + Math.ceil((lower - a) / size - 1e-9) * size;
        }

        @Override
        protected double calculateLowestVisibleTickValue() {
            return anchor(getTickUnit().getSize()) == 0 ? super.calculateLowestVisibleTickValue()
                    : first(getRange().getLowerBound(), getTickUnit().getSize());
        }

        @Override
        protected int calculateVisibleTickCount() {
            double size = getTickUnit().getSize();
            double a = anchor(size);
            return a == 0 ? super.calculateVisibleTickCount() : count(a, size);
        }

        @Override
        protected double estimateMaximumTickLabelWidth(java.awt.Graphics2D g2, org.jfree.chart.axis.TickUnit unit) {
            double widest = super.estimateMaximumTickLabelWidth(g2, unit);
            java.text.NumberFormat format = getNumberFormatOverride();
            double size = unit.getSize();
            double lower = getRange().getLowerBound();
            double upper = getRange().getUpperBound();
            if (format == null || isVerticalTickLabels() || size <= 0 || (upper - lower) / size > MEASURED) {
                return widest;
            }
            java.awt.FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
            double insets = getTickLabelInsets().getLeft() + getTickLabelInsets().getRight();
            for (double v = first(lower, size); v <= upper; v += size) {
                widest = Math.max(widest, insets + fm.stringWidth(format.format(v)));
            }
            return widest;
        }
    }

    /** Formats an axis value in the unit's units as a clock, to the second in a run shorter than an hour. */
    static final class ClockFormat extends java.text.NumberFormat {
        private final TimeUnit unit;

        ClockFormat(TimeUnit unit) {
            this.unit = unit;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            long seconds = Math.round(number * unit.seconds());
            String at = unit.startsAt().isEmpty() ? clock(seconds, unit.days())
                    : weekday(seconds, unit.days(), unit.spanSeconds() >= YEAR, unit.startsAt().get());
            if (unit.toTheSecond()) {
                at += String.format(java.util.Locale.ROOT, ":%02d", Math.max(0, seconds) % 60);
            }
            return to.append(at);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    /**
     * Elapsed simulated time as the narrative writes it: {@code hh:mm} in the first day, {@code 3d 04:05} after it
     * (three days and four hours in); {@code 3d} on a day axis.
     */
    static String clock(long seconds, boolean days) {
        long s = Math.max(0, seconds);
        String hm = String.format(java.util.Locale.ROOT, "%02d:%02d", s % 86_400 / 3600, s % 3600 / 60);
        if (!days) {
            return s >= 86_400 ? s / 86_400 + "d " + hm : hm;
        }
        return s / 86_400 + "d" + (s % 86_400 == 0 ? "" : " " + hm);
    }

    /**
     * {@code Tue 14:00} (UTC), {@code startsAt} plus {@code seconds}; on a day axis with the date, as the narrative
     * dates a run longer than a week ({@code Tue 3 Mar 14:00}: a weekday alone read "Mon 14:00" at every tick of a
     * week's step), its midnight ticks {@code Tue 3 Mar}; over a year or more with the year ({@code Tue 3 Mar 2026}:
     * the same date came back each year).
     */
    static String weekday(long seconds, boolean days, boolean years, java.time.Instant startsAt) {
        java.time.ZonedDateTime t = startsAt.plusSeconds(Math.max(0, seconds)).atZone(java.time.ZoneOffset.UTC);
        String day = t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT)
                + (days ? " " + t.getDayOfMonth() + " " + t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
                        java.util.Locale.ROOT) : "") + (days && years ? " " + t.getYear() : "");
        if (days && t.getHour() == 0 && t.getMinute() == 0) {
            return day;
        }
        return day + String.format(java.util.Locale.ROOT, " %02d:%02d", t.getHour(), t.getMinute());
    }

    /**
     * The least distance in pixels between two action lines; an action nearer the line before is counted in its label
     * ("+N more"): quota-500's 110 creations, 30 s apart over two hours (under 4 px), were dashed lines that merged
     * into a solid band over the charts and the state timeline.
     */
    static final double MARKER_GAP = 10;

    /**
     * The actions as lines to draw (in order): each line's action first, then those after it too near to have a line of
     * their own (under {@link #MARKER_GAP} pixels on a plot {@code plotPixels} wide covering {@code spanSeconds}).
     * Actions at the very moment of a line have lines of their own: they draw as one, and their labels are staggered.
     */
    static List<List<RunSummary.Action>> lines(List<RunSummary.Action> actions, double spanSeconds,
            double plotPixels) {
        return groups(actions, RunSummary.Action::atSeconds, spanSeconds, plotPixels);
    }

    /** As {@link #lines}, of any markers in time order, {@code at} their seconds. */
    static <T> List<List<T>> groups(List<T> markers, java.util.function.ToDoubleFunction<T> at, double spanSeconds,
            double plotPixels) {
        double perSecond = plotPixels / Math.max(spanSeconds, 1e-9);
        List<List<T>> out = new java.util.ArrayList<>();
        List<T> line = null;
        for (T a : markers) {
            double first = line == null ? 0 : at.applyAsDouble(line.get(0));
            double t = at.applyAsDouble(a);
            if (line == null || t == first || Math.abs(t - first) * perSecond >= MARKER_GAP) {
                line = new java.util.ArrayList<>();
                out.add(line);
            }
            line.add(a);
        }
        return out;
    }

    /** " +N more" for {@code n} actions counted with a line, or "". */
    static String more(int n) {
        return n <= 0 ? "" : " +" + n + " more";
    }

    /** Vertical markers for the timeline's actions (the first few, labelled briefly). */
    static void markActions(XYPlot plot, List<RunSummary.Action> actions, TimeUnit unit, double spanSeconds) {
        markActions(plot, actions, unit, true, spanSeconds);
    }

    /**
     * Vertical markers, labelled or not (the state timeline's lanes already say when a function starts). Every action
     * is a line; a label is drawn in the first of {@link #LABEL_ROWS} rows down the plot where it does not run into
     * the label before it (its width estimated from its length against the run's span), else left out: fourteen
     * labels at most, the first fourteen actions, hid quota-500's Failed creations at the end and wrote labels over
     * each other ("svc-svc-svc-011 created").
     */
    static void markActions(XYPlot plot, List<RunSummary.Action> actions, TimeUnit unit, boolean labelled,
            double spanSeconds) {
        markActions(plot, actions, unit, a -> labelled, spanSeconds);
    }

    /**
     * As above, the actions {@code labelled} accepts labelled, the others lines alone; one line per {@link #MARKER_GAP}
     * pixels at the most ({@link #lines}), its label counting the actions too near to have a line ("+2 more").
     */
    static void markActions(XYPlot plot, List<RunSummary.Action> actions, TimeUnit unit,
            java.util.function.Predicate<RunSummary.Action> labelled, double spanSeconds) {
        mark(plot, actions, labelled, List.of(), false, unit, spanSeconds);
    }

    /** The action lines' grey (charts.js {@code ACTION}) and their labels' ink. */
    static final Color ACTION = Color.decode(Palette.ACTION);
    static final Color ACTION_INK = Color.decode(Palette.ACTION_INK);
    /** The action lines' dashes, 1 px. */
    static final BasicStroke ACTION_STROKE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);
    /** The lifecycle moments' vermillion and their labels' darker ink (charts.js {@code MOMENT}, {@code MOMENT_INK}). */
    static final Color MOMENT = Color.decode(Palette.MOMENT);
    static final Color MOMENT_INK = Color.decode(Palette.MOMENT_INK);
    /** The lifecycle moments' dots, 2 px: thicker than the actions' dashes, as on the page. */
    static final BasicStroke MOMENT_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {1.5f, 2.5f}, 0f);
    /** The rows of labels down the plot a moment may take: the actions' five and a sixth of its own (as the page). */
    static final int MOMENT_ROWS = LABEL_ROWS + 1;
    /** The key's words for the two kinds of line, as the page's key under each chart says them (charts.js). */
    static final String ACTION_KEY = "timeline action";
    static final String MOMENT_KEY = "lifecycle moment (Inactive, restore, Failed, scale-out, ENIs deleted or orphaned)";

    /**
     * A lifecycle moment's line ({@link LifecycleMoments}), or a label of its own on a line drawn by another: the
     * moments it stands for (those counted in its "+N more" too) and the seconds of one unit of the time axis, for the
     * chart's text alternative ({@link ChartFiles#describe}) and for tests.
     */
    static final class MomentLine extends ValueMarker {
        private static final long serialVersionUID = 1L;
        private final transient List<LifecycleMoments.Marker> moments = new java.util.ArrayList<>();
        private final double unitSeconds;

        MomentLine(LifecycleMoments.Marker first, double unitSeconds) {
            super(first.atSeconds() / unitSeconds);
            this.unitSeconds = unitSeconds;
            moments.add(first);
        }

        /** The moments this marker stands for: its own, then those counted in its label or too near for a line. */
        List<LifecycleMoments.Marker> moments() {
            return java.util.Collections.unmodifiableList(moments);
        }

        /** The seconds of one unit of the axis the marker's value is in. */
        double unitSeconds() {
            return unitSeconds;
        }
    }

    /** A label placed: its marker, its text before any "+N more", how many it counts, its row, left of its line. */
    private static final class Placed {
        final ValueMarker marker;
        final String text;
        int more;
        final int row;
        final boolean left;

        Placed(ValueMarker marker, String text, int more, int row, boolean left) {
            this.marker = marker;
            this.text = text;
            this.more = more;
            this.row = row;
            this.left = left;
        }
    }

    /** A label's width in seconds of the run, estimated from its length: 6 px a character and 12 px of room. */
    private static double width(String label, double secondsPerPixel) {
        return (label.length() * 6 + 12) * secondsPerPixel;
    }

    /**
     * The timeline's actions and the run's lifecycle moments ({@link LifecycleMoments}: Inactive, restores, Failed,
     * scale-outs, ENIs deleted or orphaned) as the page's charts mark them (charts.js {@code markerLayout}): the chart
     * files marked the actions alone, so idle-reclaim's PNGs drew nothing at the Inactive steps (14d, 34d) nor at the
     * restores (20d, 40d), where the page's charts did. Each kind is thinned on its own (one line per {@link
     * #MARKER_GAP} px, a marker nearer counted in the "+N more" of the last label of its kind); the two share the
     * label rows down the plot, in time order (an action before a moment at one instant), so that no label runs into
     * another: an action's label in the first of {@link #LABEL_ROWS} rows with room, a moment's in the first of {@link
     * #MOMENT_ROWS} (one row of its own, as on the page). A moment's line is dotted vermillion, 2 px, its label in a
     * darker vermillion; an action's dashed grey. A moment too near the line before of its kind keeps a label of its
     * own on that line while a row has room there ("2 ENIs deleted" minutes after "2 functions Inactive" on a 45-day
     * axis); a moment's label with no room right of its line goes to its left.
     */
    static void mark(XYPlot plot, List<RunSummary.Action> actions,
            java.util.function.Predicate<RunSummary.Action> labelled, List<LifecycleMoments.Marker> moments,
            boolean momentsLabelled, TimeUnit unit, double spanSeconds) {
        double[] freeFrom = new double[MOMENT_ROWS];
        java.util.Arrays.fill(freeFrom, Double.NEGATIVE_INFINITY);
        double secondsPerPixel = Math.max(spanSeconds, 1e-9) / PLOT_PIXELS;
        List<List<RunSummary.Action>> actionLines = lines(actions.subList(0, Math.min(actions.size(), MAX_MARKERS)),
                spanSeconds, PLOT_PIXELS);
        List<List<LifecycleMoments.Marker>> momentLines = groups(moments, LifecycleMoments.Marker::atSeconds,
                spanSeconds, PLOT_PIXELS);
        Placed lastAction = null; // the last label placed of each kind: a line with no room is counted in it
        Placed lastMoment = null;
        int i = 0;
        int k = 0;
        while (i < actionLines.size() || k < momentLines.size()) {
            if (k >= momentLines.size() || (i < actionLines.size()
                    && actionLines.get(i).get(0).atSeconds() <= momentLines.get(k).get(0).atSeconds())) {
                lastAction = markAction(plot, actionLines.get(i++), labelled, lastAction, freeFrom, unit,
                        secondsPerPixel);
            } else {
                lastMoment = markMoment(plot, momentLines.get(k++), momentsLabelled, lastMoment, freeFrom, unit,
                        spanSeconds, secondsPerPixel);
            }
        }
    }

    /** One action line (its first action, those too near counted in its label): returns the last action label. */
    private static Placed markAction(XYPlot plot, List<RunSummary.Action> line,
            java.util.function.Predicate<RunSummary.Action> labelled, Placed last, double[] freeFrom, TimeUnit unit,
            double secondsPerPixel) {
        RunSummary.Action a = line.get(0);
        ValueMarker m = new ValueMarker(a.atSeconds() / unit.seconds());
        m.setPaint(ACTION);
        m.setStroke(ACTION_STROKE);
        plot.addDomainMarker(m);
        if (!labelled.test(a)) {
            return last;
        }
        String text = Palette.shortLabel(a.description());
        String label = text + more(line.size() - 1);
        int row = 0;
        while (row < LABEL_ROWS && freeFrom[row] > a.atSeconds()) {
            row++;
        }
        if (row == LABEL_ROWS) { // no room: the line alone, its actions counted in the last label ("+N more")
            count(last, line.size(), freeFrom, unit, secondsPerPixel);
            return last;
        }
        freeFrom[row] = a.atSeconds() + width(label, secondsPerPixel);
        label(m, label, row, false, ACTION_INK);
        return new Placed(m, text, line.size() - 1, row, false);
    }

    /**
     * One moment line (its first marker; the markers too near it each a label of its own on it where a row has room,
     * else counted in the last moment label): returns the last moment label.
     */
    private static Placed markMoment(XYPlot plot, List<LifecycleMoments.Marker> line, boolean labelled, Placed last,
            double[] freeFrom, TimeUnit unit, double spanSeconds, double secondsPerPixel) {
        LifecycleMoments.Marker first = line.get(0);
        MomentLine m = new MomentLine(first, unit.seconds());
        m.setPaint(MOMENT);
        m.setStroke(MOMENT_STROKE);
        plot.addDomainMarker(m);
        if (!labelled) {
            m.moments.addAll(line.subList(1, line.size()));
            return last;
        }
        double at = first.atSeconds();
        double w = width(first.label(), secondsPerPixel);
        boolean left = at + w > spanSeconds && at - w >= 0; // no room right of the line, room left of it
        int row = 0;
        while (row < MOMENT_ROWS && freeFrom[row] > (left ? at - w : at)) {
            row++;
        }
        if (row == MOMENT_ROWS && last != null) {
            count(last, 1, freeFrom, unit, secondsPerPixel);
            ((MomentLine) last.marker).moments.add(first);
            m.moments.clear(); // told by the label it is counted in
        } else { // the first moment has its own row, whatever the actions took
            row = Math.min(row, MOMENT_ROWS - 1);
            freeFrom[row] = left ? at + 4 * secondsPerPixel : at + w;
            label(m, first.label(), row, left, MOMENT_INK);
            last = new Placed(m, first.label(), 0, row, left);
        }
        for (LifecycleMoments.Marker near : line.subList(1, line.size())) {
            double wn = width(near.label(), secondsPerPixel);
            int q = 0;
            while (q < MOMENT_ROWS && freeFrom[q] > at) {
                q++;
            }
            if (q < MOMENT_ROWS && at + wn <= spanSeconds) { // a label of its own on this line
                MomentLine own = new MomentLine(near, unit.seconds());
                own.setValue(first.atSeconds() / unit.seconds());
                own.setPaint(NO_LINE);
                own.setStroke(MOMENT_STROKE);
                freeFrom[q] = at + wn;
                label(own, near.label(), q, false, MOMENT_INK);
                plot.addDomainMarker(own);
                last = new Placed(own, near.label(), 0, q, false);
            } else {
                count(last, 1, freeFrom, unit, secondsPerPixel);
                ((MomentLine) last.marker).moments.add(near);
            }
        }
        return last;
    }

    /** The line of a label that has its own marker on a line another draws: nothing drawn. */
    private static final Color NO_LINE = new Color(0, 0, 0, 0);

    /** {@code n} more counted in {@code last}'s "+N more" (and its row kept clear of its longer label). */
    private static void count(Placed last, int n, double[] freeFrom, TimeUnit unit, double secondsPerPixel) {
        if (last == null) {
            return;
        }
        last.more += n;
        String text = last.text + more(last.more);
        last.marker.setLabel(text);
        double at = last.marker.getValue() * unit.seconds();
        if (!last.left) {
            freeFrom[last.row] = Math.max(freeFrom[last.row], at + width(text, secondsPerPixel));
        }
    }

    /** A marker's label in row {@code row} down the plot, right of its line (or left), in {@code ink}. */
    private static void label(ValueMarker m, String text, int row, boolean left, Color ink) {
        m.setLabel(text);
        m.setLabelFont(MARKER);
        m.setLabelPaint(ink);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        m.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 14 * row, 2, 2, 2));
    }

    /**
     * The key to a chart's vertical lines under its legend, as the page's under each chart: the timeline actions'
     * dashed grey line and the lifecycle moments' dotted vermillion one, each when the chart draws any.
     */
    static void key(JFreeChart chart, boolean actions, boolean moments) {
        if (!actions && !moments) {
            return;
        }
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        if (actions) {
            items.add(keyItem(ACTION_KEY, ACTION, ACTION_STROKE));
        }
        if (moments) {
            items.add(keyItem(MOMENT_KEY, MOMENT, MOMENT_STROKE));
        }
        org.jfree.chart.title.LegendTitle key = new org.jfree.chart.title.LegendTitle(() -> items);
        key.setItemFont(LABEL);
        key.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        key.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 10));
        org.jfree.chart.block.BlockContainer box = new org.jfree.chart.block.BlockContainer(
                new org.jfree.chart.block.FlowArrangement());
        box.add(key);
        // in a title of its own, first: drawn below the series' legend, which stays the chart's legend (getLegend)
        org.jfree.chart.title.CompositeTitle title = new org.jfree.chart.title.CompositeTitle(box);
        title.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        chart.addSubtitle(0, title);
    }

    /** A key's entry: a short vertical line drawn as the plot draws it, and its words. */
    private static org.jfree.chart.LegendItem keyItem(String text, Color colour, BasicStroke stroke) {
        org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(text, colour);
        item.setShapeVisible(false);
        item.setLineVisible(true);
        item.setLine(new java.awt.geom.Line2D.Double(0, -7, 0, 7));
        item.setLineStroke(stroke);
        item.setLinePaint(colour);
        item.setLabelFont(LABEL);
        return item;
    }

    /** Whether {@code chart} has a key to its lines ({@link #key}), and its entries' words. */
    static List<String> keyOf(JFreeChart chart) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.CompositeTitle c) {
                for (Object b : c.getContainer().getBlocks()) {
                    if (b instanceof org.jfree.chart.title.LegendTitle l) {
                        for (org.jfree.chart.LegendItemSource s : l.getSources()) {
                            for (java.util.Iterator<?> it = s.getLegendItems().iterator(); it.hasNext();) {
                                out.add(((org.jfree.chart.LegendItem) it.next()).getLabel());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

}
