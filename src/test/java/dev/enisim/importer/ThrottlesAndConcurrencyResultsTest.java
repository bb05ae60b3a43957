package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * r1 (a migrating architect): a Throttles or per-function ConcurrentExecutions result in the get-metric-data output
 * was left out as "its Id and Label say neither Invocations nor Duration", so an account that throttled imported its
 * Invocations, which leave throttled requests out, as the whole demand, unsaid. Now the Throttles are summed and said
 * per function (demand understated, with both bounds), and ConcurrentExecutions' peak is said; neither changes the
 * arrivals or the period read from the Invocations.
 */
class ThrottlesAndConcurrencyResultsTest {

    @TempDir
    Path dir;

    private static final String TIMES = "[\"2026-11-20T08:00:00+00:00\", \"2026-11-20T08:05:00+00:00\"]";

    @Test
    void throttledRequestsAreSaidAsUnderstatedDemandAndConcurrencyIsRecognised() throws Exception {
        List<String> notes = new ArrayList<>();
        CloudWatch c = new CloudWatch(List.of("orders-api", "billing"), notes, 0);
        c.read(Files.writeString(dir.resolve("m.json"), "{\"MetricDataResults\": ["
                + CloudWatchResultsTest.result("orders_api_invocations", "orders-api Invocations", TIMES, "[300, 500]")
                + ", " + CloudWatchResultsTest.result("orders_api_throttles", "orders-api Throttles", TIMES, "[40, 160]")
                + ", " + CloudWatchResultsTest.result("orders_api_concurrent_executions",
                        "orders-api ConcurrentExecutions", TIMES, "[12, 37]")
                + ", " + CloudWatchResultsTest.result("billing_invocations", "billing Invocations", TIMES, "[5, 6]")
                + ", " + CloudWatchResultsTest.result("billing_throttles", "billing Throttles", TIMES, "[0, 0]")
                + "], \"Messages\": []}"));
        CloudWatch.Traffic t = c.traffic().get("orders-api");
        assertEquals(300.0, t.invocations().firstEntry().getValue(), "the arrivals stay the Invocations");
        assertEquals(300, t.periodSeconds());
        String all = String.join("\n", notes);
        assertTrue(all.contains("orders-api: 200 requests were throttled (CloudWatch Throttles, Sum, in the window):"
                + " demand is understated, as Invocations, 800, from which its arrivals come, leave throttled requests"
                + " out."), all);
        assertTrue(all.contains("between Invocations and Invocations + Throttles (x1.25 the arrivals at most)"), all);
        assertTrue(all.contains("CloudWatch Throttles: none in the window for billing: Invocations are the whole"
                + " demand"), all);
        assertTrue(all.contains("orders-api: CloudWatch ConcurrentExecutions up to 37 in the window"), all);
        assertTrue(!all.contains("say neither Invocations nor Duration"), all);
    }
}
