package dev.enisim.check;

import static dev.enisim.check.Checks.check;
import static dev.enisim.check.Checks.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JUnit XML CI systems read ({@code check --junit}): the counts of tests and failures at both levels, one
 * testcase per assertion and one for the baseline comparison when there is one, the differences listed inputs first
 * (an input that changed is the cause of the rest).
 */
class JUnitXmlTest {

    @Test
    void countsAndTestcasesWithAndWithoutABaseline() {
        Checker.ScenarioCheck a = check("a", "a.yaml", result("enis.peak <= 8", true, "5"),
                result("invocations.total > 10", false, "3"));
        Checker.ScenarioCheck b = check("b", "b.yaml", result("enis.peak == 1", true, "1"));
        Checker.ScenarioCheck c = check("c", "c.yaml");
        List<Baseline.Diff> drift = List.of(new Baseline.Diff("seed", "1", "2"), new Baseline.Diff("enis.peak", "1", "2"));
        String xml = JUnitXml.render(List.of(a, b, c), Map.of("a.yaml", drift, "b.yaml", List.of()));
        // a: 2 assertions + its baseline (drifted); b: 1 + its baseline (clean); c: nothing compared, no assertions
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="enisim check" tests="5" failures="2">
                  <testsuite name="a" tests="3" failures="2" errors="0">
                    <properties><property name="file" value="a.yaml"/><property name="replications" value="1"/></properties>
                    <testcase classname="a" name="enis.peak &lt;= 8"/>
                    <testcase classname="a" name="invocations.total &gt; 10">
                      <failure message="expected invocations.total &gt; 10, actual 3" type="AssertionFailure">expected: invocations.total &gt; 10
                actual: 3</failure>
                    </testcase>
                    <testcase classname="a" name="baseline">
                      <failure message="2 difference(s) from the baseline, first seed: 1 -&gt; 2" type="BaselineDrift">seed: 1 -&gt; 2
                enis.peak: 1 -&gt; 2
                </failure>
                    </testcase>
                  </testsuite>
                  <testsuite name="b" tests="2" failures="0" errors="0">
                    <properties><property name="file" value="b.yaml"/><property name="replications" value="1"/></properties>
                    <testcase classname="b" name="enis.peak == 1"/>
                    <testcase classname="b" name="baseline"/>
                  </testsuite>
                  <testsuite name="c" tests="0" failures="0" errors="0">
                    <properties><property name="file" value="c.yaml"/><property name="replications" value="1"/></properties>
                  </testsuite>
                </testsuites>
                """, xml);
        assertEquals(JUnitXml.render(List.of(a, b, c), Map.of()), JUnitXml.render(List.of(a, b, c)),
                "no baselines: none compared");
        assertTrue(JUnitXml.render(List.of(b)).contains("<testsuites name=\"enisim check\" tests=\"1\" failures=\"0\">"));
        assertFalse(JUnitXml.render(List.of(b)).contains("baseline"));
    }

    @Test
    void differencesListTheScenariosInputsFirst() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Baseline.Diff> diffs = Baseline.compare(
                json.readTree("{\"enis\": {\"peak\": 1}, \"subnets\": {\"subnet-a\": {\"otherUsedIps\": 3, \"peakIps\": 4}},"
                        + " \"seed\": 1}"),
                json.readTree("{\"enis\": {\"peak\": 2}, \"subnets\": {\"subnet-a\": {\"otherUsedIps\": 5, \"peakIps\": 6}},"
                        + " \"seed\": 2}"), 0);
        assertEquals(List.of("subnets.subnet-a.otherUsedIps: 3 -> 5", "seed: 1 -> 2", "enis.peak: 1 -> 2",
                "subnets.subnet-a.peakIps: 4 -> 6"), diffs.stream().map(Baseline.Diff::toString).toList());
        assertTrue(new Baseline.Diff("eniKeys.subnet-a+[sg-1].securityGroups[0]", "a", "b").input());
        assertTrue(new Baseline.Diff("vpcs.vpc-1.eniQuota", "1", "2").input());
        assertFalse(new Baseline.Diff("vpcs.vpc-1.enis", "1", "2").input());
        assertFalse(new Baseline.Diff("seedless", "1", "2").input(), "a name that only starts like an input");
    }

    /** A scenario that checked nothing is a skipped test case, counted in its suite's and the whole's tests. */
    @Test
    void aScenarioThatCheckedNothingIsASkippedTestCounted() {
        Checker.ScenarioCheck a = check("a", "a.yaml", result("enis.peak <= 8", true, "5"));
        Checker.ScenarioCheck c = check("c", "c.yaml");
        String xml = JUnitXml.render(List.of(a, c), Map.of(), java.util.Set.of("c.yaml"), null);
        assertTrue(xml.contains("<testsuites name=\"enisim check\" tests=\"2\" failures=\"0\" skipped=\"1\">\n"), xml);
        assertTrue(xml.contains("<testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\">\n"), xml);
        assertTrue(xml.contains("<testsuite name=\"c\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\">\n"), xml);
    }
}
