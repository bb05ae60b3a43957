package dev.enisim.check;

import static dev.enisim.check.Checks.check;
import static dev.enisim.check.Checks.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The step summary's Markdown ({@code check --step-summary}), whole: the headline and counts, the failures' rows
 * before the passes', a drifted baseline's first {@link CheckMarkdown#DIFFS_SHOWN} differences, the warning for a
 * scenario that checked nothing, the bad-input block in a fence longer than any run of backticks in it, and table
 * cells that cannot end their cell, row or code span.
 */
class CheckMarkdownTest {

    @Test
    void failuresFirstTheBaselinesDifferencesCutAndTheScenarioThatCheckedNothingNamed() {
        Checker.ScenarioCheck a = check("a", "a.yaml", result("enis.peak <= 8", true, "5"),
                result("invocations.total > 10", false, "3"));
        Checker.ScenarioCheck b = check("b", "b.yaml", result("enis.peak == 1", true, "1"));
        Checker.ScenarioCheck c = check("c", "c.yaml");
        List<Baseline.Diff> drift = List.of(new Baseline.Diff("seed", "1", "2"), new Baseline.Diff("enis.peak", "1", "2"),
                new Baseline.Diff("enis.final", "1", "0"), new Baseline.Diff("enis.created", "1", "3"));
        String md = CheckMarkdown.render(List.of(a, b, c), Map.of("a.yaml", drift, "b.yaml", List.of()),
                Set.of("c.yaml"), null);
        assertEquals("""
                ### enisim check: FAILED

                3 scenario(s), 5 assertion(s), 2 failed.

                **What to do:** a failed expectation is an outcome the scenario's `expect:` no longer sees: fix the change, or, if the new outcome is intended, the expectation; a baseline's differences are what changed in the run's summary since the baseline was written: if intended, run the same `enisim check` with `--update-baseline` and commit the baselines' diff.

                **Warning:** nothing checked in `c` (c.yaml): no `expect:` block, and no baseline compared.

                | scenario | expectation | result | actual |
                |---|---|---|---|
                | a (a.yaml) | `invocations.total > 10` | **FAIL** | 3 |
                | a (a.yaml) | the baseline | **FAIL** | 4 differences: `seed` 1 -> 2; `enis.peak` 1 -> 2; `enis.final` 1 -> 0; ... |
                | a (a.yaml) | `enis.peak <= 8` | PASS | 5 |
                | b (b.yaml) | `enis.peak == 1` | PASS | 1 |
                | b (b.yaml) | the baseline | PASS | no drift |

                """, md);
    }

    @Test
    void exactlyTheShownNumberOfDifferencesHasNoEllipsisAndOneIsSingular() {
        Checker.ScenarioCheck a = check("a", "a.yaml");
        List<Baseline.Diff> three = List.of(new Baseline.Diff("seed", "1", "2"), new Baseline.Diff("x", "1", "2"),
                new Baseline.Diff("y", "1", "2"));
        assertEquals("""
                ### enisim check: FAILED

                1 scenario(s), 1 assertion(s), 1 failed.

                **What to do:** a baseline's differences are what changed in the run's summary since the baseline was written: if intended, run the same `enisim check` with `--update-baseline` and commit the baselines' diff.

                | scenario | expectation | result | actual |
                |---|---|---|---|
                | a (a.yaml) | the baseline | **FAIL** | 3 differences: `seed` 1 -> 2; `x` 1 -> 2; `y` 1 -> 2 |

                """, CheckMarkdown.render(List.of(a), Map.of("a.yaml", three)));
        assertEquals("""
                ### enisim check: FAILED

                1 scenario(s), 1 assertion(s), 1 failed.

                **What to do:** a baseline's differences are what changed in the run's summary since the baseline was written: if intended, run the same `enisim check` with `--update-baseline` and commit the baselines' diff.

                | scenario | expectation | result | actual |
                |---|---|---|---|
                | a (a.yaml) | the baseline | **FAIL** | 1 difference: `seed` 1 -> 2 |

                """, CheckMarkdown.render(List.of(a), Map.of("a.yaml", List.of(new Baseline.Diff("seed", "1", "2")))));
    }

    @Test
    void allPassedAndNothingToTabulate() {
        assertEquals("""
                ### enisim check: passed

                1 scenario(s), 1 assertion(s), 0 failed.

                | scenario | expectation | result | actual |
                |---|---|---|---|
                | a (a.yaml) | `enis.peak <= 8` | PASS | 5 |

                """, CheckMarkdown.render(List.of(check("a", "a.yaml", result("enis.peak <= 8", true, "5"))), Map.of()));
        assertEquals("### enisim check: passed\n\n1 scenario(s), 0 assertion(s), 0 failed.\n\n\n",
                CheckMarkdown.render(List.of(check("a", "a.yaml")), Map.of()));
    }

    /**
     * A pull request's comment of a whole suite's check (22 scenarios, 122 rows) was a page of PASS rows, and a FAIL
     * said nothing of what to do. More than ten passes fold under a {@code <details>} line, the failures staying in
     * view; a failure says what to do, for an expectation and for a baseline.
     */
    @Test
    void aLongSuitesPassesFoldAndAFailureSaysWhatToDo() {
        List<Checker.Result> many = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add(result("enis.peak <= " + i, true, "0"));
        }
        many.add(result("enis.peak == 3", false, "0"));
        String md = CheckMarkdown.render(List.of(check("a", "a.yaml", many.toArray(Checker.Result[]::new))), Map.of());
        assertTrue(md.startsWith("""
                ### enisim check: FAILED

                1 scenario(s), 12 assertion(s), 1 failed.

                **What to do:** a failed expectation is an outcome the scenario's `expect:` no longer sees: fix the change, or, if the new outcome is intended, the expectation.

                | scenario | expectation | result | actual |
                |---|---|---|---|
                | a (a.yaml) | `enis.peak == 3` | **FAIL** | 0 |

                <details><summary>11 passed</summary>

                | scenario | expectation | result | actual |
                |---|---|---|---|
                | a (a.yaml) | `enis.peak <= 0` | PASS | 0 |
                """), md);
        assertTrue(md.endsWith("| a (a.yaml) | `enis.peak <= 10` | PASS | 0 |\n\n</details>\n\n"), md);
        String passed = CheckMarkdown.render(List.of(check("a", "a.yaml", many.subList(0, 11)
                .toArray(Checker.Result[]::new))), Map.of());
        assertTrue(passed.startsWith("### enisim check: passed\n\n1 scenario(s), 11 assertion(s), 0 failed.\n\n"
                + "<details><summary>11 passed</summary>\n\n| scenario |"), passed);
        assertFalse(passed.contains("What to do"), passed);
    }

    @Test
    void badInputBeforeAnyRunAndAfterSome() {
        assertEquals("""
                ### enisim check: stopped on bad input (exit 2)

                ```
                a.yaml: expect[0]: no such metric
                ```

                No scenario was checked.


                """, CheckMarkdown.render(List.of(), Map.of(), Set.of(), "a.yaml: expect[0]: no such metric"));
        Checker.ScenarioCheck a = check("a", "a.yaml", result("enis.peak <= 8", false, "9"));
        assertEquals("""
                ### enisim check: stopped on bad input (exit 2)

                ````
                b.yaml: expect[0]: ```x``` is no metric
                ````

                Verdicts reached before it stopped: 1 scenario(s), 1 assertion(s), 1 failed.

                **What to do:** a failed expectation is an outcome the scenario's `expect:` no longer sees: fix the change, or, if the new outcome is intended, the expectation.

                | scenario | expectation | result | actual |
                |---|---|---|---|
                | a (a.yaml) | `enis.peak <= 8` | **FAIL** | 9 |

                """, CheckMarkdown.render(List.of(a), Map.of(), Set.of(), "b.yaml: expect[0]: ```x``` is no metric"));
    }

    @Test
    void aFenceOutrunsTheLongestRunOfBackticks() {
        assertEquals("```", CheckMarkdown.fence("no backticks"));
        assertEquals("```", CheckMarkdown.fence("a `b` c"));
        assertEquals("```", CheckMarkdown.fence("``"));
        assertEquals("````", CheckMarkdown.fence("a ``` b ` c"));
        assertEquals("``````", CheckMarkdown.fence("`````"));
    }

    @Test
    void aCellCannotEndItsCellRowOrCodeSpan() {
        assertEquals("a\\|b 'c' d e \\\\f", CheckMarkdown.cell("a|b `c` d\ne \\f"));
        assertEquals("x y", CheckMarkdown.cell("x\ry"));
        assertEquals("", CheckMarkdown.cell(null));
    }
}
