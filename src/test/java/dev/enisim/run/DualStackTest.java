package dev.enisim.run;

import dev.enisim.model.function.StateReasonCode;
import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dual-stack subnets: each ENI takes an IPv6 address of the /64 as well [assumed], and IPv4 addresses are consumed
 * exactly as in an IPv4-only subnet (the ENI keeps its IPv4 address).
 */
class DualStackTest {

    /** A /28 with 11 usable addresses, 8 used by others: 3 free; three security groups want 3 ENIs, a fourth fails. */
    private static RunSummary run(String ipv6Cidr) {
        Scenarios s = new Scenarios();
        s.durationMicros = 1200 * SEC;
        s.vpcs.add(Scenario.Vpc.of("vpc-1", 500, List.of(new Scenario.Subnet("subnet-a",
                dev.enisim.model.network.Cidr.parse("10.0.0.0/28"), "az-1", 8, ipv6Cidr)),
                List.of("sg-1", "sg-2", "sg-3", "sg-4")));
        for (int i = 1; i <= 4; i++) {
            s.function("f" + i, List.of("subnet-a"), List.of("sg-" + i), -1, new DistributionSpec.Constant(100_000),
                    1, 2, (i - 1) * 200 * SEC);
        }
        return new Simulation(s.build(), 0).checkingInvariants().run().summary();
    }

    @Test
    void ipv4IsConsumedAsWithoutIpv6AndEachEniGetsAnIpv6Address() {
        RunSummary v4 = run(null);
        RunSummary ds = run("2600:1f18:4a3b:c100::/64");
        assertNull(v4.dualStack());
        assertEquals(v4.subnets(), ds.subnets(), "the IPv4 figures do not change");
        assertEquals(v4.enis(), ds.enis());
        assertEquals("Failed", ds.functions().get("f4").finalState(), "the fourth key finds no IPv4 address");
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, ds.functions().get("f4").finalReasonCode());
        RunSummary.DualStackSubnet d = ds.dualStack().get("subnet-a");
        assertEquals(3, d.peakIpv4Addresses());
        assertEquals(3, d.peakIpv6Addresses(), "one IPv6 address per ENI");
        assertEquals("18446744073709551611", d.ipv6UsableAddresses(), "2^64 - 5");
        assertEquals(Map.of("eni-0001", "2600:1f18:4a3b:c100::4", "eni-0002", "2600:1f18:4a3b:c100::5",
                "eni-0003", "2600:1f18:4a3b:c100::6"), d.eniIpv6Addresses(), "after the four reserved addresses");
    }

    @Test
    void thePeakCountsSpansOpenAtOnce() {
        assertEquals(2, DualStack.peak(List.of(new long[] {0, 10}, new long[] {5, 20}, new long[] {10, 30})),
                "an address freed at 10 is counted before one taken at 10");
        assertEquals("2001:db8:0:1::a", DualStack.address("2001:db8:0:1::/64", 10));
    }
}
