package dev.enisim.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Lambda's waits after a failed ENI creation ({@code hyperplane.eniRetryBackoff}, 5 min [doc-old]) and whose each one
 * is. A failure for the execution role's EC2 permissions is that role's on the key: domain.md's
 * InsufficientRolePermissions is about the function's own role, and the permissions are needed only to create ENIs,
 * so a function of another role on the same key tries at once. A failure for lack of IPs or quota (or EC2's request
 * rate) is the whole key's ({@code hyperplane.eniRetryBackoffScope: key}, the default), or only the function's it
 * failed for ({@code function}) [assumed: AWS documents the wait, not whom it holds].
 */
final class EniBackOffs {

    /**
     * A failed ENI creation Lambda waits out before trying again.
     *
     * @param limit what refused it, for a failure for lack of IPs or quota (else null)
     * @param role  the execution role it failed for, when the failure was its permissions (else null)
     */
    record BackOff(EniFailure why, ScaleOutLimit limit, long failedAtMicros, long retryAtMicros, String role) {
    }

    /** Whose a back-off is, when not the whole key's: a role's ({@code function} -1) or a function's (role null). */
    private record Owner(int key, String role, int function) {
    }

    private final long backOffMicros;
    private final boolean perKey;
    private BackOff[] keys = new BackOff[8]; // per key: its last failure, until a creation works (scope key)
    /** Back-offs that are not a whole key's, while they run: a role's on a key, a function's (scope function). */
    private final Map<Owner, BackOff> owned = new HashMap<>();

    /**
     * @param backOffMicros how long Lambda waits after a failure
     * @param perKey        a failure for lack of IPs or quota holds the whole key (else only its function)
     */
    EniBackOffs(long backOffMicros, boolean perKey) {
        this.backOffMicros = backOffMicros;
        this.perKey = perKey;
    }

    /**
     * The back-off that holds a creation for {@code key} by {@code function} with {@code role} now, or null when
     * Lambda may try: the key's, the role's on that key, or the function's own on it.
     */
    BackOff holding(int key, int function, String role, long now) {
        BackOff b = key < keys.length ? keys[key] : null;
        if (b != null && now < b.retryAtMicros()) {
            return b;
        }
        if (owned.isEmpty()) {
            return null;
        }
        b = running(new Owner(key, role, -1), now);
        return b != null || perKey ? b : running(new Owner(key, null, function), now);
    }

    /** The owner's back-off if it still runs; one that has passed is forgotten. */
    private BackOff running(Owner owner, long now) {
        BackOff b = owned.get(owner);
        if (b != null && now >= b.retryAtMicros()) {
            owned.remove(owner);
            return null;
        }
        return b;
    }

    /**
     * A creation for the key by {@code function} with {@code role} failed for {@code why} ({@code limit}: what refused
     * it, for a lack of IPs or quota): Lambda will not try again, for whom the back-off holds, before it has passed.
     */
    BackOff failed(int key, int function, String role, EniFailure why, ScaleOutLimit limit, long now) {
        boolean permissions = why == EniFailure.ROLE_PERMISSIONS;
        BackOff b = new BackOff(why, why == EniFailure.SUBNET_OUT_OF_IPS || why == EniFailure.ENI_LIMIT ? limit : null,
                now, now + backOffMicros, permissions ? role : null);
        if (permissions) {
            owned.put(new Owner(key, role, -1), b);
        } else if (perKey) {
            if (key >= keys.length) {
                keys = Arrays.copyOf(keys, Math.max(2 * keys.length, key + 1));
            }
            keys[key] = b;
        } else {
            owned.put(new Owner(key, null, function), b);
        }
        return b;
    }

    /**
     * The key made an ENI: its last failure for lack of IPs or quota is over, for everyone (a role's back-off, its
     * permissions, runs on).
     */
    void created(int key) {
        if (key < keys.length) {
            keys[key] = null;
        }
        if (!perKey && !owned.isEmpty()) {
            owned.keySet().removeIf(o -> o.key() == key && o.role() == null);
        }
    }

    /**
     * A function was deleted: its own back-offs (scope {@code function}) go with it, as AWS's way out of a failed
     * creation is to delete the function and create it again.
     */
    void deleted(int function) {
        if (!perKey && !owned.isEmpty()) {
            owned.keySet().removeIf(o -> o.function() == function);
        }
    }
}
