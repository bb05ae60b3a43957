package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeleteFunction's action says which of the keys the function leaves keep their ENIs because another function or
 * version still uses them (an ENI is the key's, not the function's): counted over everything the function holds, its
 * own binding, an update's new binding still attaching and its published versions, so a version of its own is not
 * "another" user, and only a key with an ENI in service is named. Through the model's actions (the narrative's
 * source), on the standard harness: ENIs ready 60 s after their creation, an update's attachment 5 s.
 */
class DeleteFunctionSaysWhichEnisStayTest {

    private static final List<String> SG = List.of("sg-a");

    private static void assertAction(WorldHarness h, String action) {
        assertTrue(h.seen.actions.contains(action), "no \"" + action + "\" in " + h.seen.actions);
    }

    @Test
    void aKeyAnotherFunctionUsesKeepsItsEniAndTheLastUserLeavesSilently() {
        WorldHarness h = WorldHarness.standard();
        int api = h.function("api", List.of("subnet-1"), SG);
        int worker = h.function("worker", List.of("subnet-1"), SG);
        h.create(api, 0);
        h.create(worker, 0);
        h.at(100 * SEC, new SimEvent.DeleteFunction(api));
        h.at(200 * SEC, new SimEvent.DeleteFunction(worker));
        h.advanceTo(300 * SEC);
        assertAction(h, "100s DeleteFunction api (the ENI of subnet-1+[sg-a] stays: another function or version uses"
                + " that key)");
        assertAction(h, "200s DeleteFunction worker");
    }

    @Test
    void twoKeysKeptAreNamedTogether() {
        WorldHarness h = WorldHarness.standard();
        int api = h.function("api", List.of("subnet-1", "subnet-2"), SG);
        int worker = h.function("worker", List.of("subnet-1", "subnet-2"), SG);
        h.create(api, 0);
        h.create(worker, 0);
        h.at(100 * SEC, new SimEvent.DeleteFunction(api));
        h.advanceTo(100 * SEC);
        assertAction(h, "100s DeleteFunction api (the ENIs of subnet-1+[sg-a], subnet-2+[sg-a] stay: other functions"
                + " or versions use those keys)");
    }

    @Test
    void itsOwnVersionsAreNotAnotherUserAndADeletedVersionHoldsNothing() {
        WorldHarness h = WorldHarness.standard();
        int api = h.function("api", List.of("subnet-1"), SG);
        int batch = h.function("batch", List.of("subnet-2"), SG);
        h.create(api, 0);
        h.create(batch, 0);
        h.at(100 * SEC, new SimEvent.PublishVersion(api)); // the function and its version: two users, both its own
        h.at(100 * SEC, new SimEvent.PublishVersion(batch));
        h.at(110 * SEC, new SimEvent.PublishVersion(batch));
        h.at(120 * SEC, new SimEvent.DeleteVersion(batch, 1)); // version 1 gone: versions [null, version 2]
        h.at(200 * SEC, new SimEvent.DeleteFunction(api));
        h.at(200 * SEC, new SimEvent.DeleteFunction(batch));
        h.advanceTo(200 * SEC);
        assertAction(h, "200s DeleteFunction api");
        assertAction(h, "200s DeleteFunction batch");
    }

    @Test
    void anUpdatesNewKeyStillAttachingCountsAsHeld() {
        WorldHarness h = WorldHarness.standard();
        int api = h.function("api", List.of("subnet-1"), SG);
        int worker = h.function("worker", List.of("subnet-2"), SG);
        h.create(api, 0);
        h.create(worker, 0);
        // api moves to worker's key: attaching to its ENI (in service) for 5 s, api holding both keys meanwhile
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(api, h.vpc(List.of("subnet-2"), SG)));
        h.at(102 * SEC, new SimEvent.DeleteFunction(api));
        h.advanceTo(102 * SEC);
        assertAction(h, "102s DeleteFunction api (the ENI of subnet-2+[sg-a] stays: another function or version uses"
                + " that key)");
    }

    @Test
    void aCreationStillAttachingHoldsItsKeyOnce() {
        WorldHarness h = WorldHarness.standard();
        int worker = h.function("worker", List.of("subnet-1"), SG);
        int api = h.function("api", List.of("subnet-1"), SG);
        h.create(worker, 0);
        h.create(api, 100 * SEC); // Pending: attaching to worker's ENI (in service) for 5 s, its key held once
        h.at(102 * SEC, new SimEvent.DeleteFunction(api));
        h.advanceTo(102 * SEC);
        assertAction(h, "102s DeleteFunction api (the ENI of subnet-1+[sg-a] stays: another function or version uses"
                + " that key)");
    }

    @Test
    void aSharedKeyWhoseEniIsStillBeingCreatedIsNotNamed() {
        WorldHarness h = WorldHarness.standard();
        int api = h.function("api", List.of("subnet-1"), SG);
        int worker = h.function("worker", List.of("subnet-1"), SG);
        h.create(api, 0);
        h.create(worker, 0);
        h.at(30 * SEC, new SimEvent.DeleteFunction(api)); // the key's ENI is Creating until 60 s
        h.advanceTo(30 * SEC);
        assertAction(h, "30s DeleteFunction api");
    }
}
