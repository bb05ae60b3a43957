package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {

    @Test
    void axesTakeListsAndRanges() {
        assertEquals(List.of("a", "b", "c"), Sweep.axis("x=a,b,c").values());
        assertEquals(List.of("1", "1.5", "2"), Sweep.axis("traffic=1..2:0.5").values());
        assertEquals(List.of("10/s", "20/s", "30/s"), Sweep.axis("functions[f].arrivals.poisson=10..30:10/s").values());
        assertThrows(IllegalArgumentException.class, () -> Sweep.axis("novalues"));
        assertThrows(IllegalArgumentException.class, () -> Sweep.axis("x=5..1:1"));
        assertThrows(IllegalArgumentException.class, () -> Sweep.axis("x=1..2:0"));
    }

    @Test
    void theGridIsEveryCombinationFirstAxisSlowest() {
        List<Map<String, String>> g = Sweep.grid(List.of(Sweep.axis("a=1,2"), Sweep.axis("b=x,y,z")));
        assertEquals(6, g.size());
        assertEquals(Map.of("a", "1", "b", "x"), g.get(0));
        assertEquals(Map.of("a", "2", "b", "z"), g.get(5));
    }

    /** A bad value or path fails its point with the reason; the other points run. */
    @Test
    void aFailingPointIsReportedAndTheRestGoOn() throws Exception {
        var tree = ScenarioLoader.readTree(Path.of("scenarios/quickstart.yaml"));
        List<Sweep.Point> points = Sweep.run(tree, "quickstart", List.of(
                Sweep.axis("vpcs[0].subnets[0].cidr=10.0.1.0/27,10.0.1.0/29"), Sweep.axis("traffic=1,2")),
                List.of("enis.peak", "invocations.total"), 1, 2, line -> { });
        assertEquals(4, points.size());
        assertNull(points.get(0).problem());
        assertEquals(10, points.get(0).metrics().get("enis.peak").mean(), 0, "a /27 fits notifications too");
        assertTrue(points.get(1).metrics().get("invocations.total").mean()
                > 1.9 * points.get(0).metrics().get("invocations.total").mean(), "traffic x2");
        assertTrue(points.get(2).problem().contains("expected a prefix from /16 to /28"), points.get(2).problem());
        List<Sweep.Point> badPath = Sweep.run(tree, "quickstart", List.of(Sweep.axis("functions[nope].memoryMb=256")),
                List.of("enis.peak"), 1, 1, line -> { });
        assertTrue(badPath.get(0).problem().contains("no element named 'nope'"), badPath.get(0).problem());
        List<Sweep.Point> badMetric = Sweep.run(tree, "quickstart", List.of(Sweep.axis("traffic=1")),
                List.of("enis.peek"), 1, 1, line -> { });
        assertTrue(badMetric.get(0).problem().contains("did you mean: enis.peak"), badMetric.get(0).problem());
    }

    @Test
    void axesRefuseWhatTheyCannotRead() {
        assertEquals("expected PATH=V1,V2,... or PATH=FROM..TO:STEP, got '=1,2'",
                assertThrows(IllegalArgumentException.class, () -> Sweep.axis("=1,2")).getMessage());
        assertEquals("'x=1..2:0': the range needs FROM <= TO and STEP > 0",
                assertThrows(IllegalArgumentException.class, () -> Sweep.axis("x=1..2:0")).getMessage());
        assertEquals("'x= , ,': no values", assertThrows(IllegalArgumentException.class,
                () -> Sweep.axis("x= , ,")).getMessage());
        assertEquals("'x=5..1:1': the range needs FROM <= TO and STEP > 0",
                assertThrows(IllegalArgumentException.class, () -> Sweep.axis("x=5..1:1")).getMessage());
        // a typo in a list: an empty value was dropped and a value listed twice ran its point twice, without a word
        assertEquals("'traffic=1,,2': value 2 of 3 is empty (a comma too many?)", assertThrows(
                IllegalArgumentException.class, () -> Sweep.axis("traffic=1,,2")).getMessage());
        assertEquals("'traffic=1,2,': value 3 of 3 is empty (a comma too many?)", assertThrows(
                IllegalArgumentException.class, () -> Sweep.axis("traffic=1,2,")).getMessage());
        assertEquals("'traffic=1, 2,1': 1 is listed twice (the same point would run twice)", assertThrows(
                IllegalArgumentException.class, () -> Sweep.axis("traffic=1, 2,1")).getMessage());
        assertEquals(List.of("5s"), Sweep.axis("x=5..5:1s").values(), "FROM = TO: one value");
        assertEquals(1000, Sweep.axis("x=1..1000:1").values().size());
        assertEquals("'x=1..1001:1': more than 1,000 values",
                assertThrows(IllegalArgumentException.class, () -> Sweep.axis("x=1..1001:1")).getMessage());
    }

    /** One function, one minute: a point costs little. */
    static final String TINY = """
            name: tiny
            seed: 3
            duration: 1m
            functions:
              - { name: f, duration: 10ms, initDuration: 0s, arrivals: { poisson: 10/s } }
            """;

    /** A misspelt metric, or a group, is refused before any point runs; a list element is left to the points. */
    @Test
    void metricsAreCheckedOnAShortRunFirst() throws Exception {
        dev.enisim.scenario.Scenario s = ScenarioLoader.parse(TINY, "tiny");
        Sweep.checkMetrics(s, List.of("invocations.total", "teardowns[3].waitSeconds"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.checkMetrics(s, List.of("invocations.totl", "invocations", "enis.peak")));
        assertEquals("unknown metric 'invocations.totl' (did you mean: invocations.total, ", e.getMessage()
                .substring(0, "unknown metric 'invocations.totl' (did you mean: invocations.total, ".length()));
        assertTrue(e.getMessage().endsWith("; 'invocations' is not a number"), e.getMessage());
    }

    @Test
    void aTrafficFactorThatIsNotANumberFailsItsPoint() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(TINY);
        Sweep.Point p = Sweep.point(tree, "tiny", Map.of("traffic", "lots"), List.of("enis.peak"), 1);
        assertEquals("traffic: expected a number, got 'lots'", p.problem());
        assertEquals(Map.of(), p.metrics());
    }

    /**
     * A step with an exponent is a number, not a unit ({@code 1..2:1e-5} ran 1e-5 and 2e-5: the "unit" e-5 was
     * appended to 1 and 2); a range whose ends carry the unit is refused, not run as one literal value that failed
     * ({@code duration=1m..5m:30s}); a path varied twice is refused (the later axis replaced the earlier one's
     * values, unsaid). From an adversarial review.
     */
    @Test
    void rangesAreReadAsNumbersAndAPathIsVariedOnce() {
        String more = assertThrows(IllegalArgumentException.class, () -> Sweep.axis("traffic=1..2:1e-5")).getMessage();
        assertTrue(more.contains("more than 1,000 values"), more);
        assertThrows(IllegalArgumentException.class, () -> Sweep.axis("traffic=1..2:1e-300"));
        assertEquals(List.of("1", "2", "3"), Sweep.axis("traffic=1..3:1e0").values());
        assertEquals(List.of("100", "200"), Sweep.axis("x=1e2..2e2:100").values());
        String units = assertThrows(IllegalArgumentException.class, () -> Sweep.axis("duration=1m..5m:30s"))
                .getMessage();
        assertTrue(units.contains("the unit after the step only (1..5:1m"), units);
        assertEquals(List.of("10m", "20m"), Sweep.axis("duration=10..20:10m").values());
        assertThrows(IllegalArgumentException.class, () -> Sweep.axis("x=1.2.3..4:1"));
        String twice = assertThrows(IllegalArgumentException.class, () -> SweepDesign.of(List.of(
                "functions[0].memoryMb=128,256", "functions[0].memoryMb=512,1024"), Designs.Kind.GRID, 0, 1))
                .getMessage();
        assertTrue(twice.contains("functions[0].memoryMb is varied twice"), twice);
        assertThrows(IllegalArgumentException.class, () -> SweepDesign.of(List.of("traffic=1..2", "traffic=3..4"),
                Designs.Kind.LHS, 10, 1));
    }
}
