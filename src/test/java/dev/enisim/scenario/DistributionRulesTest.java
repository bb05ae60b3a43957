package dev.enisim.scenario;

import static dev.enisim.scenario.FieldRulesTest.DURATION;
import static dev.enisim.scenario.FieldRulesTest.GOOD;
import static dev.enisim.scenario.FieldRulesTest.durationRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.workload.DistributionSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Duration distributions as scenarios/README.md writes them ({@code {dist: NAME, ...parameters, cap: DURATION}}):
 * each read into its parameters in microseconds, each parameter's rule at its limit.
 */
class DistributionRulesTest {

    private static final long SEC = 1_000_000L;
    private static final double NONE = Double.POSITIVE_INFINITY;

    private static String duration(String spec) {
        return GOOD.replace("duration: 100ms", "duration: " + spec);
    }

    private static DistributionSpec read(String spec) throws ScenarioException {
        return ScenarioLoader.parse(duration(spec), "t.yaml").functions().get(0).duration();
    }

    @Test
    void eachDistributionReadsItsParametersInMicroseconds() throws Exception {
        assertEquals(new DistributionSpec.Constant(250_000, NONE), read("250ms"));
        assertEquals(new DistributionSpec.Constant(2 * SEC, NONE), read("{ dist: constant, value: 2s }"));
        assertEquals(new DistributionSpec.Constant(2 * SEC, SEC), read("{ dist: constant, value: 2s, cap: 1s }"));
        assertEquals(new DistributionSpec.Uniform(SEC, 3 * SEC, NONE), read("{ dist: uniform, min: 1s, max: 3s }"));
        assertEquals(new DistributionSpec.Exponential(SEC / 2, 5 * SEC),
                read("{ dist: exponential, mean: 500ms, cap: 5s }"));
        assertEquals(new DistributionSpec.LogNormal(SEC, 4 * SEC, NONE), read("{ dist: lognormal, median: 1s, p99: 4s }"));
        assertEquals(new DistributionSpec.Normal(2 * SEC, SEC / 10, NONE),
                read("{ dist: normal, mean: 2s, stddev: 100ms }"));
    }

    @Test
    void parametersAtTheirLimitsAreAccepted() throws Exception {
        // a uniform of one value, a log-normal with p99 = median (no spread), the smallest positive median / mean
        assertEquals(new DistributionSpec.Uniform(SEC, SEC, NONE), read("{ dist: uniform, min: 1s, max: 1s }"));
        assertEquals(new DistributionSpec.LogNormal(SEC, SEC, NONE), read("{ dist: lognormal, median: 1s, p99: 1s }"));
        assertEquals(new DistributionSpec.LogNormal(1, 2, NONE), read("{ dist: lognormal, median: 1us, p99: 2us }"));
        assertEquals(new DistributionSpec.Exponential(1, NONE), read("{ dist: exponential, mean: 1us }"));
        assertEquals(new DistributionSpec.Normal(1, 0, NONE), read("{ dist: normal, mean: 1us, stddev: 0s }"));
        // a plain 0s is a constant of zero, and a cap of 0s clamps every draw to zero
        assertEquals(new DistributionSpec.Constant(0, NONE), read("0s"));
        assertEquals(new DistributionSpec.Constant(SEC, 0), read("{ dist: constant, value: 1s, cap: 0s }"));
    }

    private static Arguments row(String what, String spec, String... problems) {
        return FieldRulesTest.row(what, duration(spec), problems);
    }

    static Stream<Arguments> badEdits() {
        String at = "functions[0].duration";
        return Stream.of(
                row("constant without a value", "{ dist: constant }", durationRequired(at + ".value")),
                row("constant with an unknown key", "{ dist: constant, value: 1s, mean: 1s }",
                        at + ".mean: unknown key 'mean' (expected one of: dist, value, cap)"),
                row("uniform without a min", "{ dist: uniform, max: 1s }", durationRequired(at + ".min")),
                row("uniform without a max", "{ dist: uniform, min: 1s }", durationRequired(at + ".max")),
                row("uniform max 1us under min", "{ dist: uniform, min: 1s, max: 999999us }", at + ".max: must be >= min"),
                row("uniform with an unknown key", "{ dist: uniform, min: 1s, max: 2s, mean: 1s }",
                        at + ".mean: unknown key 'mean' (expected one of: dist, min, max, cap)"),
                row("exponential without a mean", "{ dist: exponential }", durationRequired(at + ".mean")),
                row("exponential with an unknown key", "{ dist: exponential, mean: 1s, median: 1s }",
                        at + ".median: unknown key 'median' (expected one of: dist, mean, cap); did you mean 'mean'?"),
                row("lognormal without a p99", "{ dist: lognormal, median: 1s }", durationRequired(at + ".p99")),
                row("lognormal without a median", "{ dist: lognormal, p99: 1s }", durationRequired(at + ".median")),
                row("lognormal median 0", "{ dist: lognormal, median: 0s, p99: 1s }", at + ".median: must be > 0"),
                row("lognormal p99 1us under the median", "{ dist: lognormal, median: 1s, p99: 999999us }",
                        at + ".p99: must be >= median (a log-normal's 99th percentile is above its median)"),
                row("normal without a stddev", "{ dist: normal, mean: 1s }", durationRequired(at + ".stddev")),
                row("normal without a mean", "{ dist: normal, stddev: 1s }", durationRequired(at + ".mean")),
                row("normal with an unknown key", "{ dist: normal, mean: 1s, stddev: 1s, sd: 1s }",
                        at + ".sd: unknown key 'sd' (expected one of: dist, mean, stddev, cap)"),
                row("a distribution nothing like a known one", "{ dist: zzzzzzzz, value: 1s }",
                        at + ".dist: unknown distribution 'zzzzzzzz' (expected one of: constant, uniform, exponential, "
                                + "lognormal, normal)"),
                row("a dist that is not text", "{ dist: [constant], value: 1s }",
                        at + ".dist: expected a string, got a list"),
                row("a negative cap", "{ dist: constant, value: 1s, cap: -1s }",
                        at + ".cap: a duration cannot be negative: '-1s'"),
                row("a list for a duration", "[1s]", at + ": " + DURATION + ", got a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdits")
    void eachBadEditGivesExactlyItsProblems(String what, String yaml, List<String> expected) {
        new FieldRulesTest().eachBadEditGivesExactlyItsProblems(what, yaml, expected);
    }
}
