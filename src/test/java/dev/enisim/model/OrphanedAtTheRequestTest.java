package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A deletion Lambda cannot carry out is not told as one. The releasing role already without its EC2 permissions:
 * the ENI goes from InUse straight to Orphaned at the deletion request (it was Deleting for the whole deletion delay,
 * 600 s here, until round 2's thirty-third pass: a deletion that never ran). The role losing them while the deletion
 * runs: Deleting until the deletion's end, Orphaned then. README, "Lifecycle" and the assumptions' "ENI deletion
 * without the role's EC2 permissions".
 */
class OrphanedAtTheRequestTest {

    private static List<String> eniLog(WorldHarness h) {
        return h.log.stream().filter(l -> l.contains(" eni-0001 ")).toList();
    }

    @Test
    void aRoleWithoutPermissionsAtTheRequestOrphansTheEniAtOnce() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(100 * SEC, new SimEvent.SetRolePermissions(0, false, true));
        h.at(200 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(200 * SEC);
        assertEquals(EniState.Orphaned, h.eni(1).state(), "orphaned at the request, not Deleting");
        assertEquals(OptionalLong.of(200 * SEC), h.eni(1).deletionRequestedMicros());
        assertEquals(OptionalLong.of(200 * SEC), h.eni(1).orphanedMicros());
        assertFalse(eniLog(h).stream().anyMatch(l -> l.endsWith(" Deleting")), "no Deleting phase: " + eniLog(h));
        assertTrue(eniLog(h).contains("200s eni-0001 Orphaned"), eniLog(h).toString());
        assertEquals(7, h.world().snapshot().subnets().get(0).availableIps(), "it keeps its IP");
        h.at(300 * SEC, new SimEvent.SetRolePermissions(0, true, false));
        h.advanceTo(2000 * SEC);
        assertEquals(EniState.Orphaned, h.eni(1).state(), "Lambda does not try again when the role is granted again");
    }

    @Test
    void aRoleThatLosesItsPermissionsDuringTheDeletionOrphansTheEniAtItsEnd() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(100 * SEC, new SimEvent.DeleteFunction(f));
        h.at(200 * SEC, new SimEvent.SetRolePermissions(0, false, true));
        h.advanceTo(699 * SEC);
        assertEquals(EniState.Deleting, h.eni(1).state(), "the deletion ran: the role had its permissions");
        h.advanceTo(700 * SEC);
        assertEquals(EniState.Orphaned, h.eni(1).state(), "its end failed");
        assertEquals(OptionalLong.of(100 * SEC), h.eni(1).deletionRequestedMicros());
        assertEquals(OptionalLong.of(700 * SEC), h.eni(1).orphanedMicros());
        assertEquals(List.of("0s eni-0001 Creating", "60s eni-0001 InUse", "100s eni-0001 Deleting",
                "700s eni-0001 Orphaned"), eniLog(h));
    }

    /**
     * An invocation still running at the request holds its connection on the ENI: the ENI is Deleting only until it
     * ends (no deletion delay: Lambda's deletion has already failed), then orphaned, whatever the role has by then.
     */
    @Test
    void anInvocationInFlightAtTheRequestKeepsTheEniDeletingOnlyUntilItEnds() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(100 * SEC, new SimEvent.SetRolePermissions(0, false, true));
        h.advanceTo(190 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 50 * SEC));
        h.at(200 * SEC, new SimEvent.DeleteFunction(f));
        h.at(210 * SEC, new SimEvent.SetRolePermissions(0, true, false));
        h.advanceTo(239 * SEC);
        assertEquals(EniState.Deleting, h.eni(1).state(), "the invocation that started before the release runs on");
        h.advanceTo(241 * SEC);
        assertEquals(EniState.Orphaned, h.eni(1).state(), "orphaned once it ended, the role's grant too late");
        assertEquals(OptionalLong.of(200 * SEC), h.eni(1).deletionRequestedMicros());
        assertEquals(List.of("0s eni-0001 Creating", "60s eni-0001 InUse", "200s eni-0001 Deleting",
                "240s eni-0001 Orphaned"), eniLog(h), "orphaned at the instant the invocation ends (240 s)");
        h.advanceTo(2000 * SEC);
        assertEquals(EniState.Orphaned, h.eni(1).state());
    }
}
