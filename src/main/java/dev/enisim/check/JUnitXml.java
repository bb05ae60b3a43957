package dev.enisim.check;

import java.util.List;
import java.util.Map;

/**
 * The JUnit XML report CI systems read: one {@code testsuite} per scenario, one {@code testcase} per assertion,
 * a {@code failure} element with expected and actual when it fails. No timestamps: the same results give the
 * same bytes.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static String render(List<Checker.ScenarioCheck> checks) {
        return render(checks, Map.of());
    }

    /**
     * With the baseline comparison of each scenario (by file; absent: not compared): one more {@code testcase} per
     * compared scenario, failing with the differences (inputs first) when the summary drifted.
     */
    public static String render(List<Checker.ScenarioCheck> checks, Map<String, List<Baseline.Diff>> baselines) {
        return render(checks, baselines, java.util.Set.of(), null);
    }

    /**
     * As {@link #render(List, Map)}; each scenario whose file is in {@code unchecked} (no expectation, and no baseline
     * compared) has a {@code skipped} testcase saying nothing was checked (its suite said tests="0", and CI showed it
     * green); with {@code badInput} (the terminal's message; null: none), the check stopped on bad input after the
     * verdicts given, which are kept, and one more suite holds the {@code error} (they were dropped for it: the
     * scenarios that had run and failed were in no report).
     */
    public static String render(List<Checker.ScenarioCheck> checks, Map<String, List<Baseline.Diff>> baselines,
            java.util.Set<String> unchecked, String badInput) {
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Checker.ScenarioCheck c : checks) {
            List<Baseline.Diff> d = baselines.get(c.file());
            boolean none = unchecked.contains(c.file());
            tests += c.results().size() + (d == null ? 0 : 1) + (none ? 1 : 0);
            skipped += none ? 1 : 0;
            failures += (int) c.results().stream().filter(r -> !r.passed()).count() + (d == null || d.isEmpty() ? 0
                    : 1);
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"enisim check\" tests=\"").append(tests + (badInput == null ? 0 : 1))
                .append("\" failures=\"").append(failures).append("\"")
                .append(badInput == null ? "" : " errors=\"1\"").append(skipped == 0 ? "" : " skipped=\"" + skipped
                        + "\"").append(">\n");
        for (Checker.ScenarioCheck c : checks) {
            List<Baseline.Diff> diffs = baselines.get(c.file());
            boolean none = unchecked.contains(c.file());
            long failed = c.results().stream().filter(r -> !r.passed()).count()
                    + (diffs == null || diffs.isEmpty() ? 0 : 1);
            b.append("  <testsuite name=\"").append(esc(c.name())).append("\" tests=\"")
                    .append(c.results().size() + (diffs == null ? 0 : 1) + (none ? 1 : 0)).append("\" failures=\"")
                    .append(failed).append("\" errors=\"0\"").append(none ? " skipped=\"1\"" : "").append(">\n");
            b.append("    <properties><property name=\"file\" value=\"").append(esc(c.file()))
                    .append("\"/><property name=\"replications\" value=\"").append(c.replications())
                    .append("\"/></properties>\n");
            Map<String, Integer> named = new java.util.HashMap<>(); // how often each name was given in this suite
            for (int i = 0; i < c.results().size(); i++) {
                Checker.Result r = c.results().get(i);
                // the same sentence twice gave two testcases of one name, which some JUnit publishers merge into one
                // (r6, C5): the second is "NAME (2)", the third "NAME (3)"
                int nth = named.merge(r.expectation().text(), 1, Integer::sum);
                String name = nth == 1 ? r.expectation().text() : r.expectation().text() + " (" + nth + ")";
                // file and line: where the assertion is written, as JUnit consumers (GitHub's test reporters, GitLab,
                // Jenkins) read them to link a failure to its source
                Integer line = c.line(i);
                b.append("    <testcase classname=\"").append(esc(c.name())).append("\" name=\"")
                        .append(esc(name)).append("\"");
                if (!c.lines().isEmpty()) {
                    b.append(" file=\"").append(esc(c.fileOf(i) == null ? c.file() : c.fileOf(i))).append("\"");
                    if (line != null) {
                        b.append(" line=\"").append(line).append("\"");
                    }
                }
                if (r.passed()) {
                    b.append("/>\n");
                } else {
                    String allowed = r.allowed() == null ? "" : " (" + r.allowed() + ")";
                    b.append(">\n      <failure message=\"expected ").append(esc(r.expectation().text() + allowed))
                            .append(", actual ").append(esc(r.actual())).append("\" type=\"AssertionFailure\">")
                            .append("expected: ").append(esc(r.expectation().text() + allowed)).append("\nactual: ")
                            .append(esc(r.actual())).append("</failure>\n    </testcase>\n");
                }
            }
            if (diffs != null) {
                baseline(b, c, diffs);
            }
            if (none) {
                b.append("    <testcase classname=\"").append(esc(c.name())).append("\" name=\"nothing checked\">\n")
                        .append("      <skipped message=\"").append(esc(NOTHING_CHECKED))
                        .append("\"/>\n    </testcase>\n");
            }
            b.append("  </testsuite>\n");
        }
        if (badInput != null) {
            b.append(inputSuite(badInput));
        }
        return b.append("</testsuites>\n").toString();
    }

    /** Why a scenario checked nothing, as the terminal, the JUnit report and the job summary say it. */
    public static final String NOTHING_CHECKED = "nothing checked: the scenario has no expect: block and no baseline"
            + " was compared (add expectations, or give --baseline DIR)";

    /** The suite of a check's bad input: one {@code testcase} in {@code error} with the message. */
    private static String inputSuite(String message) {
        String first = message.lines().findFirst().orElse("");
        return "  <testsuite name=\"enisim check\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
                + "    <testcase classname=\"enisim check\" name=\"input\">\n"
                + "      <error message=\"" + esc(first) + "\" type=\"BadInput\">" + esc(message) + "</error>\n"
                + "    </testcase>\n  </testsuite>\n";
    }

    /**
     * The report of a check that ran nothing because its input was bad: one {@code testcase} in {@code error}
     * with the message the terminal shows (every problem), so that a CI system reading the file sees the error,
     * not the passes of an earlier run left in its place.
     */
    public static String badInput(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"enisim check\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
                + inputSuite(message) + "</testsuites>\n";
    }

    private static void baseline(StringBuilder b, Checker.ScenarioCheck c, List<Baseline.Diff> diffs) {
        b.append("    <testcase classname=\"").append(esc(c.name())).append("\" name=\"baseline\"");
        if (diffs.isEmpty()) {
            b.append("/>\n");
            return;
        }
        b.append(">\n      <failure message=\"").append(diffs.size()).append(" difference(s) from the baseline, first ")
                .append(esc(diffs.get(0).toString())).append("\" type=\"BaselineDrift\">");
        for (Baseline.Diff d : diffs) {
            b.append(esc(d.toString())).append('\n');
        }
        String newOnly = Baseline.newLeavesOnly(diffs);
        if (newOnly != null) {
            b.append('(').append(esc(newOnly)).append(")\n");
        }
        b.append("</failure>\n    </testcase>\n");
    }

    /**
     * Text for an attribute or an element. A character XML 1.0 cannot hold (U+0001 in an expectation, a lone
     * surrogate) made the whole file unreadable to CI: it is written as Java escapes it, as the terminal shows it;
     * the line breaks of a message stay.
     */
    static String esc(String s) {
        String shown = java.util.Arrays.stream(s.split("\n", -1)).map(Expectation::visible)
                .collect(java.util.stream.Collectors.joining("\n"));
        return shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
