package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.network.Cidr;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random chains of creations, updates, deletions, invocation bursts and time steps on a world whose EC2 rate is
 * small (2 calls, one more every 30 s) and whose ENIs carry 3 ports, with ENINotReadyException on scale-out: after
 * every step the world's invariants hold, every invocation has exactly one outcome, and Lambda has never created
 * more ENIs than the bucket allowed (2 + elapsed seconds / 30).
 */
class Ec2LimitProperties {

    private static final String[] GROUPS = {"sg-1", "sg-2", "sg-3"};

    @Provide
    Arbitrary<List<int[]>> chains() {
        return Arbitraries.integers().between(0, 1 << 16).array(int[].class).ofSize(3).list().ofMinSize(5)
                .ofMaxSize(60);
    }

    @Property(tries = 200)
    void enisNeverOutrunEc2sRate(@ForAll("chains") List<int[]> steps) {
        WorldHarness h = WorldHarness.hyperplane(50, 3, 20 * SEC, 2 * SEC,
                new HyperplaneNetworking(2, 1.0 / 30, true));
        h.build.addVpc("vpc", 50);
        for (String g : GROUPS) {
            h.build.addSecurityGroup("vpc", g);
        }
        h.build.addSubnet("vpc", "s-a", Cidr.parse("10.0.0.0/26"), "az-1", 0);
        h.build.addSubnet("vpc", "s-b", Cidr.parse("10.0.1.0/26"), "az-2", 0);
        for (int i = 0; i < 4; i++) {
            h.function("f" + i, i % 2 == 0 ? List.of("s-a", "s-b") : List.of("s-b"), List.of(GROUPS[i % 3]));
        }
        long invocations = 0;
        for (int[] step : steps) {
            int f = step[1] % 4;
            long now = h.loop.nowMicros();
            switch (step[0] % 6) {
                case 0 -> h.create(f, now);
                case 1 -> h.at(now, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("s-a"), List.of(GROUPS[step[2] % 3]))));
                case 2 -> h.at(now, new SimEvent.DeleteFunction(f));
                case 3 -> {
                    for (int k = 0; k < 1 + step[2] % 12; k++) {
                        h.invoke(f, (1 + step[2] % 90) * SEC);
                        invocations++;
                    }
                }
                default -> h.advanceTo(now + (1 + step[2] % 120) * SEC);
            }
            h.advanceTo(h.loop.nowMicros());
            h.world().checkInvariants();
            assertEquals(invocations, h.outcomes.values().stream().mapToLong(Integer::longValue).sum(),
                    "every invocation has exactly one outcome");
            long allowed = 2 + h.loop.nowMicros() / (30 * SEC);
            assertTrue(h.world().snapshot().enis().size() <= allowed,
                    h.world().snapshot().enis().size() + " ENIs created by " + h.loop.nowMicros() / SEC + " s");
        }
    }
}
