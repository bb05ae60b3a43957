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

    /** The rule allows one more new environment for function {@code f} (and takes it); the account holds {@code environments}. */
    boolean tryScale(int f, int environments, long now) {
        if (scaling.model() == Scaling.Model.PER_FUNCTION) {
            if (f >= buckets.length) {
                buckets = Arrays.copyOf(buckets, Math.max(f + 1, 2 * buckets.length));
            }
            TokenBucket b = buckets[f];
            if (b == null) {
                b = new TokenBucket(scaling.newEnvironments(), scaling.newEnvironments() * 1e6 / scaling.periodMicros());
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
