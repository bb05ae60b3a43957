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
        double perSecond = plotPixels / Math.max(spanSeconds, 1e-9);
        List<List<RunSummary.Action>> out = new java.util.ArrayList<>();
        List<RunSummary.Action> line = null;
        for (RunSummary.Action a : actions) {
            double at = line == null ? 0 : line.get(0).atSeconds();
            if (line == null || a.atSeconds() == at || Math.abs(a.atSeconds() - at) * perSecond >= MARKER_GAP) {
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
        double[] freeFrom = new double[LABEL_ROWS];
        java.util.Arrays.fill(freeFrom, Double.NEGATIVE_INFINITY);
        double secondsPerPixel = Math.max(spanSeconds, 1e-9) / PLOT_PIXELS;
        ValueMarker last = null; // the last label placed: a line with no room for its own is counted in it
        String lastText = null;
        int lastMore = 0;
        int lastRow = 0;
        for (List<RunSummary.Action> line : lines(actions.subList(0, Math.min(actions.size(), MAX_MARKERS)),
                spanSeconds, PLOT_PIXELS)) {
            RunSummary.Action a = line.get(0);
            ValueMarker m = new ValueMarker(a.atSeconds() / unit.seconds());
            m.setPaint(new Color(0x9E9E9E));
            m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f},
                    0f));
            if (!labelled.test(a)) {
                plot.addDomainMarker(m);
                continue;
            }
            String label = Palette.shortLabel(a.description()) + more(line.size() - 1);
            int row = 0;
            while (row < LABEL_ROWS && freeFrom[row] > a.atSeconds()) {
                row++;
            }
            if (row == LABEL_ROWS) { // no room: the line alone, its actions counted in the last label ("+N more")
                if (last != null) {
                    lastMore += line.size();
                    String text = lastText + more(lastMore);
                    last.setLabel(text);
                    freeFrom[lastRow] = Math.max(freeFrom[lastRow], last.getValue() * unit.seconds()
                            + (text.length() * 6 + 12) * secondsPerPixel);
                }
                plot.addDomainMarker(m);
                continue;
            }
            last = m;
            lastText = Palette.shortLabel(a.description());
            lastMore = line.size() - 1;
            lastRow = row;
            freeFrom[row] = a.atSeconds() + (label.length() * 6 + 12) * secondsPerPixel;
            m.setLabel(label);
            m.setLabelFont(MARKER);
            m.setLabelPaint(new Color(0x424242));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 14 * row, 2, 2, 2));
            plot.addDomainMarker(m);
        }
    }

}
