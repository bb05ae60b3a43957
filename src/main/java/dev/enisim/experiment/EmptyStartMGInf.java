package dev.enisim.experiment;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Connections of an M/G/inf system that starts empty at time 0, observed over the run's window [0, T], as the run
 * measures them: Poisson arrivals at rate {@code lambda}, each holding {@code c} connections for a duration D of
 * survival S(u) = P(D > u). The stationary figures (mean c lambda E[D], variance c^2 lambda E[D]) hold only once
 * the occupancy has built up; from an empty start the number in system at t is c times a Poisson count of mean
 * lambda g(t), with g(t) = the integral of S from 0 to t (E[D] once t passes D's largest value), and the counts at
 * s &lt; t have covariance lambda (g(t) - g(t - s)) (the arrivals of [0, s] still there at t).
 *
 * <p>With d(t) = E[D] - g(t) = the integral of S from t on (the ramp's deficit, 0 once t passes D's largest value):
 * <ul>
 * <li>the time average's expectation: c lambda gBar, gBar = (1/T) integral_0^T g = E[D] - D1 / T, where
 *     D1 = integral_0^T d(t) dt = integral_0^inf S(u) min(u, T) du;</li>
 * <li>the time variance's expectation, (1/T) integral N^2 - ((1/T) integral N)^2 as {@code KeyConnections.variance}
 *     computes it: E[(1/T) integral N^2] = (1/T) integral c^2 (lambda g + lambda^2 g^2), less E[Nbar^2] = (c lambda
 *     gBar)^2 + Var(Nbar), which gives
 *     c^2 lambda gBar + c^2 lambda^2 (D2 / T - (D1 / T)^2) - 2 c^2 lambda D3 / T^2, where
 *     D2 = integral_0^T d(t)^2 dt (the ramp's spread about the run's mean, written with d so that nothing cancels) and
 *     Var(Nbar) = (2 c^2 lambda / T^2) integral_0^T (t g(t) - integral_0^t g) dt = 2 c^2 lambda D3 / T^2,
 *     D3 = integral_0^T (T - u) u S(u) du (the time average's own variance: the run's mean is estimated from the
 *     same path, so the measured variance falls short of the path's by it; about c^2 lambda E[D^2] / T).</li>
 * </ul>
 * For a constant duration s (T &gt; s): the mean is c lambda s (1 - s / (2T)) and the variance
 * c^2 [lambda s - 3 lambda s^2 / (2T) + 2 lambda s^3 / (3T^2) + lambda^2 s^3 / (3T) - lambda^2 s^4 / (4T^2)].
 *
 * <p>The integrals are computed numerically (Commons Math's iterative Legendre-Gauss rule, relative accuracy
 * 1e-13) piece by piece between the given breakpoints, where S is smooth: for S linear on each piece (constant and
 * uniform durations) the rule is exact up to rounding, d being quadratic and d^2 quartic there.
 */
public final class EmptyStartMGInf {

    private static final int MAX_EVALUATIONS = 1_000_000;
    private final double lambda;
    private final int connections;
    private final DoubleUnaryOperator survival;
    private final double[] breakpoints;
    private final double window;
    private final double start;

    /**
     * An M/G/inf system from an empty start over [0, {@code window}].
     *
     * @param lambda      arrivals per unit of time
     * @param connections connections held by each arrival (c)
     * @param survival    S(u) = P(D &gt; u), smooth between consecutive breakpoints, 0 from the last on
     * @param breakpoints increasing points above 0 where S may bend or jump; the last is D's largest value
     * @param window      T, the run's length (the same unit as the durations)
     * @param start       when the system opens, empty (0 &lt;= start &lt; window): before it, no connections
     */
    public EmptyStartMGInf(double lambda, int connections, DoubleUnaryOperator survival, double[] breakpoints,
            double window, double start) {
        if (breakpoints.length == 0 || breakpoints[0] <= 0 || !(start >= 0 && start < window)) {
            throw new IllegalArgumentException("breakpoints above 0 (the last the largest duration) and"
                    + " 0 <= start < window");
        }
        for (int i = 1; i < breakpoints.length; i++) {
            if (breakpoints[i] <= breakpoints[i - 1]) {
                throw new IllegalArgumentException("breakpoints must increase: " + Arrays.toString(breakpoints));
            }
        }
        this.lambda = lambda;
        this.connections = connections;
        this.survival = survival;
        this.breakpoints = breakpoints.clone();
        this.window = window;
        this.start = start;
    }

    /** Durations uniform on [low, high] (0 &lt;= low &lt; high). */
    public static EmptyStartMGInf uniform(double lambda, int connections, double low, double high, double window,
            double start) {
        DoubleUnaryOperator s = u -> u < low ? 1 : u < high ? (high - u) / (high - low) : 0;
        return new EmptyStartMGInf(lambda, connections, s, low > 0 ? new double[] {low, high} : new double[] {high},
                window, start);
    }

    /** A constant duration {@code s}. */
    public static EmptyStartMGInf constant(double lambda, int connections, double s, double window, double start) {
        return new EmptyStartMGInf(lambda, connections, u -> u < s ? 1 : 0, new double[] {s}, window, start);
    }

    /** The expected time average of the connections over [0, T]. */
    public double mean() {
        return connections * lambda * gBar();
    }

    /** The expected time variance of the connections over [0, T] as the run measures it (about its own mean). */
    public double variance() {
        double t = window;
        double open = window - start;
        double meanDuration = integral(survival, Double.POSITIVE_INFINITY);
        double d1 = d1();
        double d2 = start * meanDuration * meanDuration + integral(u -> {
            double d = deficit(u);
            return d * d;
        }, open);
        double d3 = integral(u -> (open - u) * u * survival.applyAsDouble(u), open);
        double c2 = (double) connections * connections;
        return c2 * lambda * gBar() + c2 * lambda * lambda * (d2 / t - (d1 / t) * (d1 / t))
                - 2 * c2 * lambda * d3 / (t * t);
    }

    /** (1/T) integral_0^T g (g = 0 before the start): E[D] - D1 / T. */
    private double gBar() {
        return integral(survival, Double.POSITIVE_INFINITY) - d1() / window;
    }

    /** D1: the deficit's integral over [0, T], E[D] for each unit of time before the start. */
    private double d1() {
        double open = window - start;
        return start * integral(survival, Double.POSITIVE_INFINITY)
                + integral(u -> survival.applyAsDouble(u) * Math.min(u, open), Double.POSITIVE_INFINITY);
    }

    /** d(t): the integral of S from t to the largest duration. */
    private double deficit(double from) {
        double sum = 0;
        double lo = from;
        for (double b : breakpoints) {
            if (b > lo) {
                sum += piece(survival, lo, b);
                lo = b;
            }
        }
        return sum;
    }

    /**
     * The integral of {@code f} over [0, min(upTo, largest duration)], piece by piece between the breakpoints and
     * the open span T - start (where min(u, T - start) bends).
     */
    private double integral(DoubleUnaryOperator f, double upTo) {
        double end = Math.min(upTo, breakpoints[breakpoints.length - 1]);
        double sum = 0;
        double lo = 0;
        double[] cuts = Arrays.copyOf(breakpoints, breakpoints.length + 1);
        cuts[breakpoints.length] = window - start;
        Arrays.sort(cuts);
        for (double b : cuts) {
            double hi = Math.min(b, end);
            if (hi > lo) {
                sum += piece(f, lo, hi);
                lo = hi;
            }
        }
        return sum;
    }

    private static double piece(DoubleUnaryOperator f, double lo, double hi) {
        UnivariateFunction g = f::applyAsDouble;
        return new IterativeLegendreGaussIntegrator(5, 1e-13, 1e-300).integrate(MAX_EVALUATIONS, g, lo, hi);
    }

    @Override
    public String toString() {
        return "EmptyStartMGInf[lambda=" + lambda + ", connections=" + connections + ", breakpoints="
                + Arrays.toString(breakpoints) + ", window=" + window + ", start=" + start + "]";
    }
}
