package dev.enisim.scenario;

import static dev.enisim.scenario.FieldRulesTest.GOOD;
import static dev.enisim.scenario.FieldRulesTest.fn;
import static dev.enisim.scenario.FieldRulesTest.top;
import static dev.enisim.scenario.FieldRulesTest.vpc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.NetworkModel;
import dev.enisim.model.Scaling;
import dev.enisim.model.WarmRouting;
import dev.enisim.workload.DistributionSpec;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The other side of {@link FieldRulesTest}: a value at a field's limit (as scenarios/README.md gives it) is accepted,
 * and what the file says reaches the scenario, converted to the scenario's units (microseconds, per second). Expected
 * values are worked out from the README's units and limits, not read back from the loader.
 */
class FieldLimitsAcceptedTest {

    private static final long SEC = 1_000_000L;

    static Scenario load(String yaml) throws ScenarioException {
        return ScenarioLoader.parse(yaml, "t.yaml");
    }

    @Test
    void topLevelFieldsAtTheirLimits() throws Exception {
        // name: 128 characters at most, starting with a letter or digit
        String name128 = "a".repeat(128);
        assertEquals(name128, load(GOOD.replace("name: good", "name: " + name128)).name());
        assertEquals("9.x_y-z", load(GOOD.replace("name: good", "name: 9.x_y-z")).name());
        // a bucket as long as the run, and exactly 2,000,000 buckets
        Scenario whole = load(top("bucket: 1h\n"));
        assertEquals(3_600 * SEC, whole.bucketMicros());
        Scenario fine = load(GOOD.replace("duration: 1h", "duration: 2000s").concat("bucket: 1ms\n"));
        assertEquals(2_000 * SEC, fine.durationMicros());
        assertEquals(1_000, fine.bucketMicros());
        // a negative seed is a 64-bit integer like any other
        assertEquals(-5, load(top("seed: -5\n")).seed());
        assertEquals(Optional.of(Instant.parse("2026-11-30T00:00:00Z")),
                load(top("startsAt: 2026-11-30T00:00:00Z\n")).startsAt());
        assertEquals(Optional.empty(), load(GOOD).startsAt(), "no startsAt: simulated time");
        assertEquals("one line", load(top("description: one line\n")).description());
    }

    @Test
    void theDocumentedDefaultsOfTheTopLevel() throws Exception {
        Scenario s = load(GOOD);
        // scenarios/README.md: seed 1, bucket 1m, description "", networkModel hyperplane, assumptions field
        assertEquals(1, s.seed());
        assertEquals(60 * SEC, s.bucketMicros());
        assertEquals("", s.description());
        assertEquals(NetworkModel.HYPERPLANE, s.networkModel());
        assertEquals(AssumptionPreset.FIELD, s.assumptions());
        assertEquals(AssumptionPreset.DOCUMENTED, load(top("assumptions: documented\n")).assumptions());
        assertEquals(NetworkModel.LEGACY, load(top("networkModel: legacy\n")).networkModel());
        // account: 1000, 100 unreserved, 5000 network interfaces per Region
        assertEquals(1000, s.account().concurrencyLimit());
        assertEquals(100, s.account().unreservedMinimum());
        assertEquals(5000, s.account().networkInterfacesPerRegion());
        // a VPC: eniQuota 500, no other ENIs; a subnet: no other IPs
        assertEquals(500, s.vpcs().get(0).eniQuota());
        assertEquals(0, s.vpcs().get(0).otherUsedEnis());
        assertEquals(0, s.vpcs().get(0).subnets().get(0).otherUsedIps());
    }

    @Test
    void accountLimitsAtTheirEnds() throws Exception {
        // unreservedMinimum may equal the limit (nothing reservable: GOOD's reservation of 100 goes)
        Scenario s = load(GOOD.replace("    reservedConcurrency: 100\n", "")
                .concat("account: { concurrencyLimit: 1, unreservedMinimum: 1, networkInterfacesPerRegion: 1 }\n"));
        assertEquals(1, s.account().concurrencyLimit());
        assertEquals(1, s.account().unreservedMinimum());
        assertEquals(1, s.account().networkInterfacesPerRegion());
        // reservations may add up to exactly concurrencyLimit - unreservedMinimum
        Scenario full = load(GOOD.replace("reservedConcurrency: 100", "reservedConcurrency: 900"));
        assertEquals(900, full.functions().get(0).reservedConcurrency().getAsInt());
    }

