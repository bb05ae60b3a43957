package dev.enisim.check;

import java.util.List;
import java.util.Map;

/**
 * {@code check}'s verdicts as Markdown for a CI job's summary page ({@code --step-summary}, GitHub Actions'
 * {@code $GITHUB_STEP_SUMMARY}): a headline with the counts, then one table row per expectation and per baseline
 * comparison, the failures first so that a long suite's red shows at the top; on a failure, a line says what to do,
 * and more than {@link #PASSES_SHOWN} passes are folded under a {@code <details>} line.
 */
public final class CheckMarkdown {

    /** Differences of a drifted baseline listed in its row at most. */
    static final int DIFFS_SHOWN = 3;

    /** Passing rows shown open at most; more are folded under a {@code <details>} line (a pull request's comment). */
    static final int PASSES_SHOWN = 10;

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
        int passes = 0;
        int failedExpectations = 0;
        int drifted = 0;
        for (Checker.ScenarioCheck c : checks) {
            for (int i = 0; i < c.results().size(); i++) {
                Checker.Result r = c.results().get(i);
                total++;
                failures += r.passed() ? 0 : 1;
                failedExpectations += r.passed() ? 0 : 1;
                passes += r.passed() ? 1 : 0;
                // a failure says where its assertion is written (FILE:LINE: expect[i])
                (r.passed() ? passed : failed).append(row(c, "`" + cell(r.expectation().text()) + "`" + (r.passed()
                        || c.lines().isEmpty() ? "" : " at " + cell(c.where(i))), r.passed(),
                        cell(Expectation.visible(r.actual()) + (r.allowed() == null ? "" : " (" + r.allowed() + ")"))));
            }
            List<Baseline.Diff> d = baselines.get(c.file());
            if (d != null) {
                total++;
                failures += d.isEmpty() ? 0 : 1;
                drifted += d.isEmpty() ? 0 : 1;
                passes += d.isEmpty() ? 1 : 0;
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
                if (Baseline.newLeavesOnly(d) != null) {
                    shown.append(" (").append(cell(Baseline.newLeavesOnly(d))).append(')');
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
        if (failedExpectations + drifted > 0) { // the reader of a pull request's comment: what now
            List<String> todo = new java.util.ArrayList<>();
            if (failedExpectations > 0) {
                todo.add("a failed expectation is an outcome the scenario's `expect:` no longer sees: fix the change,"
                        + " or, if the new outcome is intended, the expectation");
            }
            if (drifted > 0) {
                todo.add("a baseline's differences are what changed in the run's summary since the baseline was"
                        + " written: if intended, run the same `enisim check` with `--update-baseline` and commit the"
                        + " baselines' diff");
            }
            b.append("**What to do:** ").append(String.join("; ", todo)).append(".\n\n");
        }
        List<String> none = checks.stream().filter(c -> unchecked.contains(c.file()))
                .map(c -> "`" + cell(c.name()) + "` (" + cell(c.file()) + ")").toList();
        if (!none.isEmpty()) {
            b.append("**Warning:** nothing checked in ").append(String.join(", ", none)).append(": no `expect:` block,"
                    + " and no baseline compared.\n\n");
        }
        String header = "| scenario | expectation | result | actual |\n|---|---|---|---|\n";
        if (passes > PASSES_SHOWN) { // a long suite's passes folded: the failures, and what to do, stay in view
            if (failed.length() > 0) {
                b.append(header).append(failed).append('\n');
            }
            b.append("<details><summary>").append(passes).append(" passed</summary>\n\n").append(header)
                    .append(passed).append("\n</details>\n");
        } else if (total > 0) {
            b.append(header).append(failed).append(passed);
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
