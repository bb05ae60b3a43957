package dev.enisim.report.chart;

/**
 * Reduces a long series to at most {@code target} points for a chart, by merging runs of consecutive buckets:
 * counts are summed, levels keep their maximum (or minimum), so peaks and troughs survive downsampling. Pure
 * functions.
 */
public final class Downsample {

    /** How buckets merge. */
    public enum Mode {
        SUM, MAX, MIN;

        /** How a metric's buckets merge: sums add up, maxima and minima keep their extreme. */
        public static Mode of(dev.enisim.metrics.Metric m) {
            return switch (m.statistic()) {
                case "Sum" -> SUM;
                case "Minimum" -> MIN;
                default -> MAX;
            };
        }
    }

    private Downsample() {
    }

    /** How many buckets merge into one point so that {@code n} buckets make at most {@code target} points. */
    public static int factor(int n, int target) {
        if (target < 1) {
            throw new IllegalArgumentException("target must be >= 1: " + target);
        }
        return Math.max(1, (n + target - 1) / target);
    }

    /**
     * Merges groups of {@code factor} buckets. Negative values mean "no data" (e.g. no latency in the bucket):
     * they are skipped, and a group with no data is -1.
     */
    public static long[] merge(long[] values, int factor, Mode mode) {
        int n = (values.length + factor - 1) / factor;
        long[] out = new long[n];
        for (int g = 0; g < n; g++) {
            long acc = -1;
            for (int i = g * factor; i < Math.min(values.length, (g + 1) * factor); i++) {
                long v = values[i];
                if (v < 0) {
                    continue;
                }
                if (acc < 0) {
                    acc = v;
                } else {
                    acc = switch (mode) {
                        case SUM -> acc + v;
                        case MAX -> Math.max(acc, v);
                        case MIN -> Math.min(acc, v);
                    };
                }
            }
            out[g] = mode == Mode.SUM && acc < 0 ? 0 : acc;
        }
        return out;
    }
}
