package dev.enisim.model;

import java.util.Arrays;

/** Owns how fast new execution environments may be added: per-function token buckets, or the account burst. */
final class ScalingRate {

    private final Scaling scaling;
    private TokenBucket[] buckets = new TokenBucket[0];
    private long episodeStartMicros;

    ScalingRate(Scaling scaling) {
        this.scaling = scaling;
    }

    /**
     * Makes the per-function buckets of functions 0 to {@code functions - 1} (under the per-function rule), full, as
     * a function's first cold start would find its bucket: called once the world's functions are all added
     * ({@link Admission#functionsAdded}), so that {@link #tryScale} never makes one in a built world. A branch that
     * only each run's first cold starts take would throw C2's compiled arrival code away at the start of every
     * later run in the same JVM (its profile, gathered after those first cold starts, never saw it taken).
     */
    void addBuckets(int functions) {
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

    /** The rule allows one more new environment for function {@code f} (and takes it); the account holds {@code environments}. */
    boolean tryScale(int f, int environments, long now) {
        if (scaling.model() == Scaling.Model.PER_FUNCTION) {
            if (f >= buckets.length) { // never in a built world (addBuckets)
                buckets = Arrays.copyOf(buckets, Math.max(f + 1, 2 * buckets.length));
            }
            TokenBucket b = buckets[f];
            if (b == null) { // never in a built world (addBuckets)
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
