package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A methodologist's review of `compare`: renaming one function of ten (which changes only its random stream) marked
 * 22 of 238 metrics significant, each tested at 5% with no control over the family; the renamed function's metrics
 * vanished from the output; and a seed set for B was ignored without a word.
 */
class CompareMultiplicityTest {

    @TempDir
    Path dir;

    static String noise() {
        StringBuilder s = new StringBuilder("""
                name: noise
                seed: 11
                duration: 1200s
                bucket: 1m
                account:
                  concurrencyLimit: 40
                  unreservedMinimum: 0
                functions:
                """);
        for (int i = 1; i <= 10; i++) {
            s.append("  - name: f").append(i).append("\n    timeout: 900s\n")
                    .append("    duration: { dist: exponential, mean: 1s }\n    arrivals: { poisson: 4/s }\n");
        }
        return s.toString();
    }

    @Test
    void aChangeOfRandomStreamAloneIsCalledSignificantNowhereAndTheRenamedMetricsAreListed() throws Exception {
        Path f = Files.writeString(dir.resolve("noise.yaml"), noise());
        CliTest.Result r = CliTest.run("compare", f.toString(), "--set", "functions[f1].name=g1", "--html",
                dir.resolve("c.html").toString());
        assertEquals(0, r.code(), r.err());
        // "significant" in the Differences table, "better (significant)", "worse (significant)" or "significant: B
        // higher..." in What changes for the account; never "not significant"
        long significant = r.out().lines().filter(l -> l.endsWith(" significant") && !l.endsWith("not significant")
                || l.contains("(significant)") || l.contains(" significant: B ")).count();
        assertEquals(0, significant, "noise called significant:\n" + r.out());
        assertTrue(r.out().contains("Holm-adjusted p < 0.05 over the "), "the control applied is said: " + r.out());
        assertTrue(r.out().contains("Only in A ("), r.out());
        assertTrue(r.out().contains("  functions.f1.invocations.total  "), "f1's metrics listed: " + r.out());
        assertTrue(r.out().contains("Only in B ("), r.out());
        assertTrue(r.out().contains("  functions.g1.invocations.total  "), r.out());
        String page = Files.readString(dir.resolve("c.html"));
        assertTrue(page.contains("No metric differs significantly between A and B (Holm-Bonferroni over the "), page);
        assertTrue(page.contains("<li>functions.f1.invocations.total: "), "the page lists them too");
    }

    @Test
    void aRealChangeIsStillFoundAfterTheAdjustment() throws Exception {
        Path f = Files.writeString(dir.resolve("noise.yaml"), noise());
        CliTest.Result r = CliTest.run("compare", f.toString(), "--set", "functions[f2].arrivals.poisson=6/s");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("functions.f2.invocations.total ")
                && l.endsWith("significant")), r.out());
        assertTrue(!r.out().contains("Only in"), "nothing renamed: " + r.out());
    }

    @Test
    void aSeedForBIsIgnoredWithAWarning() throws Exception {
        Path f = Files.writeString(dir.resolve("noise.yaml"), noise());
        CliTest.Result r = CliTest.run("compare", f.toString(), "--set", "seed=99", "--replications", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: B's seed 99 (set by --set) is ignored: B runs with A's seed 11"),
                r.err());
        assertTrue(r.out().contains("(no metric differs)"), "B is A: " + r.out());
        Path other = Files.writeString(dir.resolve("other.yaml"), noise().replace("seed: 11", "seed: 12"));
        CliTest.Result file = CliTest.run("compare", f.toString(), other.toString(), "--replications", "2");
        assertTrue(file.err().contains("warning: B's seed 12 (in " + other + ") is ignored"), file.err());
        Path same = Files.writeString(dir.resolve("same.yaml"), noise());
        assertTrue(!CliTest.run("compare", f.toString(), same.toString(), "--replications", "2").err()
                .contains("warning"), "the same seed: nothing to say");
    }

    /**
     * An experimenter's review: the terminal's "p (Holm)" column (the adjusted p-value a metric is called significant
     * by) was not on the page, so a reader of the page could not see how close a call was. The page now carries the
     * same figure for every metric, "<0.0001" for tiny values as on the terminal.
     */
    @Test
    void thePageCarriesTheTerminalsHolmAdjustedPValues() throws Exception {
        Path f = Files.writeString(dir.resolve("noise.yaml"), noise());
        Path html = dir.resolve("c.html");
        CliTest.Result r = CliTest.run("compare", f.toString(), "--set", "functions[f2].arrivals.poisson=6/s",
                "--replications", "5", "--html", html.toString());
        assertEquals(0, r.code(), r.err());
        java.util.Map<String, String> terminal = new java.util.TreeMap<>();
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "^(\\S+) .*\\]\\s*(<0\\.0001|\\d\\.\\d{4})?\\s*(significant|internal, not adjusted)?$");
        for (String l : r.out().lines().toList()) {
            java.util.regex.Matcher m = line.matcher(l);
            if (m.matches()) {
                terminal.put(m.group(1), m.group(2) == null ? "" : m.group(2));
            }
        }
        String page = Files.readString(html).replace("<wbr/>", ""); // the names break at dots on a phone: the text is the same
        assertTrue(page.contains("<th scope=\"col\">95% interval of B - A</th><th scope=\"col\">p (Holm)</th>"), "the column's head");
        java.util.Map<String, String> onPage = new java.util.TreeMap<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                "<tr><td>([^<]+)</td>(?:<td class=\"n\">[^<]*</td>){4}<td class=\"n\">([^<]*)</td>").matcher(page);
        while (row.find()) {
            // the bookkeeping's own p-value, not adjusted: said in the last column on the page as on the terminal;
            // the figure is the same
            onPage.put(row.group(1), row.group(2).replace("&lt;", "<"));
        }
        assertTrue(terminal.size() > 5, r.out());
        assertEquals(terminal, onPage, "the page's p (Holm) is the terminal's");
        assertTrue(terminal.containsValue("<0.0001"), "a tiny value, said as on the terminal: " + terminal);
        assertTrue(terminal.values().stream().anyMatch(p -> p.matches("0\\.\\d{4}") && !p.equals("0.0000")),
                "a call that is not tiny: " + terminal);
    }
}
