package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code hyperplane.ec2RequestLimit} is an assumption (AWS gives no rate): a planner's review ran {@code sensitivity
 * scenarios/ec2-request-limit.yaml --metric invocations.errors.EC2ThrottledException}, whose count that bucket alone
 * decides, and the default design neither varied it nor listed it as left out: "no assumption matters".
 */
class Ec2RequestLimitAssumptionTest {

    private static JsonNode tree(String yaml) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
    }

    private static final String BUCKET = "hyperplane:\n  ec2RequestLimit: { burst: 10, refill: 1/m }\n";

    /** A scenario that states a bucket has its burst and refill varied, half to twice its figures. */
    @Test
    void aBucketTheScenarioStatesIsVariedFromHalfToTwiceItsFigures() throws Exception {
        Assumptions.Prepared p = Assumptions.prepare(tree(AssumptionsTest.BASE + BUCKET));
        List<String> paths = p.factors().stream().map(Factor::path).toList();
        assertTrue(paths.contains("hyperplane.ec2RequestLimit.burst"), paths.toString());
        assertTrue(paths.contains("hyperplane.ec2RequestLimit.refill"), paths.toString());
        Factor burst = p.factors().get(paths.indexOf("hyperplane.ec2RequestLimit.burst"));
        Factor refill = p.factors().get(paths.indexOf("hyperplane.ec2RequestLimit.refill"));
        assertEquals("5..20", burst.range());
        assertEquals("0.008333/s..0.03333/s", refill.range(), "1/m halved and doubled, four significant figures");
        assertEquals(p.factors().size(), p.why().size());
        assertTrue(p.why().get(paths.indexOf("hyperplane.ec2RequestLimit.burst")).contains("AWS gives no rate"));
        assertTrue(p.leftOut().stream().noneMatch(l -> l.path().startsWith("hyperplane.ec2RequestLimit")),
                p.leftOutLines().toString());
        for (double u : new double[] {0, 1}) { // both corners make a valid scenario
            Map<String, String> corner = new java.util.LinkedHashMap<>();
            p.factors().forEach(f -> corner.put(f.path(), f.value(u)));
            List<String> sets = new ArrayList<>();
            corner.forEach((k, v) -> sets.add(k + "=" + v));
            ScenarioLoader.parseTree(dev.enisim.scenario.Overrides.apply(p.tree(), sets, "a"), "a");
        }
    }

    /** Without a bucket (the default: not rate-limited) it is left out, and the output says why. */
    @Test
    void withoutABucketItIsListedAsLeftOutWithTheReason() throws Exception {
        Assumptions.Prepared p = Assumptions.prepare(tree(AssumptionsTest.BASE));
        assertTrue(p.factors().stream().noneMatch(f -> f.path().startsWith("hyperplane.ec2RequestLimit")));
        assertTrue(p.leftOutLines().stream().anyMatch(l -> l.startsWith("hyperplane.ec2RequestLimit: the scenario"
                + " gives no bucket, so Lambda's ENI creations are not rate-limited")), p.leftOutLines().toString());
    }

    /**
     * The reviewer's case, on the scenario as shipped: the default design varies the bucket, and the metric the
     * bucket decides is said to hang on it (it was "0 [0, 0] ... does not matter" for every assumption).
     */
    @Test
    void theThrottledCountOfTheShippedScenarioHangsOnTheBucket() throws Exception {
        Path file = Path.of("scenarios/ec2-request-limit.yaml");
        JsonNode shipped = ScenarioLoader.readTree(file);
        ((com.fasterxml.jackson.databind.node.ObjectNode) shipped).put("duration", "3m"); // quicker, same answer
        Assumptions.Prepared p = Assumptions.prepare(shipped);
        String metric = "invocations.errors.EC2ThrottledException";
        Sensitivity.Design d = Sensitivity.design(Sensitivity.Method.MORRIS, p.factors(), 2, 1);
        List<Sweep.Point> points = Experiment.run(PointSpec.of(p.tree(), file.toString(), List.of(metric), 1),
                d.points(), new InProcessRunner(2), null, line -> { });
        Sensitivity.MetricResult r = Sensitivity.analyze(d, List.of(metric), points).get(0);
        assertTrue(!r.constant(), "the bucket moves the count: " + r.min() + " to " + r.max());
        assertEquals("hyperplane.ec2RequestLimit.burst", r.ranking().get(0).factor().path(), r.ranking().toString());
        assertEquals(Sensitivity.Verdict.HANGS_ON, r.ranking().get(0).verdict());
        assertTrue(Files.exists(file));
    }
}
