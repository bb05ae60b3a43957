package dev.enisim.model;

/**
 * How many idle execution environments an existing Active function has when the run starts ({@code existing:
 * Active}, {@code warmEnvironments: auto}): what a running account holds for the function's traffic at that moment,
 * so that a run of an imported account does not begin with every environment cold (a storm of cold starts and
 * throttles no real account sees). AWS documents nothing of it [assumed].
 *
 * <p>The figure is the expected number of environments a steady run of that traffic keeps under the keep-alive,
 * for Poisson arrivals at rate lambda, durations of mean E[D] (any distribution: M/G/infinity), keep-alive K.
 * The busy count N is Poisson with mean A = lambda E[D]; by PASTA an arrival finds N = k - 1 with probability
 * P(N = k - 1), so the occupancy climbs from k - 1 to k at rate lambda P(N = k - 1), about m P(N = k - 1) times a
 * keep-alive (m = lambda K arrivals). Under most-recently-used routing the k-th environment survives while the
 * occupancy has reached k within the last keep-alive: it was at k or more when the keep-alive began, or climbed to k
 * since. So it exists with probability about 1 - P(N < k) exp(-m P(N = k - 1)) (the start and the upcrossings
 * taken as independent, the upcrossings as a Poisson stream): about 1 for every level below the usual occupancy,
 * falling off above it; the pool's expected size is the sum over k. Check against enisim's own measurement
 * (scenarios/README, "What warm routing changes": 1/s of 2 s invocations, keep-alive 60 s, mean environments 6.29):
 * the sum gives 6.64, 5% above it (upcrossings come in clusters, which the sum does not discount), a slight excess
 * on the safe side for a run that must not start with a storm.
 *
 * <p>Levels up to the provisioned concurrency are served by provisioned environments, so they need no on-demand
 * one; the total is capped at the most the function can run at once.
 */
final class WarmStart {

    /** Below this a level's chance is nothing (and the sum stops, past the mode). */
    private static final double NEGLIGIBLE = 1e-12;

    private WarmStart() {
    }

    /**
     * The idle on-demand environments at time 0: the sum above, rounded to the nearest whole number.
     *
     * @param ratePerSecond     the function's arrival rate at time 0 (per second, >= 0)
     * @param meanSeconds       its mean invocation duration (seconds, >= 0; no init: a warm start has none)
     * @param keepAliveSeconds  the keep-alive (seconds, >= 0)
     * @param provisioned       its provisioned concurrency (levels it serves need no on-demand environment)
     * @param most              the most it can run at once (reserved concurrency, else the account's limit)
     */
    public static int environments(double ratePerSecond, double meanSeconds, double keepAliveSeconds,
            int provisioned, int most) {
        return (int) Math.round(expected(ratePerSecond, meanSeconds, keepAliveSeconds, provisioned, most));
    }

    /** The expected number itself (see the class comment), before rounding. */
    public static double expected(double ratePerSecond, double meanSeconds, double keepAliveSeconds, int provisioned,
            int most) {
        if (!(ratePerSecond > 0) || !(keepAliveSeconds > 0) || most <= provisioned) {
            return 0;
        }
        double a = ratePerSecond * Math.max(0, meanSeconds);
        double m = ratePerSecond * keepAliveSeconds;
        double logA = Math.log(a);
        double logP = -a; // log P(N = 0), kept in logs: exp(-A) underflows for A above about 745
        double below = 0; // P(N < k)
        double sum = 0;
        for (int k = 1; k <= most; k++) {
            int j = k - 1;
            if (j > 0) {
                logP += logA - Math.log(j);
            }
            double p = Math.exp(logP);
            below += p;
            double level = Math.max(0, 1 - Math.min(1, below) * Math.exp(-m * p));
            if (k > provisioned) {
                sum += level;
            }
            if (j >= a && level < NEGLIGIBLE) {
                break;
            }
        }
        return sum;
    }
}
