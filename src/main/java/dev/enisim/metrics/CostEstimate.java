package dev.enisim.metrics;

import dev.enisim.scenario.PriceTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A function's cost at a price table, from its billable usage: list prices, the first duration tier, no free
 * tier (tiers and the free tier apply to an account's monthly totals, not to one run). Hyperplane ENIs are free
 * [doc: "There's no additional charge for using a VPC or a Hyperplane ENI"]. NAT gateways ({@link #natGateway}):
 * each declared gateway's started hours over the run ({@link #natGatewayHours}); the per-GB charge is not estimated (the model carries connections,
 * not bytes).
 */
public final class CostEstimate {

    private static final double GB_PER_MB = 1.0 / 1024;
    /**
     * Provisioned concurrency is billed "from the time you enable it on your function until it is disabled, rounded
     * up to the nearest 5 minutes" [doc: aws.amazon.com/lambda/pricing]: per spell, not per run.
     */
    private static final long PROVISIONED_ROUNDING_MICROS = 300_000_000L;

    private CostEstimate() {
    }

    /**
     * A function's cost. Its provisioned concurrency is billed per spell ({@link ProvisionedRecorder#spells}), as AWS
     * bills it: the concurrency configured (not what was allocated: the allocation takes "a minute or two" and is
     * billed all the same) times the function's memory times the spell's time, the spell rounded up to five
     * minutes. Two spells of a minute are two five-minute periods, not one.
     *
     * <p>A figure changed within a spell [assumed: AWS's pricing page is silent on it] prices each segment at its
     * own figure for its own time, and the spell's rounding (the time from its end up to the next five minutes) at
     * the figure in force when it ended, so the time billed is the spell's, rounded once (its "enable" to its
     * "disable"), never each segment rounded on its own: 7 min at 10 then 7 min at 20 is billed 7 x 10 + 8 x 20
     * concurrency-minutes (15 minutes), not 10 x 10 + 10 x 20 (20 minutes for a 14-minute spell).
     *
     * @param memoryMb     the function's memory
     * @param architecture {@code x86_64} or {@code arm64}
     * @param spells       its provisioned-concurrency spells over the run (none without it)
     */
    public static RunSummary.Cost function(PriceTable p, int memoryMb, String architecture,
            Executions.Usage u, List<ProvisionedRecorder.Spell> spells) {
        PriceTable.Rates r = p.rates(architecture);
        double gb = memoryMb * GB_PER_MB;
        double requests = u.requests() * p.perMillionRequests() / 1e6;
        double duration = gb * u.onDemandMillis() / 1000.0 * r.perGbSecond();
        double init = p.billInit() ? gb * u.initMillis() / 1000.0 * r.perGbSecond() : 0;
        double provisioned = 0;
        List<RunSummary.Cost.Spell> billed = spells.isEmpty() ? null : new ArrayList<>(spells.size());
        for (ProvisionedRecorder.Spell s : spells) {
            RunSummary.Cost.Spell b = spell(s, gb * r.provisionedPerGbSecond());
            provisioned += b.cost();
            billed.add(b);
        }
        double provisionedDuration = gb * u.provisionedMillis() / 1000.0 * r.provisionedDurationPerGbSecond();
        return new RunSummary.Cost(p.region(), p.date(), requests, duration, init, provisioned,
                provisionedDuration, 0, requests + duration + init + provisioned + provisionedDuration, billed);
    }

    /** A spell as billed, at {@code perSecond} dollars per unit of concurrency and second. */
    private static RunSummary.Cost.Spell spell(ProvisionedRecorder.Spell s, double perSecond) {
        List<ProvisionedRecorder.Segment> segs = s.segments();
        long length = s.toMicros() - s.fromMicros();
        long periods = (length + PROVISIONED_ROUNDING_MICROS - 1) / PROVISIONED_ROUNDING_MICROS;
        long billedMicros = periods * PROVISIONED_ROUNDING_MICROS;
        double concurrencyMicros = 0;
        List<RunSummary.Cost.Figure> figures = new ArrayList<>(segs.size());
        for (int i = 0; i < segs.size(); i++) {
            ProvisionedRecorder.Segment g = segs.get(i);
            long end = i + 1 < segs.size() ? segs.get(i + 1).fromMicros() : s.toMicros();
            concurrencyMicros += (double) g.concurrency() * (end - g.fromMicros());
            figures.add(new RunSummary.Cost.Figure(Seconds.of(g.fromMicros()), g.concurrency()));
        }
        concurrencyMicros += (double) segs.get(segs.size() - 1).concurrency() * (billedMicros - length);
        return new RunSummary.Cost.Spell(Seconds.of(s.fromMicros()),
                Seconds.of(s.toMicros()), s.enabledAtEnd() ? Boolean.TRUE : null, figures,
                billedMicros / 60_000_000L, concurrencyMicros / 1e6 * perSecond);
    }

    /**
     * What keep-warm pings every {@code intervalSeconds} cost in 30 days on a warm environment: each a billed
     * request running 1 ms [assumed: a ping returns at once]. See the other overload for pings after a keep-alive.
     */
    public static double keepWarmPerMonth(PriceTable p, int memoryMb, String architecture, double intervalSeconds) {
        return keepWarmPerMonth(p, memoryMb, architecture, intervalSeconds, Double.POSITIVE_INFINITY, 0);
    }

    /**
     * What keep-warm pings every {@code intervalSeconds} cost in 30 days: each a billed request running 1 ms
     * [assumed: a ping returns at once]; a ping after an idle longer than the keep-alive ({@code keepAliveSeconds},
     * {@code scaling.keepAlive}) finds no environment and is a cold start ({@link #keepWarmPingIsCold}), whose INIT
     * ({@code initSeconds}, the function's mean init time) is billed at the duration rate when the table bills it
     * ({@code billInit}). A ping every 7 days under a 10-minute keep-alive is always one: priced as a warm 1 ms
     * request it was about 30 times too low (a FinOps review).
     */
    public static double keepWarmPerMonth(PriceTable p, int memoryMb, String architecture, double intervalSeconds,
            double keepAliveSeconds, double initSeconds) {
        double pings = Math.ceil(30 * 86_400 / intervalSeconds);
        double billedSeconds = 0.001 + (keepWarmPingIsCold(intervalSeconds, keepAliveSeconds) && p.billInit()
                ? initSeconds : 0);
        return pings * (p.perMillionRequests() / 1e6 + memoryMb * GB_PER_MB * billedSeconds
                * p.rates(architecture).perGbSecond());
    }

    /** Whether a ping every {@code intervalSeconds} is a cold start: the idle before it outlasts the keep-alive. */
    public static boolean keepWarmPingIsCold(double intervalSeconds, double keepAliveSeconds) {
        return intervalSeconds > keepAliveSeconds;
    }

    private static final long HOUR_MICROS = 3_600_000_000L;

    /**
     * The NAT gateway-hours one gateway is billed for a run measured from {@code fromMicros} (after a warm-up; 0
     * without one) to {@code toMicros}: "Each partial NAT Gateway-hour consumed is billed as a full hour" [doc:
     * aws.amazon.com/vpc/pricing], each hour counted from the gateway's creation (the run's start: the gateways are
     * declared for the whole run), so the hours that fall wholly or partly in the measured time: a 30-minute run is
     * billed one hour, a 61-minute run two.
     */
    public static long natGatewayHours(long fromMicros, long toMicros) {
        if (toMicros <= fromMicros) {
            return 0;
        }
        return (toMicros + HOUR_MICROS - 1) / HOUR_MICROS - fromMicros / HOUR_MICROS;
    }

    /** NAT gateway cost: hours billed for the gateways ({@link #natGatewayHours}) and GB they process. */
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
