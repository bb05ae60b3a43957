package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 49, an SRE's review: a function whose duration runs past its timeout is valid (Lambda stops it, a function
 * error: TaskTimedOut) but rarely meant, and nothing said so before the run. `validate` and every command now warn when
 * every invocation (a constant, a uniform's lowest value) or more than half (a log-normal's median) would time out.
 */
class PastTimeoutWarningTest {

    private static List<String> warnings(String function) throws Exception {
        return ScenarioLoader.warnings(ScenarioLoader.parse(OneSubnetYaml.of("name: t\nduration: 10m\n",
                "name: f\n" + function + "\narrivals: { poisson: 1/s }"), "t.yaml"));
    }

    @Test
    void aConstantPastTheTimeoutIsWarnedOf() throws Exception {
        assertEquals(List.of("t.yaml: functions[f].duration: every invocation runs past its timeout (3s): Lambda"
                + " stops it, a function error (TaskTimedOut); raise functions[f].timeout (up to 900s) if that is not"
                + " what the run is for"), warnings("duration: 5s"));
        assertEquals(List.of(), warnings("duration: 5s\ntimeout: 10s"), "within its timeout");
        assertEquals(List.of(), warnings("duration: 3s"), "at the timeout, not past it");
    }

    @Test
    void aUniformWhollyPastAndALogNormalsMedianPastAreWarnedOf() throws Exception {
        assertEquals(1, warnings("duration: { dist: uniform, min: 4s, max: 6s }").size());
        assertEquals(List.of(), warnings("duration: { dist: uniform, min: 1s, max: 6s }"), "some do, not all");
        List<String> w = warnings("duration: { dist: lognormal, median: 4s, p99: 9s }");
        assertEquals(1, w.size(), w.toString());
        assertEquals(true, w.get(0).contains("more than half of the invocations (its median) runs past its timeout"),
                w.get(0));
        assertEquals(List.of(), warnings("duration: { dist: lognormal, median: 1s, p99: 9s }"), "a tail only");
    }
}
