package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A point's replications travel with it (Spark, a resumed sweep's results), so the sweep can pair them. */
class PointCodecRunsTest {

    @Test
    void theReplicationsValuesRoundTripAndAnOlderLineHasNone() {
        Sweep.Point p = new Sweep.Point(Map.of("account.concurrencyLimit", "10"), Map.of("invocations.succeeded",
                MetricStats.of(new double[] {14000, 13800})), null,
                Map.of("invocations.succeeded", List.of(14000.0, 13800.0)));
        assertEquals(p, PointCodec.decode(PointCodec.encode(3, p)).point());
        String older = PointCodec.encode(3, new Sweep.Point(p.values(), p.metrics(), null));
        assertEquals(Map.of(), PointCodec.decode(older).point().runs());
    }

    @Test
    void aSweepPointKeepsEachReplicationsValue() throws Exception {
        String yaml = """
                name: erl
                seed: 2024
                duration: 300s
                account: { concurrencyLimit: 10, unreservedMinimum: 0 }
                functions:
                  - name: f
                    duration: { dist: exponential, mean: 1s }
                    arrivals: { poisson: 5/s }
                """;
        Sweep.Point p = Sweep.point(new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml), "erl", Map.of(),
                List.of("invocations.succeeded"), 3);
        List<Double> runs = p.runs().get("invocations.succeeded");
        assertEquals(3, runs.size());
        assertEquals(p.metrics().get("invocations.succeeded").mean(), runs.stream().mapToDouble(Double::doubleValue)
                .average().orElseThrow(), 1e-9);
    }
}