    @Test
    void vpcAndSubnetLimitsAtTheirEnds() throws Exception {
        // otherUsedEnis up to the quota; tenancy default spelled out
        Scenario s = load(vpc("eniQuota: 7\notherUsedEnis: 7\ntenancy: default"));
        assertEquals(7, s.vpcs().get(0).eniQuota());
        assertEquals(7, s.vpcs().get(0).otherUsedEnis());
        // /16 and /28 are the largest and smallest subnets AWS allows; a /28 has 16 - 5 = 11 usable addresses
        Scenario sizes = load(GOOD.replace("10.0.1.0/28, az: us-east-1a", "10.0.1.0/28, az: us-east-1a, otherUsedIps: 11")
                .replace("10.0.2.0/28", "10.1.0.0/16"));
        assertEquals(28, sizes.vpcs().get(0).subnets().get(0).cidr().prefix());
        assertEquals(11, sizes.vpcs().get(0).subnets().get(0).otherUsedIps());
        assertEquals(16, sizes.vpcs().get(0).subnets().get(1).cidr().prefix());
        // the timeline's setOtherUsedIps up to the subnet's usable addresses too: all 11 of the /28, all of the /16
        Scenario grown = load(top("timeline:\n  - {at: 1m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 11}\n"
                + "  - {at: 2m, action: setOtherUsedIps, subnet: subnet-b, otherUsedIps: 65531}\n").replace("10.0.2.0/28",
                "10.1.0.0/16"));
        assertEquals(new dev.enisim.model.SimEvent.SetOtherUsedIps(0, 11), grown.timeline().get(0).action());
        assertEquals(new dev.enisim.model.SimEvent.SetOtherUsedIps(1, 65_531), grown.timeline().get(1).action());
        // two /28s side by side (10.0.1.0-15 and 10.0.1.16-31) do not overlap, in either order
        load(GOOD.replace("10.0.2.0/28", "10.0.1.16/28"));
        load(GOOD.replace("10.0.1.0/28", "10.0.1.16/28").replace("10.0.2.0/28", "10.0.1.0/28"));
        // NAT gateway: addresses 1 (the default) to 8; its AZ is one of the VPC's subnets'
        Scenario nat = load(vpc("natGateways: [{id: nat-a, az: us-east-1a}, {id: nat-b, az: us-east-1b, addresses: 8}]"));
        assertEquals(1, nat.vpcs().get(0).natGateways().get(0).addresses());
        assertEquals("us-east-1b", nat.vpcs().get(0).natGateways().get(1).az());
        assertEquals(8, nat.vpcs().get(0).natGateways().get(1).addresses());
    }

    @Test
    void ipv6SubnetsAreDeclaredButOnlyDualStackOnesJoinTheWorld() throws Exception {
        Scenario s = load(GOOD.replace("az: us-east-1b }", "az: us-east-1b, ipv6Cidr: '2600:1f18:4a3b:c100::/64' }")
                .replace("subnetIds: [subnet-a]", "subnetIds: [subnet-b], ipv6AllowedForDualStack: true"));
        Scenario.Subnet b = s.vpcs().get(0).subnets().get(1);
        assertEquals("2600:1f18:4a3b:c100::/64", b.ipv6Cidr());
        assertTrue(b.dualStack());
        assertFalse(s.vpcs().get(0).subnets().get(0).dualStack());
        assertTrue(s.functions().get(0).vpcConfig().ipv6AllowedForDualStack());
        // an IPv6-only subnet is declared (no problem) but is not one of the world's subnets
        Scenario only = load(GOOD.replace("{ id: subnet-b, cidr: 10.0.2.0/28, az: us-east-1b }",
                "{ id: subnet-b, az: us-east-1b, ipv6Only: true, ipv6Cidr: '2600:1f18::/64' }"));
        assertEquals(1, only.vpcs().get(0).subnets().size());
        assertEquals("subnet-a", only.vpcs().get(0).subnets().get(0).id());
    }

