package dev.enisim.scenario;

/**
 * The list prices a run's cost estimate uses (the scenario's {@code prices:}), in US dollars. The defaults are
 * us-east-1 (N. Virginia) on-demand list prices compiled 2026-11-30 (first duration tier, before the free tier
 * and any Savings Plan); each figure's source and status is in scenarios/README.md. Hyperplane ENIs cost nothing
 * ("There's no additional charge for using a VPC or a Hyperplane ENI", AWS Lambda developer guide), so they have
 * no price here.
 *
 * @param region            the Region the prices are for (a label)
 * @param date              when the prices were read (a label)
 * @param perMillionRequests per 1 million requests (x86_64 and arm64 alike)
 * @param x86_64            rates of x86_64 functions
 * @param arm64             rates of arm64 functions
 * @param billInit          whether a cold start's INIT time is billed as duration (true since 2025-08-01)
 * @param natGatewayPerHour per NAT gateway hour
 * @param natGatewayPerGb   per GB a NAT gateway processes
 */
public record PriceTable(String region, String date, double perMillionRequests, Rates x86_64, Rates arm64,
        boolean billInit, double natGatewayPerHour, double natGatewayPerGb) {

    /**
     * @param perGbSecond                    on-demand duration
     * @param provisionedPerGbSecond         provisioned concurrency, per GB-second allocated
     * @param provisionedDurationPerGbSecond duration of invocations that run on provisioned concurrency
     */
    public record Rates(double perGbSecond, double provisionedPerGbSecond, double provisionedDurationPerGbSecond) {
    }

    /** us-east-1 list prices compiled 2026-11-30 (see scenarios/README.md for each figure's source). */
    public static final PriceTable DEFAULT = new PriceTable("us-east-1", "2026-11-30", 0.20,
            new Rates(0.0000166667, 0.0000041667, 0.0000097222),
            new Rates(0.0000133334, 0.0000033334, 0.0000077778),
            true, 0.045, 0.045);

    /**
     * True when the table names another Region than the default's and keeps every default rate: the region is then
     * only a label on us-east-1's rates (warned of by validate and run).
     */
    public boolean regionLabelOnly() {
        return !region.equals(DEFAULT.region) && perMillionRequests == DEFAULT.perMillionRequests
                && x86_64.equals(DEFAULT.x86_64) && arm64.equals(DEFAULT.arm64)
                && natGatewayPerHour == DEFAULT.natGatewayPerHour && natGatewayPerGb == DEFAULT.natGatewayPerGb;
    }

    /** The rates of {@code architecture} ({@code x86_64} or {@code arm64}). */
    public Rates rates(String architecture) {
        return "arm64".equals(architecture) ? arm64 : x86_64;
    }
}
