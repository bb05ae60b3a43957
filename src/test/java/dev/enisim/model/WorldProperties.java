package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.network.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Stateful properties: random chains of timeline actions (create, update, versions, delete, role changes,
 * other tenants of subnets and of the ENI quota, AZ outages, orphan clean-up), invocation bursts and time steps, on
 * a deliberately cramped world (tiny subnets, a small quota shared with other services, a Region limit below it, a
 * small port capacity). After every step the world's invariants hold: no IP leaked or held twice, Lambda's ENIs
 * within the quota less other services' and within the Region's limit, no ENI deleted while its key has a user, orphans keep their
 * IP and slot, ports within capacity, and every invocation has exactly one outcome.
 */
class WorldProperties {

    private static final String[] SUBNETS = {"s-a", "s-b", "s-c"};
    private static final String[] GROUPS = {"sg-1", "sg-2", "sg-3"};
    private static final int REGION_LIMIT = 6;

    /** One step: {kind, a, b, c}, interpreted by {@link #apply}. */
    @Provide
    Arbitrary<List<int[]>> chains() {
        return Arbitraries.integers().between(0, 1 << 16).array(int[].class).ofSize(4).list().ofMinSize(5)
                .ofMaxSize(80);
    }

    @StatisticsReport(onFailureOnly = true)
    @Property(tries = 400)
    void invariantsHoldAfterEveryStep(@ForAll("chains") List<int[]> steps) {
        WorldHarness h = new WorldHarness(20, 4, 60 * SEC, 5 * SEC, Scaling.DEFAULT, null, REGION_LIMIT);
        h.build.addVpc("vpc", 7);
        for (String g : GROUPS) {
            h.build.addSecurityGroup("vpc", g);
        }
        h.build.addSubnet("vpc", "s-a", Cidr.parse("10.0.0.0/28"), "az-1", 6);
        h.build.addSubnet("vpc", "s-b", Cidr.parse("10.0.1.0/28"), "az-2", 2);
        h.build.addSubnet("vpc", "s-c", Cidr.parse("10.0.2.0/28"), "az-2", 0);
        for (int i = 0; i < 4; i++) {
            h.function("f" + i, subnets(i * 5 + 1), List.of(GROUPS[i % 3]), i == 3 ? 3 : -1, 1 + i % 2);
        }
        // f4: a database pool of 2 per environment and one provisioned environment
        h.function("f4", 128, subnets(3), List.of(GROUPS[0]), 2, 1, 0);
        long invocations = 0;
        int[] orphansSeen = {0};
        for (int[] step : steps) {
            invocations += apply(h, step);
            h.world().checkInvariants();
            long outcomes = h.outcomes.values().stream().mapToLong(Integer::longValue).sum();
            assertEquals(invocations, outcomes, "every invocation has exactly one outcome");
            for (WorldSnapshot.VpcView v : h.world().snapshot().vpcs()) {
                assertTrue(v.enis() <= v.eniQuota() - v.otherUsedEnis(), "ENIs <= quota - other users");
                assertTrue(v.enis() + v.otherUsedEnis() <= REGION_LIMIT, "ENIs per Region <= the Region limit");
            }
            // every ENI not yet deleted, an orphan included, holds one IP of its subnet and a slot of its VPC's quota
            WorldSnapshot snap = h.world().snapshot();
            int[] bySubnet = new int[snap.subnets().size()];
            int[] byVpc = new int[snap.vpcs().size()];
            for (WorldSnapshot.EniView e : snap.enis()) {
                if (e.state() != EniState.Deleted) {
                    bySubnet[e.id().subnet()]++;
                    byVpc[e.id().vpc()]++;
                }
                if (e.state() == EniState.Orphaned) {
                    orphansSeen[0]++;
                }
            }
            for (WorldSnapshot.SubnetView sn : snap.subnets()) {
                assertEquals(bySubnet[sn.index()], sn.usableIps() - sn.otherUsedIps() - sn.availableIps(),
                        "IPs held in " + sn.id() + ", orphans included");
            }
            for (WorldSnapshot.VpcView v : snap.vpcs()) {
                assertEquals(byVpc[v.index()], v.enis(), "quota slots held in " + v.id() + ", orphans included");
            }
        }
        // the orphans' holding is checked in some of the tries, not left to chance (23% seen, 693 of 3,000 tries in session 52; 2% asked: P(fail) 2e-35 a run)
        Statistics.label("an orphan held its IP and slot").collect(orphansSeen[0] > 0);
        Statistics.label("an orphan held its IP and slot").coverage(c -> c.check(true).percentage(p -> p >= 2));
        h.advanceTo(h.loop.nowMicros() + 4 * 3600 * SEC);
        h.world().checkInvariants();
        drainedWorldHoldsNothing(h);
    }

