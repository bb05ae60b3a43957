package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Defaults;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page's "Assumptions in force" lists every assumed default of {@link Defaults#TABLE} ([assumed] or [field]):
 * its value when its block acts in the scenario, else its block named in one row of what the scenario does not use
 * (a user sees what moved the run, and that an assumption changed with --set had nothing to act on). Driven by the
 * table, so a new assumed default cannot be left off.
 */
class AssumptionsInForceTest {

    /** A scenario of one function, api, on vpc-1 with a NAT gateway, {@code top}'s line(s) among its top-level fields. */
    private static String head(String top) {
        return Vpc1Yaml.head("t", top + "\n", true) + """
                  - { name: api, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                      duration: 200ms, arrivals: { poisson: 5/s } }
                """;
    }

    /** Two accounts: whose ENIs the VPC's quota counts is then in force (vpcs[*].eniQuotaCountedPer). */
    static final String TWO_ACCOUNTS = "accounts:\n  - { id: \"111111111111\" }\n  - { id: \"222222222222\" }";

    /** Every block in use: async, sqs, provisioned concurrency, egress; a few assumptions set off their default. */
    private static final String ALL = head("""
            hyperplane: { reuseDeletingEni: false, eniRetryBackoffScope: function }
            scaling:
              requestRateWindow: 10s
              warmRouting: random
              provisionedConcurrency: { preparation: 2m, keepsFunctionActive: false, requestRateCap: provisionedOnly }
            async: { backoffFactor: 3, onPending: retry }
            sqs: { errorBackoffFactor: 0.25, throttleRetry: 2s, errorBackoffInterval: 30s }""") + """
              - { name: events, invocationType: Event, provisionedConcurrency: 2,
                  eventInvokeConfig: { onFailure: { type: sqs, deliveryFailureProbability: 0.1 } },
                  vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                  duration: 200ms, arrivals: { poisson: 1/s } }
              - { name: worker, eventSourceMapping: { type: sqs }, runtime: python3.12,
                  egress: { destinations: [{ destination: db }], keepConnectionsOpen: true },
                  vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                  duration: 200ms, arrivals: { poisson: 1/s } }
            """;

    private static Map<String, String> rows(String yaml) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Assumptions.Row r : Assumptions.rows(ScenarioLoader.parse(yaml, "t.yaml"))) {
            out.put(r.field(), r.value());
        }
        return out;
    }

    /** The assumed defaults neither listed nor named as not in force. */
    private static List<String> missing(Scenario sc, Map<String, String> rows) {
        // the other network model's block: the page says which model is in force (networkModel)
        String other = rows.containsKey("legacy.eniLimit") ? "hyperplane." : "legacy.";
        String unused = rows.getOrDefault(Assumptions.NOT_IN_FORCE, "");
        List<String> out = new ArrayList<>();
        for (Defaults.Entry e : Defaults.TABLE) {
            // whose ENIs a VPC's quota counts matters only with several accounts: one account's page leaves it out
            boolean oneAccountsQuota = e.path().equals("vpcs[*].eniQuotaCountedPer") && !sc.multiAccount();
            if (e.source().assumption() && !e.path().startsWith(other) && !rows.containsKey(e.path())
                    && !oneAccountsQuota
                    && !unused.contains(Assumptions.block(sc, e.path()) + " (")) {
                out.add(e.path());
            }
        }
        return out;
    }

    @Test
    void everyAssumedDefaultIsListedOrNamedAsNotInForce() throws Exception {
        for (String yaml : List.of(head(""), head("networkModel: legacy"),
                ALL, head(TWO_ACCOUNTS))) {
            assertEquals(List.of(), missing(ScenarioLoader.parse(yaml, "t.yaml"), rows(yaml)), yaml);
        }
    }

    @Test
    void aScenarioUsingEveryBlockShowsEachValueInForce() throws Exception {
        Map<String, String> r = rows(ALL);
        assertEquals("false", r.get("hyperplane.reuseDeletingEni"));
        assertEquals("function", r.get("hyperplane.eniRetryBackoffScope"));
        assertEquals("10s", r.get("scaling.requestRateWindow"));
        assertEquals("random", r.get("scaling.warmRouting"));
        assertEquals("10000", r.get("scaling.newRequestsPerSecondPer10s"));
        assertEquals("3", r.get("async.backoffFactor"));
        assertEquals("retry", r.get("async.onPending"));
        assertEquals("0.25", r.get("sqs.errorBackoffFactor"));
        assertEquals("2s", r.get("sqs.throttleRetry"));
        assertEquals("30s", r.get("sqs.errorBackoffInterval"));
        assertEquals("2m", r.get("scaling.provisionedConcurrency.preparation"));
        assertEquals("false", r.get("scaling.provisionedConcurrency.keepsFunctionActive"));
        assertEquals("provisionedOnly", r.get("scaling.provisionedConcurrency.requestRateCap"));
        assertEquals("0.1", r.get("functions[*].eventInvokeConfig.onFailure.deliveryFailureProbability"));
        assertEquals("true", r.get("functions[*].egress.keepConnectionsOpen"), "the one function with egress");
        String init = r.get("functions[*].initDuration");
        assertEquals("{dist: lognormal, median: 250ms, p99: 1500ms, cap: 10s} (2 functions), runtime preset (1 function)",
                init);
        // the warm start and a dead-letter queue are what this scenario does not use
        assertEquals("functions[*].warmEnvironments (no function starts with warm environments),"
                + " functions[*].deadLetterConfig.deliveryFailureProbability (no dead-letter queue)",
                r.get(Assumptions.NOT_IN_FORCE));
    }

    @Test
    void aPlainScenarioNamesTheBlocksItDoesNotUse() throws Exception {
        Map<String, String> r = rows(head(""));
        assertEquals("true", r.get("hyperplane.reuseDeletingEni"));
        assertEquals("key", r.get("hyperplane.eniRetryBackoffScope"));
        assertEquals("1s", r.get("scaling.requestRateWindow"));
        assertEquals("mostRecentlyUsed", r.get("scaling.warmRouting"));
        assertEquals("{dist: lognormal, median: 250ms, p99: 1500ms, cap: 10s}", r.get("functions[*].initDuration"));
        assertNull(r.get("async.backoffFactor"));
        String unused = r.get(Assumptions.NOT_IN_FORCE);
        assertTrue(!unused.contains("deliveryFailureProbability"), "under async.* when no function is asynchronous: "
                + unused);
        for (String b : List.of("async.* (no function has invocationType: Event)",
                "sqs.* (no eventSourceMapping)", "functions[*].egress.keepConnectionsOpen (no egress)",
                "scaling.provisionedConcurrency.* (no provisioned concurrency)")) {
            assertTrue(unused.contains(b), unused);
        }
    }

    @Test
    void aLegacyRunListsTheLegacyBlockAndNoHyperplaneField() throws Exception {
        Map<String, String> r = rows(head("networkModel: legacy"));
        assertEquals("200", r.get("legacy.ec2ApiBurst"));
        assertTrue(r.keySet().stream().noneMatch(k -> k.startsWith("hyperplane.")), r.toString());
        assertTrue(!r.get(Assumptions.NOT_IN_FORCE).contains("hyperplane."), r.get(Assumptions.NOT_IN_FORCE));
    }
}
