package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.function.State;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pre-2019 VPC model: sizing by the 2018 formula, cold-start attachment, EC2 API throttling. */
class LegacyModelTest {

    private static WorldHarness legacy(int ec2Burst, double refill, String cidr) {
        WorldHarness h = new WorldHarness(5000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> 10 * SEC, ec2Burst, refill));
        h.vpcWithSg(5000);
        h.subnet("s", cidr, "az");
        return h;
    }

    /** ENIs = peak concurrent executions x (memory / 3 GB), rounded up. */
    @ParameterizedTest(name = "{0} concurrent at {1} MB -> {2} ENIs")
    @CsvSource({"90, 1024, 30", "100, 1024, 34", "50, 3072, 50", "60, 512, 10", "7, 128, 1"})
    void enisFollowTheSizingFormula(int concurrent, int memoryMb, int enis) {
        WorldHarness h = legacy(10_000, 1000, "10.0.0.0/22");
        int f = h.function("f", memoryMb, List.of("s"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        assertEquals(State.Active, h.state(f), "no Pending in the legacy model");
        for (int i = 0; i < concurrent; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 60 * SEC));
        }
        assertEquals(enis, h.world().snapshot().enis().size());
        assertEquals(enis, 1019 - h.world().snapshot().subnets().get(0).availableIps(), "one IP per ENI");
    }

    @Test
    void everyColdStartPaysTheAttachment() {
        WorldHarness h = legacy(100, 10, "10.0.0.0/24");
        int f = h.function("f", 1024, List.of("s"), List.of("sg"), 0, 0, 200_000);
        h.create(f, 0);
        h.advanceTo(0);
        h.invoke(f, SEC);
        assertEquals(11_200_000L, h.latencies.get(0), "attach 10 s + init 0.2 s + duration 1 s");
    }

    @Test
    void theEc2ApiTokenBucketThrottlesEniCreation() {
        WorldHarness h = legacy(5, 1, "10.0.0.0/24");
        int f = h.function("f", 3072, List.of("s"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        for (int i = 0; i < 20; i++) {
            h.invoke(f, 600 * SEC);
        }
        assertEquals(5, h.outcomes.get(Outcome.SUCCESS));
        assertEquals(15, h.outcomes.get(Outcome.EC2_THROTTLED));
        h.advanceTo(3 * SEC);
        for (int i = 0; i < 5; i++) {
            h.invoke(f, 600 * SEC);
        }
        assertEquals(8, h.outcomes.get(Outcome.SUCCESS), "3 tokens refilled in 3 s");
    }

    @Test
    void runningOutOfIpsStopsScaling() {
        WorldHarness h = legacy(1000, 100, "10.0.0.0/28");
        int f = h.function("f", 3072, List.of("s"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        for (int i = 0; i < 15; i++) {
            h.invoke(f, 600 * SEC);
        }
        assertEquals(11, h.outcomes.get(Outcome.SUCCESS), "a /28 has 11 usable addresses");
        assertEquals(4, h.outcomes.get(Outcome.SUBNET_IP_LIMIT_REACHED));
    }
}
