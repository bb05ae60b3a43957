package dev.enisim.model;

import java.util.Optional;

/**
 * Which idle on-demand execution environment a warm invocation takes [assumed: AWS does not document it; AWS says
 * only that Lambda "may reuse" an environment it keeps for "a non-deterministic period of time"]. Provisioned
 * environments are always taken first. Under every policy keep-alive expiry removes the environment idle longest.
 */
public enum WarmRouting {
    /** The environment that went idle last (the FaaS literature's rule, SimFaaS's): the default. O(1). */
    MOST_RECENTLY_USED("mostRecentlyUsed"),
    /** The environment created last (so older ones age out). O(idle environments) per warm start. */
    NEWEST("newest"),
    /** Any idle environment, uniformly at random. O(idle environments) per warm start. */
    RANDOM("random");

    private final String label;

    WarmRouting(String label) {
        this.label = label;
    }

    /** The scenario's name for the policy. */
    public String label() {
        return label;
    }

    /** The policy named {@code label}; empty when there is none. */
    public static Optional<WarmRouting> of(String label) {
        for (WarmRouting r : values()) {
            if (r.label.equals(label)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
