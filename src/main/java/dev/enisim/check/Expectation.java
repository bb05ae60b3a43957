package dev.enisim.check;

import dev.enisim.scenario.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One assertion of an {@code expect:} block, written as a sentence:
 * <ul>
 *   <li>{@code PATH OP VALUE} with OP one of {@code == != <= < >= >}: {@code enis.peak <= 8},
 *       {@code functions.notifications.finalState == Failed};</li>
 *   <li>{@code PATH between LOW and HIGH} (inclusive);</li>
 *   <li>{@code PATH within X% of VALUE};</li>
 *   <li>with replications, {@code mean(PATH) ...} (what a bare PATH means then too), and
 *       {@code ci(PATH) contains VALUE} / {@code ci(PATH) below VALUE} / {@code ci(PATH) above VALUE} on the 95%
 *       confidence interval.</li>
 * </ul>
 * {@code text} is the sentence as written, trimmed, with any control character shown as Java escapes it
 * ({@link #visible}): it is printed on the terminal and written into the JUnit XML, which such a character breaks.
 */
public record Expectation(String text, Statistic statistic, String path, Op op, List<String> operands) {

    /** Which figure of a metric is compared. */
    public enum Statistic { VALUE, MEAN, CI }

    /** The comparison, with the word or symbol that writes it. */
    public enum Op {
        EQ("=="), NE("!="), LE("<="), LT("<"), GE(">="), GT(">"), BETWEEN("between"), WITHIN("within"),
        CONTAINS("contains"), BELOW("below"), ABOVE("above");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern SENTENCE = Pattern.compile(
            "^\\s*(?:(mean|ci)\\(\\s*([^()\\s]+)\\s*\\)|([^\\s()]+))\\s+(==|!=|<=|>=|<|>|between|within|contains|below"
                    + "|above)\\s+(.+?)\\s*$");
    /**
     * A comparison written without spaces around its symbol ({@code enis.peak==3}, {@code mean(enis.peak)<=8}): the
     * same sentence (r6, C4: it was refused with the generic "expected 'METRIC OP VALUE'"). The path stops at the
     * first symbol, and the value may not begin with one ({@code x >>> 3} and {@code enis.peak =< 1} stay refused).
     */
    private static final Pattern SYMBOL_UNSPACED = Pattern.compile(
            "^\\s*(?:(mean|ci)\\(\\s*([^()\\s]+)\\s*\\)|([^\\s()=!<>]+))\\s*(==|!=|<=|>=|<|>)\\s*([^\\s=!<>].*?)\\s*$");
    private static final Pattern BETWEEN = Pattern.compile("(\\S+)\\s+and\\s+(\\S+)");
    private static final Pattern WITHIN = Pattern.compile("([0-9.]+)\\s*%\\s+of\\s+(\\S+)");

    /** Parses a sentence; throws {@link IllegalArgumentException} saying what was expected. */
    public static Expectation parse(String written) {
        // every message and the record quote the sentence as it can be shown; the sentence itself is parsed
        String text = visible(written);
        Matcher m = SENTENCE.matcher(written);
        if (!m.matches()) {
            m = SYMBOL_UNSPACED.matcher(written);
        }
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'METRIC OP VALUE' (OP: == != <= < >= > between within), or "
                    + "mean(METRIC) / ci(METRIC) ..., got " + Problem.quote(text) + (SINGLE_EQUALS.matcher(written).find()
                    ? " ('=' alone is no comparison: write '==')" : ""));
        }
        Statistic stat = m.group(1) == null ? Statistic.VALUE
                : m.group(1).equals("mean") ? Statistic.MEAN : Statistic.CI;
        String path = m.group(1) == null ? m.group(3) : m.group(2);
        if (path.startsWith(".") || path.endsWith(".")) {
            // "enis.peak." found enis.peak (the empty name after the dot was skipped) and passed
            throw new IllegalArgumentException("expected a metric path like enis.peak, got " + Problem.quote(visible(path))
                    + " (an empty name " + (path.endsWith(".") ? "after its last" : "before its first") + " dot) in "
                    + Problem.quote(text));
        }
        Op op = op(m.group(4));
        if (stat == Statistic.CI && op != Op.CONTAINS && op != Op.BELOW && op != Op.ABOVE) {
            throw new IllegalArgumentException("ci(...) takes 'contains', 'below' or 'above', got " + Problem.quote(text));
        }
        if (stat != Statistic.CI && (op == Op.CONTAINS || op == Op.BELOW || op == Op.ABOVE)) {
            throw new IllegalArgumentException(Problem.quote(m.group(4)) + " applies to ci(...), got " + Problem.quote(text));
        }
        String rest = m.group(5).replaceAll("^[\"']|[\"']$", "");
        if (rest.equals(NULL)) {
            if (op != Op.EQ && op != Op.NE) {
                throw new IllegalArgumentException(Problem.quote(text) + ": null takes == or != (whether the metric has no "
                        + "value), not " + Problem.quote(op.symbol));
            }
            if (stat != Statistic.VALUE) {
                throw new IllegalArgumentException(Problem.quote(text) + ": a mean is a number, never null; compare the "
                        + "metric itself, e.g. '" + path + " == null' (no value in any replication)");
            }
        }
        List<String> operands;
        if (op == Op.BETWEEN) {
            Matcher b = BETWEEN.matcher(rest);
            if (!b.matches()) {
                throw new IllegalArgumentException("expected 'between LOW and HIGH', got " + Problem.quote(text));
            }
            operands = List.of(number(b.group(1), text), number(b.group(2), text));
            if (Double.parseDouble(operands.get(0)) > Double.parseDouble(operands.get(1))) {
                throw new IllegalArgumentException("expected 'between LOW and HIGH' with LOW <= HIGH, got "
                        + Problem.quote(text));
            }
        } else if (op == Op.WITHIN) {
            Matcher w = WITHIN.matcher(rest);
            if (!w.matches()) {
                throw new IllegalArgumentException("expected 'within X% of VALUE', got " + Problem.quote(text));
            }
            operands = List.of(number(w.group(1), text), number(w.group(2), text));
        } else if (op == Op.EQ || op == Op.NE) {
            String digits = rest.replace(",", "");
            // NaN and Infinity are numbers to Java, and refused as such; any other word is a text (a state)
            boolean number = NUMBER.matcher(digits).matches() || NOT_FINITE.matcher(digits).matches();
            operands = List.of(number ? number(rest, text) : rest);
        } else {
            operands = List.of(number(rest, text));
        }
        return new Expectation(text.trim(), stat, path, op, operands);
    }

    /** A lone '=' between a path and a value ({@code enis.peak = 8}), which is no comparison. */
    private static final Pattern SINGLE_EQUALS = Pattern.compile("^[^=!<>]*[^=!<>\\s(]\\s*=\\s*[^=<>\\s]");

    /** The operand of {@code == null} and {@code != null}: the metric has no value (or has one). */
    static final String NULL = "null";

    /** A number as an expectation writes it: digits, a point, an exponent; not 0x10, 5d, NaN or Infinity. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?(NaN|Infinity)");

    /**
     * {@code s} with every control character (but a tab) and every code point XML 1.0 cannot hold (a lone
     * surrogate, U+FFFE, U+FFFF) written as Java escapes it (a backslash, u, four hex digits): a sentence holding
     * one came raw to the terminal and made the JUnit XML unreadable.
     */
    public static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i)); // a pair: one code point beyond U+FFFF, which XML holds
            } else if (c != '\t' && Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE'
                    || c == '\uFFFF') {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Op op(String symbol) {
        for (Op op : Op.values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown comparison " + Problem.quote(symbol));
    }

    private static String number(String s, String text) {
        String plain = s.replace(",", "");
        if (NOT_FINITE.matcher(plain.trim()).matches()) {
            // "!= NaN" always held, "> -Infinity" too
            throw new IllegalArgumentException("expected a finite number, got " + Problem.quote(visible(s)) + " in " + Problem.quote(text));
        }
        if (s.contains(",") && !GROUPED.matcher(s.trim()).matches() // 5,3,27 is no number: a typo
                || !NUMBER.matcher(plain.trim()).matches()) {
            throw new IllegalArgumentException("expected a number, got " + Problem.quote(visible(s)) + " in " + Problem.quote(text)
                    + (s.contains(",") ? " (commas only between groups of three digits: 5,327 or 1,000,000)" : ""));
        }
        if (Double.isInfinite(Double.parseDouble(plain))) {
            throw new IllegalArgumentException("expected a finite number, got " + Problem.quote(visible(s)) + " in " + Problem.quote(text)
                    + " (beyond the largest number, about 1.8e308)");
        }
        return plain;
    }

    /** A number written with thousands separators: 5,327 or -1,000,000.5. */
    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile(
            "-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

    /** Whether {@code actual} satisfies the assertion (numbers compared as numbers, else as text). */
    public boolean holds(double actual) {
        double a = operands.isEmpty() ? Double.NaN : parse0();
        return switch (op) {
            case EQ -> actual == a;
            case NE -> actual != a;
            case LE -> actual <= a;
            case LT -> actual < a;
            case GE -> actual >= a;
            case GT -> actual > a;
            case BETWEEN -> actual >= a && actual <= Double.parseDouble(operands.get(1));
            case WITHIN -> {
                double target = Double.parseDouble(operands.get(1));
                yield Math.abs(actual - target) <= Math.abs(target) * a / 100;
            }
            default -> throw new IllegalStateException(op + " is for confidence intervals");
        };
    }

    /** For ci(...): whether the interval [low, high] contains / lies below / lies above the value. */
    public boolean holds(double low, double high) {
        double v = parse0();
        return switch (op) {
            case CONTAINS -> low <= v && v <= high;
            case BELOW -> high < v;
            case ABOVE -> low > v;
            default -> throw new IllegalStateException(op + " is not for confidence intervals");
        };
    }

    /** For == and != on text values (states, reason codes). */
    public boolean holdsText(String actual) {
        boolean same = actual.equals(operands.get(0));
        return switch (op) {
            case EQ -> same;
            case NE -> !same;
            default -> throw new IllegalArgumentException(Problem.quote(text) + ": '" + op.symbol
                    + "' needs a number, but the metric is " + Problem.quote(actual) + " (text takes == or !=)");
        };
    }

    boolean numericOperand() {
        return !operands.isEmpty() && NUMBER.matcher(operands.get(0)).matches();
    }

    /**
     * Whether the sentence writes a number with thousands separators ({@code <= 100,000}): its figures are then shown
     * so too ({@link Checker#grouped}).
     */
    public boolean grouped() {
        return WRITTEN_GROUPED.matcher(text).find();
    }

    /** A number with thousands separators inside a sentence. */
    private static final Pattern WRITTEN_GROUPED = Pattern.compile("(^|[^0-9.,])[0-9]{1,3}(,[0-9]{3})+(?![0-9])");

    /** {@code == null} or {@code != null}. */
    boolean nullOperand() {
        return (op == Op.EQ || op == Op.NE) && operands.equals(List.of(NULL));
    }

    private double parse0() {
        return Double.parseDouble(operands.get(0));
    }
}
