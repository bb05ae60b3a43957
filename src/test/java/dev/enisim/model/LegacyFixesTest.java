package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pre-2019 model's rules as its docs state them (aws-lambda-developer-guide, doc_source/vpc.md). */
class LegacyFixesTest {

    /**
     * "By specifying subnets in each of the Availability Zones, your Lambda function can run in another Availability
     * Zone if one goes down or runs out of IP addresses": a /28 with 3 addresses taken (8 free) and a /24 (251) in
     * another AZ give 259 environments (3,072 MB: one environment per ENI) before any fails.
     */
    @Test
    void aSubnetOutOfIpsSendsColdStartsToTheOtherAz() {
        WorldHarness h = new WorldHarness(5000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> 0L, 10_000, 10_000));
        h.vpcWithSg(5000);
        h.build.addSubnet("vpc", "small", Cidr.parse("10.0.1.0/28"), "az-1", 3);
        h.subnet("large", "10.0.2.0/24", "az-2");
        int f = h.function("legacy", 3072, List.of("small", "large"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        int served = 0;
        for (int i = 0; i < 300; i++) {
            if (h.invoke(f, 600 * SEC) == Outcome.SUCCESS) {
                served++;
            }
        }
        assertEquals(8 + 251, served);
        assertEquals(300 - 259, h.outcomes.get(Outcome.SUBNET_IP_LIMIT_REACHED));
    }

    /**
     * "Projected peak concurrent executions * (Memory in GB / 3GB)": 1,000 environments of 2,048 MB need 667 ENIs
     * (not 1,000, as integer 3072 / 2048 = 1 environment per ENI gave), of 3,008 MB 980.
     */
    @Test
    void legacyEnisFollowTheSizingFormula() {
        assertEquals(667, Legacy.enisFor(1000, 2048));
        assertEquals(980, Legacy.enisFor(1000, 3008));
        assertEquals(667, enisFor1000Environments(2048));
        assertEquals(980, enisFor1000Environments(3008));
        assertEquals(334, enisFor1000Environments(1024), "3 environments per ENI: 1000 / 3 rounded up");
        assertEquals(1000, enisFor1000Environments(10_240), "above 3 GB: one environment per ENI still");
    }

    private static int enisFor1000Environments(int memoryMb) {
        WorldHarness h = new WorldHarness(5000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> 0L, 10_000, 10_000));
        h.vpcWithSg(5000);
        h.subnet("big", "10.0.0.0/20", "az-1");
        int f = h.function("legacy", memoryMb, List.of("big"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
        }
        return h.world().snapshot().enis().size();
    }
}
