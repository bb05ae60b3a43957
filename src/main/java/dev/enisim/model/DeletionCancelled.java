package dev.enisim.model;

import dev.enisim.model.eni.EniId;

/**
 * An ENI being deleted (its key had no user left) that a new user of its key took back before the deletion
 * finished, cancelling it: what Lambda does is undocumented, this is {@code hyperplane.reuseDeletingEni: true}
 * [assumed]; or an ENI whose key lost its users while it was being created that a new user of the key took back
 * before its deletion began (it is simply kept). The teardown that requested the deletion ({@link Teardown}, same ENI
 * and {@code requestedMicros}) never finishes because of it.
 *
 * @param requestedMicros when the cancelled deletion had been requested (for an ENI released while it was being
 *                        created: when it was released, the teardown's request)
 * @param cancelledMicros when the new user took the ENI back
 * @param function        the index of the function that took it back
 */
public record DeletionCancelled(EniId eni, long requestedMicros, long cancelledMicros, int function) {
}
