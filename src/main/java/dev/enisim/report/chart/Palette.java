package dev.enisim.report.chart;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours and rankings shared by every chart of a run (the PNG/SVG files and the interactive page), so that a
 * function or an ENI key has the same colour everywhere: the {@value #DISTINCT} most relevant get distinct
 * colours (functions by invocations, keys by peak ENIs then peak connections), the rest share a grey.
 * Also picks the top N series of a chart by relevance, so that charts stay bounded whatever the number of
 * functions or keys. Pure functions of the run's result.
 */
public final class Palette {

    /**
     * Distinct series colours, in order of relevance: picked so that the first five
     * stay apart for red/green colour-blind readers too (simulated deuteranopia and protanopia), and from the others'
     * grey and the totals' near-black. The Material 800s before had green #2E7D32 next to red #C62828: the same olive
     * under deuteranopia (a teacher's review). Every line colour, the others' grey too, has a contrast of 3:1 or more
     * against the white background (WCAG 1.4.11, non-text contrast): Okabe-Ito's orange #E69F00 (2.2:1) and sky blue
     * #56B4E9 (2.3:1), and the grey #9E9E9E (2.7:1), were faint lines for a reader with low vision. Any two are at
     * least {@value #APART} apart in CIEDE2000 (a teacher's review: the ten before had two blues, #1565C0 and #5D8FC9,
     * 15.5 apart, and two teals, #01665E and #009E73, 22.2, side by side in shared-eni-65k's chart; the least pair
     * was 13.1), and {@value #APART_FROM_LINES} from the lines a chart draws with them (the others' grey, the total,
     * the ENI quota's wine, the account limit's indigo); picked by a search over sRGB. And every one, not only the
     * first five, stays {@value #APART_CVD} apart from every other and from the others' grey under simulated
     * deuteranopia and protanopia (an accessibility review: #C28600 and #44AA00, the second and sixth before, were 2.6
     * apart under deuteranopia, and #EE4499 1.2 from the grey): ten colours and a grey all 3:1 on white and 23 apart
     * for normal vision leave about 9 under dichromacy (a search found none at 10); past five lines a dash is a
     * second cue ({@link #SERIES_DASHES}).
     */
    public static final String[] SERIES = {"#1565C0", "#E01000", "#309050", "#106060", "#601000", "#00A0B0", "#F03080",
        "#706040", "#D08000", "#A070E0"};
    /** The least CIEDE2000 difference of two series colours (PaletteDistinctTest). */
    public static final double APART = 23;
    /** The least CIEDE2000 difference of a series colour from the other lines of a chart (PaletteDistinctTest). */
    public static final double APART_FROM_LINES = 20;
    /**
     * The least CIEDE2000 difference of two series colours, and of a series colour from the others' grey, under
     * simulated deuteranopia and under protanopia (Machado et al. 2009; AccessibleChartsTest): the ten before had
     * #C28600 and #44AA00 2.6 apart under deuteranopia, and #EE4499 1.2 from the grey.
     */
    public static final double APART_CVD = 9;
    /**
     * A second cue besides colour where a chart draws many functions: the lines in the sixth to the tenth colours
     * each have a dash of their own (on, off, ... px), the five most relevant are solid. Dashes that the same values
     * throughout give a line ({@link Charts#sameValuesNote}) come over these.
     */
    static final float[][] SERIES_DASHES = {null, null, null, null, null, {8f, 3f}, {2f, 2f}, {8f, 3f, 2f, 3f},
        {4f, 4f}, {12f, 3f, 2f, 3f}};

    /**
     * Colours past the ten, used only where no colouring from {@link #SERIES} keeps a chart file's named series apart
     * ({@link SeriesColours}): shared-eni-65k's latency-by-function draws eight functions in their own colours and
     * svc-02 and svc-13 past them, and each of those two is drawn in another chart beside svc-12 and svc-20, which
     * hold the two colours left, so both need a colour past the ten. Each extra is 3:1 on white, {@value
     * #APART_EXTRA} or more in CIEDE2000 from every series colour and every other extra, {@value #APART_FROM_LINES}
     * from the other lines, and {@value #APART_CVD} from all of them and the others' grey under simulated
     * deuteranopia and protanopia (PaletteDistinctTest, AccessibleChartsTest). A search over sRGB found only a dark
     * plum {@value #APART} from the ten (the first), and the second, a dusty rose, 20.7 from its nearest; each line
     * is dashed too ({@link #EXTRA_DASHES}).
     */
    public static final String[] EXTRA = {"#280024", "#906868"};
    /** The least CIEDE2000 difference of an {@link #EXTRA} colour from a series colour or another extra. */
    public static final double APART_EXTRA = 20;
    /** The dash of a line in each {@link #EXTRA} colour, unlike every one in {@link #SERIES_DASHES}. */
    static final float[][] EXTRA_DASHES = {{3f, 3f, 9f, 3f}, {6f, 2f, 6f, 6f}};

    /**
     * The dash of a function's line in a series colour ({@link #SERIES_DASHES}) or an extra one ({@link
     * #EXTRA_DASHES}), or null for a solid line.
     */
    public static float[] dash(String colour) {
        for (int i = 0; i < SERIES.length; i++) {
            if (SERIES[i].equalsIgnoreCase(colour)) {
                return SERIES_DASHES[i] == null ? null : SERIES_DASHES[i].clone();
            }
        }
        for (int i = 0; i < EXTRA.length; i++) {
            if (EXTRA[i].equalsIgnoreCase(colour)) {
                return EXTRA_DASHES[i].clone();
            }
        }
        return null;
    }
    public static final int DISTINCT = SERIES.length;
    public static final String OTHERS = "#949494";
    /** The account's total (all keys, the account's ConcurrentExecutions), drawn over the series. */
    public static final String TOTAL = "#212121";

    /**
     * The timeline actions' lines (dashed) and their labels' ink, on the chart files and the page (charts.js {@code
     * ACTION}), 4.5:1 on white (WCAG 1.4.11 asks 3:1 of a graphic; the grey #9E9E9E before was 2.7:1) and apart
     * from the others' grey.
     */
    public static final String ACTION = "#767676";
    public static final String ACTION_INK = "#424242";
    /**
     * The lifecycle moments' lines ({@link LifecycleMoments}; dotted, 2 px) in Okabe-Ito's vermillion, 3.9:1 on white
     * (WCAG 1.4.11), apart from the actions' grey, and their labels in a darker shade of it (6.5:1), on the chart files
     * and the page alike (charts.js {@code MOMENT}, {@code MOMENT_INK}).
     */
    public static final String MOMENT = "#D55E00";
    public static final String MOMENT_INK = "#A63A00";

    /**
     * State colours: function states (Pending amber, Active green, Inactive light grey, Failed wine and hatched,
     * Deleted black) and ENI states (Creating light blue, InUse blue, Deleting pink, Orphaned brown). Within each
     * group, and across the two as the legend shows them together, they stay apart under simulated deuteranopia and
     * protanopia, and Active and Failed differ in lightness too: the old Active #2E7D32 and Failed #C62828 had almost
     * the same luminance and turned the same olive for red/green colour-blind readers. Failed has a second encoding
     * besides colour: its bars are hatched ({@link #HATCHED}).
     */
    public static final Map<String, String> STATES = stateColours();
    /** The states whose bars are hatched (white diagonal lines), not told by colour alone. */
    public static final java.util.Set<String> HATCHED = java.util.Set.of("Failed");

    /**
     * Invocation outcomes, for the invocations chart of the images and the page: succeeded, function errors,
     * throttles, then the invoke errors by exception (in turn; each error series also has its own dash,
     * {@link #ERROR_DASHES}). Apart under simulated deuteranopia and protanopia: ResourceConflictException #C62828
     * and SubnetIPAddressLimitReachedException #AD1457 were two reds (contrast 1.24).
     */
    public static final String SUCCEEDED = "#117733";
    public static final String FUNCTION_ERRORS = "#C28600";
    public static final String THROTTLES = "#332288";
    public static final String[] ERRORS = {"#000000", "#CC79A7", "#882255", "#0072B2", "#8C510A", "#5D8FC9",
        "#999933", "#40A191"};
    /**
     * Dash patterns (on, off, ... in pixels) of the outcome series after Succeeded (solid): function errors,
     * throttles, then each exception in turn, so that no two error lines rely on colour alone.
     */
    public static final float[][] ERROR_DASHES = {{9f, 3f}, {2f, 2f}, {6f, 2f, 2f, 2f}, {4f, 4f}, {12f, 3f, 2f, 3f},
        {1f, 3f}, {8f, 2f, 2f, 2f, 2f, 2f}, {3f, 6f}, {10f, 6f}, {5f, 2f, 1f, 2f, 1f, 2f}, {14f, 4f}};

    private final Map<String, Integer> functionRank = new HashMap<>();
    private final Map<String, Integer> keyRank = new HashMap<>();

    private Palette(RunResult r) {
        List<Map.Entry<String, RunSummary.FunctionSummary>> fns = new ArrayList<>(r.summary().functions().entrySet());
        fns.sort(Comparator.comparingLong((Map.Entry<String, RunSummary.FunctionSummary> e) ->
                -e.getValue().invocations().total()).thenComparing(Map.Entry::getKey));
        for (int i = 0; i < fns.size(); i++) {
            functionRank.put(fns.get(i).getKey(), i);
        }
        List<Map.Entry<String, RunSummary.KeySummary>> keys = new ArrayList<>(r.summary().eniKeys().entrySet());
        keys.sort(Comparator.comparingLong((Map.Entry<String, RunSummary.KeySummary> e) -> -e.getValue().peakEnis())
                .thenComparingLong(e -> -e.getValue().peakConnections()).thenComparing(Map.Entry::getKey));
        for (int i = 0; i < keys.size(); i++) {
            keyRank.put(keys.get(i).getKey(), i);
        }
    }

    public static Palette of(RunResult r) {
        return new Palette(r);
    }

    /** The colour of a function (by name) or an ENI key (by label); grey past the first {@value #DISTINCT}. */
    public String colour(Metric.Scope scope, String id) {
        Integer rank = scope == Metric.Scope.FUNCTION ? functionRank.get(id) : scope == Metric.Scope.ENI_KEY
                ? keyRank.get(id) : null;
        return rank == null || rank >= DISTINCT ? OTHERS : SERIES[rank];
    }

    /** The first distinct colour not in {@code used} (or the grey when all are taken). */
    public static String unused(java.util.Set<String> used) {
        for (String c : SERIES) {
            if (!used.contains(c)) {
                return c;
            }
        }
        return OTHERS;
    }

    /**
     * One series standing for {@code rest} in each of {@code buckets} buckets: their sum for counts per bucket, and
     * for levels (each a maximum per bucket) the highest of them: a sum of maxima reached at different moments of
     * a bucket claims more than ever happened at once (quota-500's other functions summed to ~130 concurrent
     * executions under an account peak of 15).
     */
    public static long[] others(List<Series> rest, int buckets, boolean sum) {
        long[] out = new long[buckets];
        for (Series s : rest) {
            for (int i = 0; i < buckets && i < s.values().length; i++) {
                long v = Math.max(0, s.values()[i]);
                out[i] = sum ? out[i] + v : Math.max(out[i], v);
            }
        }
        return out;
    }

    public java.awt.Color awt(Metric.Scope scope, String id) {
        return java.awt.Color.decode(colour(scope, id));
    }

    /**
     * The {@code n} series with the highest score (ties by id), in that order; the caller states how many were
     * left out. Never holds more than the input list.
     */
    public static List<Series> top(List<Series> candidates, int n, java.util.function.ToLongFunction<Series> score) {
        List<Series> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingLong((Series s) -> -score.applyAsLong(s)).thenComparing(Series::id));
        return sorted.subList(0, Math.min(n, sorted.size()));
    }

    /** The note under a chart that does not show every series: "top 9 by invocations; 11 more in the table". */
    public static String legendNote(int shown, int total, String by, String where) {
        if (shown >= total) {
            return "";
        }
        return "top " + shown + " of " + total + " by " + by + "; " + (total - shown) + " more " + where;
    }

    public static long max(long[] v) {
        long m = 0;
        for (long x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    public static long sum(long[] v) {
        long m = 0;
        for (long x : v) {
            m += Math.max(0, x);
        }
        return m;
    }

    /** A function's or a resource's name in a marker label at most (Lambda allows 64 characters in a name). */
    public static final int MARKER_NAME_MAX = 40;

    /** A marker label of another kind at most. */
    public static final int MARKER_LABEL_MAX = 44;

    private static final java.util.regex.Pattern PUBLISHED = java.util.regex.Pattern.compile(
            "PublishVersion (\\S+) -> version ([0-9]+).*");
    private static final java.util.regex.Pattern TENANTS = java.util.regex.Pattern.compile(
            "Other tenants of (.+) now use ([0-9,]+) IPs.*");
    private static final java.util.regex.Pattern BY_HAND = java.util.regex.Pattern.compile(
            "DeleteNetworkInterface by hand: ([0-9,]+) orphaned (ENIs?)( .*)?");
    private static final java.util.regex.Pattern SERVICES = java.util.regex.Pattern.compile(
            "Other services' ENIs in (.+) now number ([0-9,]+).*");

    /**
     * An action's marker label: "CreateFunction orders-api with subnets ..." becomes "orders-api created", "Existing
     * function orders-api with ..." "orders-api existing", "PublishVersion api -> version 12, ..." "api:12
     * published". A name longer than {@value #MARKER_NAME_MAX} characters, and another label longer than {@value
     * #MARKER_LABEL_MAX}, is cut in its middle, ending as it ends: labels cut at 32 characters kept their start
     * alone, "Existing function orders-reconc..." and "PublishVersion api -> version 1..." (which version?), and the
     * names people give (Name tags, function names of up to 64 characters) often differ only at their end.
     */
    public static String shortLabel(String description) {
        String[] w = description.split(" ");
        if (w.length >= 2 && w[0].equals("CreateFunction")) {
            return middle(w[1], MARKER_NAME_MAX) + " created";
        }
        if (w.length >= 2 && w[0].equals("UpdateFunctionConfiguration")) {
            return middle(w[1], MARKER_NAME_MAX) + " updated";
        }
        if (w.length >= 2 && w[0].equals("DeleteFunction")) {
            return middle(w[1], MARKER_NAME_MAX) + " deleted";
        }
        if (description.startsWith("Availability Zone ")) {
            return "AZ " + description.substring("Availability Zone ".length());
        }
        if (ActionMarkers.isGroup(description)) { // "60 functions created over 29 min 30 s", without the names
            return description.substring(0, description.indexOf(':'));
        }
        if (ExistingFunctions.isGroup(description)) { // "584 existing functions start Active", without the names
            String head = description.substring(0, description.indexOf(':'));
            return head.contains(" (") ? head.substring(0, head.indexOf(" (")) : head;
        }
        if (w.length >= 3 && description.startsWith("Existing function ")) {
            return middle(w[2], MARKER_NAME_MAX) + " existing";
        }
        java.util.regex.Matcher m = PUBLISHED.matcher(description);
        if (m.matches()) {
            return middle(m.group(1), MARKER_NAME_MAX) + ":" + m.group(2) + " published";
        }
        m = TENANTS.matcher(description);
        if (m.matches()) {
            return "Other tenants of " + middle(m.group(1), MARKER_NAME_MAX) + ": " + m.group(2) + " IPs";
        }
        m = BY_HAND.matcher(description);
        if (m.matches()) { // "DeleteNetworkInterfac…and: 2 orphaned ENIs" cut in its middle
            return m.group(1) + " orphaned " + m.group(2) + " deleted by hand";
        }
        m = SERVICES.matcher(description);
        if (m.matches()) {
            return "Other services' ENIs in " + middle(m.group(1), MARKER_NAME_MAX) + ": " + m.group(2);
        }
        return middle(description, MARKER_LABEL_MAX);
    }

    /** {@code text} cut in its middle to {@code max} characters, an ellipsis where it was cut; whole when it fits. */
    static String middle(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = (max - 1) / 2;
        int tail = max - 1 - head;
        return text.substring(0, head) + dev.enisim.report.Labels.ELLIPSIS + text.substring(text.length() - tail);
    }

    private static Map<String, String> stateColours() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("Pending", "#FFC20A");
        m.put("Active", "#1A9850");
        m.put("Inactive", "#CCCCCC");
        m.put("Failed", "#882255");
        m.put("Deleted", "#000000");
        m.put("Creating", "#88CCEE");
        m.put("InUse", "#1565C0");
        m.put("Deleting", "#CC79A7");
        m.put("Orphaned", "#994F00");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The relative luminance (WCAG 2) of a colour {@code #RRGGBB}: 0 for black to 1 for white. */
    public static double luminance(String hex) {
        java.awt.Color c = java.awt.Color.decode(hex);
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    /** The WCAG contrast ratio of two colours, 1 (none) to 21 (black on white). */
    public static double contrast(String a, String b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    /**
     * The edge a state's bar is drawn with: the fill itself where it stands out from white by 3:1 (WCAG 1.4.11, as
     * the line colours do), else the fill darkened, in steps of a tenth, until it does: the light fills (Pending,
     * Inactive, Creating) stood about 1.6:1 against the white plot, so a bar's extent was hard to see.
     */
    public static String edge(String fill) {
        java.awt.Color c = java.awt.Color.decode(fill);
        String hex = fill;
        double f = 1;
        while (contrast(hex, "#FFFFFF") < 3) {
            f *= 0.9;
            hex = String.format(java.util.Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * f),
                    Math.round(c.getGreen() * f), Math.round(c.getBlue() * f));
        }
        return hex;
    }

    /** Black or white, whichever reads better on {@code fill} (white labels on the light fills failed contrast). */
    public static String textOn(String fill) {
        return contrast(fill, "#000000") >= contrast(fill, "#FFFFFF") ? "#000000" : "#FFFFFF";
    }

    static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
