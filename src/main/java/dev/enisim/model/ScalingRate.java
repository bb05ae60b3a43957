package dev.enisim.model;

import java.util.Arrays;

/** Owns how fast new execution environments may be added: per-function token buckets, or the account burst. */
final class ScalingRate {

    private final Scaling scaling;
    private TokenBucket[] buckets = new TokenBucket[0];
    private long episodeStartMicros;

    private int lateBuckets;                          // buckets made by a cold start, not by setUp (tests)

    ScalingRate(Scaling scaling) {
        this.scaling = scaling;
    }

    /**
     * Makes the buckets of functions 0 to {@code functions - 1} (per-function scaling): a built world's, so that
     * {@link #tryScale} never makes one. A bucket made now is the one a first cold start made (full, refilled from
     * time 0: the same tokens at that start); made there, it was a branch taken only in a world's first moments,
     * an uncommon trap of the compiled cold start in every new world (as {@link RequestRate#setUp}).
     */
    void setUp(int functions) {
        if (scaling.model() != Scaling.Model.PER_FUNCTION) {
            return;
        }
        if (functions > buckets.length) {
            buckets = Arrays.copyOf(buckets, functions);
        }
        for (int f = 0; f < functions; f++) {
            if (buckets[f] == null) {
                buckets[f] = bucket();
            }
        }
    }

    private TokenBucket bucket() {
        return new TokenBucket(scaling.newEnvironments(), scaling.newEnvironments() * 1e6 / scaling.periodMicros());
    }

    /** How many buckets a cold start made ({@link #setUp}; tests). */
    int lateBuckets() {
        return lateBuckets;
    }

    /** The rule allows one more new environment for function {@code f} (and takes it); the account holds {@code environments}. */
    boolean tryScale(int f, int environments, long now) {
        if (scaling.model() == Scaling.Model.PER_FUNCTION) {
            if (f >= buckets.length) {
                buckets = Arrays.copyOf(buckets, Math.max(f + 1, 2 * buckets.length));
            }
            TokenBucket b = buckets[f];
            if (b == null) {
                lateBuckets++;
                b = bucket();
                buckets[f] = b;
            }
            return b.tryTake(now);
        }
        if (environments == 0) {
            episodeStartMicros = now;
        }
        return environments < scaling.burstCap(now - episodeStartMicros);
    }
}
