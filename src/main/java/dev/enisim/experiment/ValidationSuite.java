package dev.enisim.experiment;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.Legacy;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.Scaling;
import dev.enisim.model.network.Cidr;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The simulator against theory (domain.md section 9): each case runs replications of a scenario built for it
 * and compares a simulated figure with its analytic value. A case passes when the theory lies in the 95%
 * confidence interval of the simulated mean widened on each side by the case's model-error allowance, a fraction of
 * the theory ({@link #ALLOWANCE}, 0.2%: what the theory leaves out, such as Erlang B's start from empty or the
 * invocations Little's law's run ends with, biases the mean by less); the exact cases allow nothing. The allowance
 * is far narrower than the intervals of the loose cases, so the interval is the test (a tolerance of 2% to 10%,
 * passing a case the interval missed, let a bias of many half-widths pass: a simulation expert's review).
 */
public final class ValidationSuite {

    /** One row of the table. */
    public record Case(String name, double theory, MetricStats simulated, double allowance, boolean passed) {
    }

    /**
     * The model-error allowance of every case with random figures, a fraction of the theory added to each side of
     * the 95% interval: larger than the biases the theories leave out, each under 0.1% over 3,000 s (Erlang B's
     * filling from empty, a few seconds' worth; Little's law's invocations still running at the end, about 0.01%;
     * the M/G/inf figures' numerical integration and their approximated variance of the run's own mean, 0.03%).
     */
    public static final double ALLOWANCE = 0.002;

    private static final long SEC = 1_000_000L;
    /** How long a Hyperplane ENI takes to create in every case's scenario: a new function is Pending that long. */
    private static final long ENI_CREATION_MICROS = SEC;
    private static final double INF = Double.POSITIVE_INFINITY;
    private final int replications;
    private final int threads;

    public ValidationSuite(int replications, int threads) {
        this.replications = replications;
        this.threads = threads;
    }

    /** Erlang B by the stable recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)). */
    public static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    public List<Case> run() {
        List<Case> out = new ArrayList<>();
        int[][] erlang = {{10, 5}, {20, 15}, {50, 50}, {100, 120}};
        for (int[] ca : erlang) {
            Scenario s = loss(ca[0], ca[1], 3000 * SEC);
            out.add(measure("Erlang B: throttled fraction, c=" + ca[0] + ", A=" + ca[1], erlangB(ca[0], ca[1]), ALLOWANCE,
                    s, r -> (double) r.invocations().throttled() / r.invocations().total()));
        }
        DistributionSpec.LogNormal d = new DistributionSpec.LogNormal(100_000, 1_000_000, INF);
        out.add(measure(String.format(java.util.Locale.ROOT, "Little's law: mean concurrency = 200/s x E[D]"
                + " (log-normal, mean %.1f ms)", d.mean() / 1000), 200 * d.mean() / 1e6,
                ALLOWANCE, function(noVpc(), d, 0, 200, 1000, 3000 * SEC),
                RunSummary::averageConcurrentExecutions));
        Scenario mg = function(vpc(), new DistributionSpec.Uniform(500_000, 1_500_000, INF), 3, 100, 1000, 3000 * SEC);
        // measured over the whole run, which starts empty: the function is Pending (its invocations fail) while its
        // ENI is created, then the occupancy builds up; the theory is that of this window and start, not the
        // stationary c lambda E[D] and c^2 lambda E[D] (EmptyStartMGInf; 300 and 900 once stationary)
        EmptyStartMGInf ramp = EmptyStartMGInf.uniform(100, 3, 0.5, 1.5, 3000, (double) ENI_CREATION_MICROS / SEC);
        out.add(measure("M/G/inf: mean connections = c lambda E[D] = 3 x 100 x 1 s, less the ramp from an empty"
                + " start", ramp.mean(), ALLOWANCE, mg, r -> r.eniKeys().get("s+[sg]").meanConnections()));
        out.add(measure("M/G/inf: variance of connections = c^2 lambda E[D] = 900, plus the ramp from an empty"
                + " start", ramp.variance(), ALLOWANCE, mg, r -> r.eniKeys().get("s+[sg]").connectionsVariance()));
        Scenario legacy = legacyScenario();
        out.add(formula("Legacy formula: peak ENIs = peak environments x 1536 MB / 3 GB (rounded up)", legacy,
                r -> Math.ceil(r.functions().get("f").peakEnvironments() * 1536.0 / Legacy.MEMORY_PER_ENI_MB),
                r -> r.enis().peak()));
        out.add(measure("Burst example: 10,000 requests at once against a 3,000 burst -> served", 3000, 0,
                burstScenario(), r -> r.invocations().succeeded()));
        // 10 x concurrency per second, counted over a 1 s window: one window's worth at once, then the rate, less
        // the last token, due at 10 s exactly as the arrivals stop (deterministic: no draw decides the count)
        out.add(measure("Request-rate cap: concurrency 10, 10,000 req/s of 0.5 ms for 10 s -> 10 x 10 x (10 + 1 s)"
                + " - 1 served", 1099, 0, rateCapScenario(), r -> r.invocations().succeeded()));
        return out;
    }

    /** The case passes when the theory lies in the 95% interval widened by {@code allowance} x |theory| each side. */
    private Case measure(String name, double theory, double allowance, Scenario s,
            ToDoubleFunction<RunSummary> figure) {
        List<RunResult> runs = Replications.run(s, replications, threads);
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = figure.applyAsDouble(runs.get(i).summary());
        }
        MetricStats m = MetricStats.of(v);
        return new Case(name, theory, m, allowance, passes(m, theory, allowance));
    }

    /** The rule: the theory inside the 95% interval widened by {@code allowance} x |theory| on each side. */
    static boolean passes(MetricStats m, double theory, double allowance) {
        double widen = allowance * Math.abs(theory);
        return m.ciLow() - widen <= theory && theory <= m.ciHigh() + widen;
    }

    /**
     * A formula of the run's own figures (the legacy rule sizes ENIs by the peak concurrency the run reached):
     * theory is the formula's mean over replications, and the case passes when it holds exactly in every one.
     */
    private Case formula(String name, Scenario s, ToDoubleFunction<RunSummary> theory,
            ToDoubleFunction<RunSummary> figure) {
        List<RunResult> runs = Replications.run(s, replications, threads);
        double[] t = new double[runs.size()];
        double[] v = new double[runs.size()];
        boolean exact = true;
        for (int i = 0; i < v.length; i++) {
            t[i] = theory.applyAsDouble(runs.get(i).summary());
            v[i] = figure.applyAsDouble(runs.get(i).summary());
            exact &= t[i] == v[i];
        }
        return new Case(name, MetricStats.of(t).mean(), MetricStats.of(v), 0, exact);
    }

    // ---- scenarios ------------------------------------------------------------------------------------------

    private static Scenario loss(int c, double a, long duration) {
        Scenario.Function f = fn(new DistributionSpec.Exponential(SEC, INF), new ArrivalSpec.Poisson(a, 0,
                Long.MAX_VALUE)).build();
        return scenario("erlang-b", c, List.of(), List.of(f), duration, NetworkModel.HYPERPLANE, Scenario.ScalingSpec.DEFAULT);
    }

    private static List<Scenario.Vpc> noVpc() {
        return List.of();
    }

    private static List<Scenario.Vpc> vpc() {
        return List.of(Scenario.Vpc.of("vpc", 500, List.of(new Scenario.Subnet("s", Cidr.parse("10.0.0.0/22"), "az",
                0)), List.of("sg")));
    }

    private static Scenario function(List<Scenario.Vpc> vpcs, DistributionSpec d, int connections, double rate,
            int limit, long duration) {
        Scenario.VpcConfig config = vpcs.isEmpty() ? Scenario.VpcConfig.NONE
                : new Scenario.VpcConfig(List.of("s"), List.of("sg"));
        Scenario.Function f = fn(d, new ArrivalSpec.Poisson(rate, 0, Long.MAX_VALUE)).vpcConfig(config)
                .connectionsPerInvocation(connections).build();
        return scenario("validation", limit, vpcs, List.of(f), duration, NetworkModel.HYPERPLANE,
                Scenario.ScalingSpec.DEFAULT);
    }

    private static Scenario legacyScenario() {
        Scenario.Function f = fn(new DistributionSpec.LogNormal(SEC, 4 * SEC, INF), new ArrivalSpec.Poisson(50, 0,
                Long.MAX_VALUE)).memoryMb(1536).vpcConfig(new Scenario.VpcConfig(List.of("s"), List.of("sg"))).build();
        return scenario("legacy-formula", 1000, vpc(), List.of(f), 1200 * SEC, NetworkModel.LEGACY,
                Scenario.ScalingSpec.DEFAULT);
    }

    private static Scenario burstScenario() {
        Scenario.Function f = fn(new DistributionSpec.Constant(30 * SEC), new ArrivalSpec.Constant(10_000, 0, SEC))
                .timeoutMicros(60 * SEC).build();
        Scenario.ScalingSpec burst = Scenario.ScalingSpec.DEFAULT.withScaling(new Scaling(Scaling.Model.LEGACY_BURST,
                1000, 10 * SEC, 3000, 500, 60 * SEC)).withKeepAlive(600 * SEC);
        return scenario("burst", 10_000, List.of(), List.of(f), 120 * SEC, NetworkModel.HYPERPLANE, burst);
    }

    private static Scenario rateCapScenario() {
        Scenario.Function f = fn(new DistributionSpec.Constant(500), new ArrivalSpec.Constant(10_000, 0, 10 * SEC))
                .timeoutMicros(60 * SEC).build();
        return scenario("rate-cap", 10, List.of(), List.of(f), 20 * SEC, NetworkModel.HYPERPLANE,
                Scenario.ScalingSpec.DEFAULT);
    }

    private static Scenario scenario(String name, int limit, List<Scenario.Vpc> vpcs, List<Scenario.Function> fns,
            long duration, NetworkModel model, Scenario.ScalingSpec scaling) {
        Scenario.Hyperplane hp = Scenario.Hyperplane.DEFAULT.withEniTimes(
                new DistributionSpec.Constant(ENI_CREATION_MICROS), new DistributionSpec.Constant(SEC), 65_000);
        return Scenario.builder(name, duration).seed(2024).account(Scenario.Account.DEFAULT.withConcurrency(limit, 0))
                .hyperplane(hp).source("validate-model").vpcs(vpcs).functions(fns).networkModel(model)
                .scaling(scaling).build();
    }

    /** Function "f": 900 s timeout, no connections, instant cold starts; the rest at the defaults. */
    private static Scenario.Function.Builder fn(DistributionSpec duration, ArrivalSpec arrivals) {
        return Scenario.Function.builder("f", duration, arrivals).timeoutMicros(900 * SEC).connectionsPerInvocation(0)
                .initDuration(Scenario.Function.NO_INIT);
    }
}
