package dev.enisim.metrics;

import dev.enisim.scenario.PriceTable;

/**
 * A function's cost at a price table, from its billable usage: list prices, the first duration tier, no free
 * tier (tiers and the free tier apply to an account's monthly totals, not to one run). Hyperplane ENIs are free
 * [doc: "There's no additional charge for using a VPC or a Hyperplane ENI"]. NAT gateways ({@link #natGateway}):
 * each declared gateway's hours over the run; the per-GB charge is not estimated (the model carries connections,
 * not bytes).
 */
public final class CostEstimate {

    private static final double GB_PER_MB = 1.0 / 1024;
    /** Provisioned concurrency is billed rounded up to five minutes [doc]. */
    private static final double PROVISIONED_ROUNDING_SECONDS = 300;

    private CostEstimate() {
    }

    /**
     * @param memoryMb           the function's memory
     * @param architecture       {@code x86_64} or {@code arm64}
     * @param provisionedSeconds provisioned environment-seconds over the run (allocated time)
     */
    public static RunSummary.Cost function(PriceTable p, int memoryMb, String architecture,
            Executions.Usage u, double provisionedSeconds) {
        PriceTable.Rates r = p.rates(architecture);
        double gb = memoryMb * GB_PER_MB;
        double requests = u.requests() * p.perMillionRequests() / 1e6;
        double duration = gb * u.onDemandMillis() / 1000.0 * r.perGbSecond();
        double init = p.billInit() ? gb * u.initMillis() / 1000.0 * r.perGbSecond() : 0;
        double allocated = provisionedSeconds <= 0 ? 0
                : Math.ceil(provisionedSeconds / PROVISIONED_ROUNDING_SECONDS - 1e-9) * PROVISIONED_ROUNDING_SECONDS;
        double provisioned = gb * allocated * r.provisionedPerGbSecond();
        double provisionedDuration = gb * u.provisionedMillis() / 1000.0 * r.provisionedDurationPerGbSecond();
        return cost(p, requests, duration, init, provisioned, provisionedDuration, 0);
    }

    /**
     * What keep-warm pings every {@code intervalSeconds} cost in 30 days: each a billed request running 1 ms
     * [assumed: a ping returns at once] on a warm environment.
     */
    public static double keepWarmPerMonth(PriceTable p, int memoryMb, String architecture, double intervalSeconds) {
        double pings = Math.ceil(30 * 86_400 / intervalSeconds);
        return pings * (p.perMillionRequests() / 1e6 + memoryMb * GB_PER_MB * 0.001
                * p.rates(architecture).perGbSecond());
    }

    /**
     * NAT gateway cost: hours each gateway exists and GB it processes. The hook for a NAT model: nothing calls it
     * with a gateway yet.
     */
    public static double natGateway(PriceTable p, double gatewayHours, double gbProcessed) {
        return gatewayHours * p.natGatewayPerHour() + gbProcessed * p.natGatewayPerGb();
    }

    /** The sum of the functions' costs plus the account's NAT gateways. */
    public static RunSummary.Cost total(PriceTable p, Iterable<RunSummary.Cost> functions, double natGateway) {
        double requests = 0;
        double duration = 0;
        double init = 0;
        double provisioned = 0;
        double provisionedDuration = 0;
        for (RunSummary.Cost c : functions) {
            requests += c.requests();
            duration += c.duration();
            init += c.init();
            provisioned += c.provisioned();
            provisionedDuration += c.provisionedDuration();
        }
        return cost(p, requests, duration, init, provisioned, provisionedDuration, natGateway);
    }

    private static RunSummary.Cost cost(PriceTable p, double requests, double duration, double init,
            double provisioned, double provisionedDuration, double nat) {
        return new RunSummary.Cost(p.region(), p.date(), requests, duration, init, provisioned,
                provisionedDuration, nat, requests + duration + init + provisioned + provisionedDuration + nat);
    }
}
