package dev.enisim.metrics;

import dev.enisim.model.ScaleOutLimit;

/**
 * What refused an Active function's scale-outs, as the model recorded it: per function, per spell of its journal
 * (between two of its state changes, as its {@link JournalEntry.Kind#INVOCATIONS} entries count its invocations) and
 * per limit, how many of its invocations failed because that limit refused its key's new ENI, the first and the last
 * of them. Every invocation that fails with SubnetIPAddressLimitReachedException or ENILimitReachedException while
 * its function is Active is one of them (a refusal within the retry back-off, {@code hyperplane.eniRetryBackoff},
 * counted against the limit that refused the try before it). Times in microseconds.
 *
 * @param where the subnet's id ({@link ScaleOutLimit#SUBNET_IPS}), the VPC's id ({@link
 *              ScaleOutLimit#VPC_ENI_QUOTA}), the id of the account whose network interfaces per Region were used up
 *              ({@link ScaleOutLimit#REGION_NETWORK_INTERFACES}: the key's account, "" with one account)
 */
public record RefusedScaleOut(String function, ScaleOutLimit limit, String where, long count, long firstMicros,
        long lastMicros) {

    /** The Invoke error of the refused invocations: SubnetIPAddressLimitReachedException, ENILimitReachedException. */
    public String exception() {
        return limit.invokeError().exception();
    }

    /**
     * Whether these refusals are among the failures the journal's entry {@code e} counts: the same function and
     * exception, within its first and last failure (a function's spells do not overlap).
     */
    public boolean countedIn(JournalEntry e) {
        return e.kind() == JournalEntry.Kind.INVOCATIONS && function.equals(e.subject())
                && exception().equals(e.reason()) && firstMicros >= e.atMicros() && lastMicros <= e.lastMicros();
    }
}
