package dev.enisim.check;

import java.util.List;
import java.util.Map;

/**
 * {@code check}'s verdicts as Markdown for a CI job's summary page ({@code --step-summary}, GitHub Actions'
 * {@code $GITHUB_STEP_SUMMARY}): a headline with the counts, then one table row per expectation and per baseline
 * comparison, the failures first so that a long suite's red shows at the top.
 */
public final class CheckMarkdown {

    /** Differences of a drifted baseline listed in its row at most. */
    static final int DIFFS_SHOWN = 3;

    private CheckMarkdown() {
    }

    public static String render(List<Checker.ScenarioCheck> checks, Map<String, List<Baseline.Diff>> baselines) {
        return render(checks, baselines, java.util.Set.of(), null);
    }

    /**
     * As {@link #render(List, Map)}; the scenarios whose files are in {@code unchecked} (no expectation, no baseline
     * compared) are named as having checked nothing; with {@code badInput} (the terminal's message; null: none) the
     * headline says the check stopped on bad input, the message follows, and the verdicts reached before it are kept
     * (on exit 2 the job's summary got nothing, and the scenarios that had run and failed were in no report).
     */
    public static String render(List<Checker.ScenarioCheck> checks, Map<String, List<Baseline.Diff>> baselines,
            java.util.Set<String> unchecked, String badInput) {
        StringBuilder failed = new StringBuilder();
        StringBuilder passed = new StringBuilder();
        int total = 0;
        int failures = 0;
        for (Checker.ScenarioCheck c : checks) {
            for (Checker.Result r : c.results()) {
                total++;
                failures += r.passed() ? 0 : 1;
                (r.passed() ? passed : failed).append(row(c, "`" + cell(r.expectation().text()) + "`", r.passed(),
                        cell(Expectation.visible(r.actual()))));
            }
            List<Baseline.Diff> d = baselines.get(c.file());
            if (d != null) {
                total++;
                failures += d.isEmpty() ? 0 : 1;
                StringBuilder shown = new StringBuilder(d.isEmpty() ? "no drift" : d.size() + " difference"
                        + (d.size() == 1 ? "" : "s") + ": ");
                for (int i = 0; i < Math.min(DIFFS_SHOWN, d.size()); i++) {
                    Baseline.Diff x = d.get(i);
                    shown.append(i == 0 ? "" : "; ").append('`').append(cell(x.path())).append("` ")
                            .append(cell(x.expected())).append(" -> ").append(cell(x.actual()));
                }
                if (d.size() > DIFFS_SHOWN) {
                    shown.append("; ...");
                }
                (d.isEmpty() ? passed : failed).append(row(c, "the baseline", d.isEmpty(), shown.toString()));
            }
        }
        StringBuilder b = new StringBuilder("### enisim check: ");
        if (badInput != null) {
            b.append("stopped on bad input (exit 2)\n\n").append(fenced(badInput)).append("\n")
                    .append(checks.isEmpty() ? "No scenario was checked.\n\n" : "Verdicts reached before it stopped: ");
        } else {
            b.append(failures == 0 ? "passed" : "FAILED").append("\n\n");
        }
        if (badInput == null || !checks.isEmpty()) {
            b.append(checks.size()).append(" scenario(s), ").append(total).append(" assertion(s), ").append(failures)
                    .append(" failed.\n\n");
        }
        List<String> none = checks.stream().filter(c -> unchecked.contains(c.file()))
                .map(c -> "`" + cell(c.name()) + "` (" + cell(c.file()) + ")").toList();
        if (!none.isEmpty()) {
            b.append("**Warning:** nothing checked in ").append(String.join(", ", none)).append(": no `expect:` block,"
                    + " and no baseline compared.\n\n");
        }
        if (total > 0) {
            b.append("| scenario | expectation | result | actual |\n|---|---|---|---|\n").append(failed)
                    .append(passed);
        }
        return b.append('\n').toString();
    }

    private static String row(Checker.ScenarioCheck c, String what, boolean passed, String actual) {
        return "| " + cell(c.name()) + " (" + cell(c.file()) + ") | " + what + " | " + (passed ? "PASS" : "**FAIL**")
                + " | " + actual + " |\n";
    }

    /** Text in a table cell: a pipe would end the cell, a backtick a code span, a line break the row. */
    public static String cell(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")
                .replace("\r", " ").replace("\n", " ");
    }

    /** {@code text} as a fenced code block, its fence longer than any run of backticks in it. */
    static String fenced(String text) {
        String fence = fence(text);
        return fence + "\n" + java.util.Arrays.stream(text.split("\r?\n", -1)).map(Expectation::visible)
                .collect(java.util.stream.Collectors.joining("\n")) + "\n" + fence + "\n";
    }

    /** The fence of a code block holding {@code text}: backticks, longer than any run of them in it, at least 3. */
    public static String fence(String text) {
        int longest = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`+").matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