    /**
     * Conservation: once every function is deleted, every invocation has ended, every deletion has finished and
     * the orphans are deleted by hand, every IP, quota slot and port is back, whatever happened before.
     */
    private static void drainedWorldHoldsNothing(WorldHarness h) {
        long now = h.loop.nowMicros();
        for (int f = 0; f < FUNCTIONS; f++) {
            h.at(now, new SimEvent.DeleteFunction(f));
        }
        h.advanceTo(now + 2 * 3600 * SEC); // > the 900 s timeout + 600 s deletion + a 60 s creation
        h.at(h.loop.nowMicros(), new SimEvent.DeleteOrphanedEnis(OptionalInt.empty()));
        h.advanceTo(h.loop.nowMicros() + SEC);
        WorldSnapshot w = h.world().snapshot();
        assertEquals(0, h.world().accountInFlight());
        for (WorldSnapshot.SubnetView s : w.subnets()) {
            assertEquals(s.usableIps() - s.otherUsedIps(), s.availableIps(), s.id() + ": every Lambda IP is back");
        }
        for (WorldSnapshot.VpcView v : w.vpcs()) {
            assertEquals(0, v.enis(), "every quota slot is back");
        }
        for (WorldSnapshot.KeyView k : w.keys()) {
            assertEquals(0, k.connections(), "every port is back");
        }
        for (WorldSnapshot.EniView e : w.enis()) {
            assertEquals(EniState.Deleted, e.state(), e.toString());
        }
    }

    private static final int FUNCTIONS = 5;

    private static List<String> subnets(int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < SUBNETS.length; i++) {
            if ((mask >> i & 1) == 1) {
                out.add(SUBNETS[i]);
            }
        }
        return out.isEmpty() ? List.of(SUBNETS[0]) : out;
    }

    /** Applies one step; returns how many invocations it made. */
    private static long apply(WorldHarness h, int[] step) {
        long now = h.loop.nowMicros();
        int f = step[1] % FUNCTIONS;
        switch (step[0] % 13) {
            case 0, 1 -> h.create(f, now);
            case 2 -> h.at(now, new SimEvent.UpdateVpcConfig(f, h.vpc(step[2] % 5 == 0 ? List.of() : subnets(step[2] % 8),
                    step[2] % 5 == 0 ? List.of() : List.of(GROUPS[step[3] % 3]))));
            case 3 -> h.at(now, new SimEvent.PublishVersion(f));
            case 4 -> h.at(now, new SimEvent.DeleteVersion(f, 1 + step[2] % 3));
            case 5 -> h.at(now, new SimEvent.DeleteFunction(f));
            case 6 -> h.at(now, new SimEvent.SetRolePermissions(f, step[2] % 2 == 0, false));
            case 12 -> h.at(now, new SimEvent.SetRolePermissions(f, false, true)); // DeleteRole
            case 7 -> h.at(now, step[1] % 2 == 0 ? new SimEvent.SetOtherUsedIps(step[2] % 3, step[3] % 12)
                    : new SimEvent.SetOtherUsedEnis(0, step[3] % 5));
            case 8 -> h.at(now, new SimEvent.AzAvailability(step[2] % 2, step[3] % 2 == 0));
            case 9 -> h.at(now, new SimEvent.DeleteOrphanedEnis(step[2] % 2 == 0
                    ? OptionalInt.empty() : OptionalInt.of(step[3] % 3)));
            default -> {
                int n = 1 + step[2] % 12;
                for (int i = 0; i < n; i++) {
                    h.invoke(f, (1 + step[3] % 300) * SEC);
                }
                h.advanceTo(now + (step[2] % 7) * 60 * SEC);
                return n;
            }
        }
        // let the action happen, then some time pass (sometimes past deletion or idle delays)
        long dt = step[3] % 9 == 0 ? 15 * 86_400 * SEC : (step[3] % 900) * SEC;
        h.advanceTo(now + dt);
        return 0;
    }
}