    @Test
    void hyperplaneFieldsReachTheScenarioInMicroseconds() throws Exception {
        Scenario s = load(top("""
                hyperplane:
                  eniCreateTime: 30s
                  attachExistingTime: { dist: constant, value: 2s }
                  connectionsPerEni: 1
                  eniRetryBackoff: 90s
                  eniDeleteTime: { dist: exponential, mean: 1m }
                  idleReclaimAfter: 1us
                  stuckPendingAfter: 7m
                  ec2RequestLimit: { burst: 10, refill: 6/m }
                  eniNotReadyOnScaleOut: true
                """));
        Scenario.Hyperplane h = s.hyperplane();
        assertEquals(new DistributionSpec.Constant(30 * SEC), h.eniCreateTime());
        assertEquals(new DistributionSpec.Constant(2 * SEC), h.attachExistingTime());
        assertEquals(1, h.connectionsPerEni());
        assertEquals(90 * SEC, h.eniRetryBackoffMicros());
        assertEquals(new DistributionSpec.Exponential(60 * SEC, Double.POSITIVE_INFINITY), h.eniDeleteTime());
        assertEquals(1, h.idleReclaimAfterMicros(), "1us is > 0: the smallest accepted");
        assertEquals(420 * SEC, h.stuckPendingAfterMicros());
        assertEquals(10, h.ec2RequestLimit().orElseThrow().burst());
        assertEquals(0.1, h.ec2RequestLimit().orElseThrow().perSecond(), 1e-12, "6 per minute");
        assertTrue(h.eniNotReadyOnScaleOut());
        // the README's defaults: attach 5s, 65,000 connections, back-off 5m, idle reclaim 14d, stuck after 6m,
        // no EC2 request limit, eniNotReadyOnScaleOut false; an empty hyperplane block is the same as none
        for (Scenario d : new Scenario[] {load(GOOD), load(top("hyperplane: {}\n"))}) {
            Scenario.Hyperplane dh = d.hyperplane();
            assertEquals(new DistributionSpec.Constant(5 * SEC), dh.attachExistingTime());
            assertEquals(65_000, dh.connectionsPerEni());
            assertEquals(300 * SEC, dh.eniRetryBackoffMicros());
            assertEquals(14 * 86_400 * SEC, dh.idleReclaimAfterMicros());
            assertEquals(360 * SEC, dh.stuckPendingAfterMicros());
            assertTrue(dh.ec2RequestLimit().isEmpty());
            assertFalse(dh.eniNotReadyOnScaleOut());
            // field preset: creation log-normal median 75 s, p99 5 min; deletion median 10 min, p99 35, cap 45
            assertEquals(new DistributionSpec.LogNormal(75 * SEC, 300 * SEC, Double.POSITIVE_INFINITY),
                    dh.eniCreateTime());
            assertEquals(new DistributionSpec.LogNormal(600 * SEC, 2_100 * SEC, 2_700 * SEC), dh.eniDeleteTime());
        }
        // the documented preset: creation median 1 min, p99 5; deletion p99 20 min, capped at 20
        Scenario.Hyperplane doc = load(top("assumptions: documented\nhyperplane: { connectionsPerEni: 2 }\n")).hyperplane();
        assertEquals(new DistributionSpec.LogNormal(60 * SEC, 300 * SEC, Double.POSITIVE_INFINITY), doc.eniCreateTime());
        assertEquals(new DistributionSpec.LogNormal(600 * SEC, 1_200 * SEC, 1_200 * SEC), doc.eniDeleteTime());
        assertEquals(2, doc.connectionsPerEni());
    }

    @Test
    void scalingFieldsReachTheScenario() throws Exception {
        Scenario s = load(top("""
                scaling:
                  model: legacy-burst
                  newEnvironmentsPer10s: 7
                  burst: 500
                  burstIncreasePerMinute: 0
                  keepAlive: 5m
                  newRequestsPerSecondPer10s: 11
                  requestRateWindow: 1ms
                  warmRouting: newest
                  provisionedConcurrency: { preparation: 0s, allocationPerMinute: 1, keepsFunctionActive: false }
                """));
        Scaling sc = s.scaling().scaling();
        assertEquals(Scaling.Model.LEGACY_BURST, sc.model());
        assertEquals(7, sc.newEnvironments());
        assertEquals(500, sc.burst());
        assertEquals(0, sc.burstIncrease());
        assertEquals(11, sc.newRequestsPerSecond());
        assertEquals(1_000, sc.requestRateWindowMicros(), "1ms, the shortest window");
        assertEquals(300 * SEC, s.scaling().keepAliveMicros());
        assertEquals(WarmRouting.NEWEST, s.scaling().warmRouting());
        assertEquals(0, s.scaling().provisioned().preparationMicros());
        assertEquals(1, s.scaling().provisioned().allocationPerMinute());
        assertFalse(s.scaling().provisioned().keepsFunctionActive());
        // the other ends: a 60 s window, an hour's preparation
        Scenario ends = load(top("scaling: { requestRateWindow: 60s, warmRouting: random, "
                + "provisionedConcurrency: { preparation: 1h } }\n"));
        assertEquals(60 * SEC, ends.scaling().scaling().requestRateWindowMicros());
        assertEquals(WarmRouting.RANDOM, ends.scaling().warmRouting());
        assertEquals(3_600 * SEC, ends.scaling().provisioned().preparationMicros());
        // the README's defaults: per-function, 1000 per 10 s, burst 3000, +500 a minute, keepAlive 10m, 10000
        // requests per second per 10 s, a 1 s window, mostRecentlyUsed; provisioned: 90 s, 6000 a minute, kept Active
        for (Scenario d : new Scenario[] {load(GOOD), load(top("scaling: { provisionedConcurrency: {} }\n"))}) {
            Scaling ds = d.scaling().scaling();
            assertEquals(Scaling.Model.PER_FUNCTION, ds.model());
            assertEquals(1000, ds.newEnvironments());
            assertEquals(10 * SEC, ds.periodMicros());
            assertEquals(3000, ds.burst());
            assertEquals(500, ds.burstIncrease());
            assertEquals(10_000, ds.newRequestsPerSecond());
            assertEquals(SEC, ds.requestRateWindowMicros());
            assertEquals(600 * SEC, d.scaling().keepAliveMicros());
            assertEquals(WarmRouting.MOST_RECENTLY_USED, d.scaling().warmRouting());
            assertEquals(90 * SEC, d.scaling().provisioned().preparationMicros());
            assertEquals(6000, d.scaling().provisioned().allocationPerMinute());
            assertTrue(d.scaling().provisioned().keepsFunctionActive());
        }
    }

