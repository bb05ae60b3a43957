package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random bursts of invocations and time steps through a NAT gateway of 1 to 3 addresses, with connections closed or
 * kept open: after every step no address holds more than 55,000 connections to the destination, every invocation
 * has one outcome, and once everything has ended and timed out the gateway holds none.
 */
class NatGatewaysProperties {

    @Provide
    Arbitrary<List<int[]>> steps() {
        return Arbitraries.integers().between(0, 1 << 16).array(int[].class).ofSize(3).list().ofMinSize(3)
                .ofMaxSize(40);
    }

    @Property(tries = 100)
    void connectionsPerAddressPerDestinationStayWithin55000(@ForAll("steps") List<int[]> steps,
            @ForAll @IntRange(min = 1, max = 3) int addresses, @ForAll boolean kept,
            @ForAll @IntRange(min = 1, max = 4) int quarters) {
        WorldHarness h = new WorldHarness(100_000, 10_000_000, 10 * SEC, 5 * SEC,
                new Scaling(Scaling.Model.PER_FUNCTION, 1_000_000, 10 * SEC, 3000, 500, 60 * SEC, 10_000_000,
                        SEC), null);
        h.vpcWithSg(500);
        h.subnet("s", "10.0.0.0/24", "az");
        h.build.addNatGateway("vpc", "nat", "az", addresses);
        int f = h.function("f", List.of("s"), List.of("sg"), -1, 3000);
        h.build.addEgress(f, "hot:443/tcp", quarters / 4.0, kept);
        h.create(f, 0);
        h.advanceTo(10 * SEC);
        long invocations = 0;
        for (int[] step : steps) {
            int n = step[0] % 60;
            for (int i = 0; i < n; i++) {
                h.invoke(f, (1 + step[1] % 600) * SEC);
            }
            invocations += n;
            h.advanceTo(h.loop.nowMicros() + (step[2] % 400) * SEC);
            for (int c : h.world().natConnections(0, 0)) {
                assertTrue(c <= NatGateways.CONNECTIONS_PER_ADDRESS, "NAT connections <= 55,000 per address: " + c);
            }
            assertEquals(invocations, h.outcomes.values().stream().mapToLong(Integer::longValue).sum());
        }
        h.advanceTo(h.loop.nowMicros() + 1000 * SEC);
        for (int c : h.world().natConnections(0, 0)) {
            assertEquals(0, c, "every connection closed or timed out");
        }
    }
}
