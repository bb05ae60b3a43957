package dev.enisim.metrics;

/**
 * Time-weighted mean and variance of a level that changes at instants (in-flight invocations, connections):
 * the integrals of the level and of its square over time, from time 0.
 */
final class TimeAverage {

    private long current;
    private long lastMicros;
    private double area;
    private double squareArea;

    /** The level becomes {@code value} at {@code nowMicros}. */
    void update(long value, long nowMicros) {
        long dt = nowMicros - lastMicros;
        if (dt > 0) {
            area += (double) current * dt;
            squareArea += (double) current * current * dt;
            lastMicros = nowMicros;
        }
        current = value;
    }

    long current() {
        return current;
    }

    double mean(long endMicros) {
        return endMicros <= 0 ? 0 : area / endMicros;
    }

    double variance(long endMicros) {
        double m = mean(endMicros);
        return endMicros <= 0 ? 0 : Math.max(0, squareArea / endMicros - m * m);
    }
}