    @Test
    void legacyFieldsReachTheScenario() throws Exception {
        Scenario s = load(top("legacy: { coldStartAttachTime: 8s, ec2ApiBurst: 1, ec2ApiRefill: 2/m, eniLimit: 1 }\n"));
        assertEquals(new DistributionSpec.Constant(8 * SEC), s.legacy().coldStartAttachTime());
        assertEquals(1, s.legacy().ec2ApiBurst());
        assertEquals(2.0 / 60, s.legacy().ec2ApiRefillPerSecond(), 1e-12);
        assertEquals(1, s.legacy().eniLimit());
        // the README's defaults: burst 200, refill 5/s
        for (Scenario d : new Scenario[] {load(GOOD), load(top("legacy: {}\n"))}) {
            assertEquals(200, d.legacy().ec2ApiBurst());
            assertEquals(5.0, d.legacy().ec2ApiRefillPerSecond(), 0);
            assertEquals(Scenario.Legacy.DEFAULT, d.legacy());
        }
    }

    @Test
    void functionFieldsAtTheirLimits() throws Exception {
        // Lambda's timeout: 1 s to 900 s
        assertEquals(SEC, load(fn("timeout: 1s")).functions().get(0).timeoutMicros());
        assertEquals(900 * SEC, load(fn("timeout: 15m")).functions().get(0).timeoutMicros());
        // the README's default timeout: 3 s; memory 128 MB
        assertEquals(3 * SEC, load(GOOD).functions().get(0).timeoutMicros());
        assertEquals(128, load(GOOD).functions().get(0).memoryMb());
        assertEquals(10_240, load(fn("memoryMb: 10240")).functions().get(0).memoryMb());
        // provisioned concurrency up to the reservation
        assertEquals(100, load(fn("provisionedConcurrency: 100")).functions().get(0).provisionedConcurrency());
        // egress: shares adding up to exactly 1 (0.5 + 0.25 + 0.25), and 16 destinations (1/16 each)
        String withNat = vpc("natGateways: [{id: nat-a, az: us-east-1a}]");
        Scenario.Egress e = load(withNat + "    egress: { destinations: [{destination: a, share: 0.5}, "
                + "{destination: b, share: 0.25}, {destination: c, share: 0.25}], keepConnectionsOpen: true }\n")
                .functions().get(0).egress();
        assertEquals(3, e.routes().size());
        assertEquals(0.25, e.routes().get(2).share());
        assertTrue(e.keptOpen());
        StringBuilder sixteen = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sixteen.append(i == 0 ? "" : ", ").append("{destination: d").append(i).append(", share: 0.0625}");
        }
        assertEquals(16, load(withNat + "    egress: { destinations: [" + sixteen + "] }\n").functions().get(0)
                .egress().routes().size());
        // a destination without a share takes all the connections
        Scenario.Egress all = load(withNat + "    egress: { destinations: [{destination: api}] }\n").functions().get(0)
                .egress();
        assertEquals(1.0, all.routes().get(0).share());
        assertFalse(all.keptOpen());
        assertEquals(Scenario.Egress.NONE, load(GOOD).functions().get(0).egress());
    }
}
