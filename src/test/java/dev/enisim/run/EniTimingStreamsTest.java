package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.WorldSettings.EniTimings.Timing;
import dev.enisim.model.eni.EniKey;
import dev.enisim.report.EnisCsv;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Common random numbers for ENI timings: each key draws its creation, attach-existing and deletion times from streams
 * of its own, so a variant that adds a function on a new key (another subnet and security-group set) leaves every
 * other key's ENI timings, and its functions' Pending times, as they were. With one stream per timing drawn in the
 * order ENIs ask, the new key's draws came first and moved every later one.
 */
class EniTimingStreamsTest {

    /** Two subnets and two security groups; creation and attach-existing times random, deletions the default. */
    private static final String HEAD = """
            name: crn
            duration: 2h
            bucket: 1m
            seed: 5
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: us-east-1b }
                securityGroups: [sg-1, sg-2]
            hyperplane:
              eniCreateTime: { dist: lognormal, median: 75s, p99: 5m }
              attachExistingTime: { dist: lognormal, median: 5s, p99: 30s }
            functions:
            """;

    private static RunResult run(String functions) throws Exception {
        return new Simulation(ScenarioLoader.parse(HEAD + functions, "crn.yaml"), 0).run();
    }

    /** The enis.csv rows of a subnet's ENIs, without the ENI's name (numbered in creation order over every key). */
    private static List<String> rowsOf(RunResult r, String subnet) {
        List<String> rows = EnisCsv.render(r.enis()).lines().filter(l -> l.contains("," + subnet + ","))
                .map(l -> l.substring(l.indexOf(',') + 1)).toList();
        assertTrue(!rows.isEmpty(), subnet + " has ENIs: " + r.enis());
        return rows;
    }

    private static double pending(RunResult r, String function) {
        return r.summary().functions().get(function).longestPendingSeconds();
    }

    private static final String FIRST = """
              - name: first
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                createdAt: 2m
                duration: 100ms
                arrivals: { constant: 1/s, until: 1h }
            """;

    /** A function on a new key (subnet-b, sg-2), created before first: its ENI is created, and deleted, first. */
    private static final String SECOND = """
              - name: second
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-2] }
                duration: 100ms
                arrivals: { constant: 1/s, until: 30m }
            """;

    private static final String DELETIONS = """
            timeline:
              - { at: 1h, action: deleteFunction, function: first }
            """;

    @Test
    void aFunctionOnANewKeyLeavesTheFirstFunctionsPendingAndItsKeysEnisAsTheyWere() throws Exception {
        RunResult alone = run(FIRST);
        RunResult both = run(FIRST + SECOND);
        assertTrue(pending(alone, "first") > 0, "first waits for its ENI");
        assertEquals(pending(alone, "first"), pending(both, "first"), "first's Pending: its key's creation time");
        assertEquals(rowsOf(alone, "subnet-a"), rowsOf(both, "subnet-a"));
        // the new key's ENI was created before first's: under one stream for every key it took first's draw
        assertEquals(0, EniLifetimeTest.in(both, "subnet-b").createdSeconds());
        assertEquals(120, EniLifetimeTest.in(both, "subnet-a").createdSeconds());
    }

    @Test
    void aKeyDeletedBeforeLeavesTheFirstKeysDeletionAsItWas() throws Exception {
        // second is created after first (its ENI drawn after first's), and deleted before
        String secondLater = SECOND.replace("duration: 100ms", "createdAt: 3m\n    duration: 100ms");
        String secondDeleted = DELETIONS + "  - { at: 30m, action: deleteFunction, function: second }\n";
        RunResult alone = run(FIRST + DELETIONS);
        RunResult both = run(FIRST + secondLater + secondDeleted);
        RunResult.EniLifetime a = EniLifetimeTest.in(alone, "subnet-a");
        assertTrue(a.endedSeconds().isPresent(), "first's ENI is deleted: " + a);
        assertEquals(rowsOf(alone, "subnet-a"), rowsOf(both, "subnet-a"));
        // second's ENI was created after first's, its deletion requested (and drawn) at 30m, before first's at 1h
        assertEquals(180, EniLifetimeTest.in(both, "subnet-b").createdSeconds());
        assertEquals(1800, EniLifetimeTest.in(both, "subnet-b").deletionRequestedSeconds().orElseThrow());
        assertEquals(3600, a.deletionRequestedSeconds().orElseThrow());
    }

    /** {@code web} (existing Active) has subnet-a's ENI at 0; {@code api}, created at 10m, attaches to it. */
    private static final String ATTACHING = """
              - name: web
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { constant: 1/s }
              - name: api
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                createdAt: 10m
                duration: 100ms
                arrivals: { constant: 1/s }
            """;

    /** The same on a new key (subnet-b, sg-2), attaching at 5m: before api. */
    private static final String ATTACHING_ON_A_NEW_KEY = """
              - name: web2
                existing: Active
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-2] }
                duration: 100ms
                arrivals: { constant: 1/s }
              - name: api2
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-2] }
                createdAt: 5m
                duration: 100ms
                arrivals: { constant: 1/s }
            """;

    @Test
    void anExistingKeyAttachedToBeforeLeavesTheAttachOfTheFirstAsItWas() throws Exception {
        RunResult alone = run(ATTACHING);
        RunResult both = run(ATTACHING + ATTACHING_ON_A_NEW_KEY);
        assertTrue(pending(alone, "api") > 0, "api waits for its attachment");
        assertEquals(0, pending(alone, "web"), "web's ENI is there at 0");
        assertEquals(pending(alone, "api"), pending(both, "api"), "api's Pending: its key's attach-existing time");
        assertTrue(pending(both, "api2") > 0);
        assertEquals(rowsOf(alone, "subnet-a"), rowsOf(both, "subnet-a"));
    }

    @Test
    void aStreamIsNamedByTheKeysIdentityAndItsTiming() {
        EniKey key = new EniKey("vpc-1", "subnet-a", List.of("sg-db", "sg-app"), "", "222222222222");
        assertEquals("hyperplane/eni-create/vpc-1/222222222222:subnet-a+[sg-app,sg-db]",
                EniTimingStreams.streamName(Timing.CREATE, key));
        assertEquals("hyperplane/attach-existing/vpc-1/222222222222:subnet-a+[sg-app,sg-db]",
                EniTimingStreams.streamName(Timing.ATTACH_EXISTING, key));
        assertEquals("hyperplane/eni-delete/vpc-1/fn@subnet-a+[sg-app]",
                EniTimingStreams.streamName(Timing.DELETE, new EniKey("vpc-1", "subnet-a", List.of("sg-app"), "fn")));
        assertNotEquals(EniTimingStreams.streamName(Timing.CREATE, new EniKey("vpc-1", "s", List.of("g"))),
                EniTimingStreams.streamName(Timing.CREATE, new EniKey("vpc-2", "s", List.of("g"))), "the VPC too");
    }
}
