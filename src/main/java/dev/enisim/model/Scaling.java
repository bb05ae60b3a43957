package dev.enisim.model;

/**
 * How fast Lambda may add execution environments, and how many invocation requests it accepts.
 *
 * <p>{@link Model#PER_FUNCTION} (since 2023-11-27): each function may add {@code newEnvironments} environments per
 * {@code periodMicros}, refilled continuously, unused rate not accumulating, "or 10,000 requests per second every 10
 * seconds": its request rate may rise by {@code newRequestsPerSecond} per {@code periodMicros} from a start of the
 * same figure. {@link Model#LEGACY_BURST} (before): the account may hold {@code burst} environments at first, then
 * {@code burstIncrease} more per {@code increasePeriodMicros} from the start of a scaling episode (the first
 * environment created after the account had none).
 *
 * <p>Under both, requests per second are capped at 10 x the corresponding concurrency (the account's limit, a
 * function's reserved concurrency) [doc], counted over {@code requestRateWindowMicros} [assumed].
 */
public record Scaling(Model model, int newEnvironments, long periodMicros, int burst, int burstIncrease,
        long increasePeriodMicros, int newRequestsPerSecond, long requestRateWindowMicros) {

    public enum Model { PER_FUNCTION, LEGACY_BURST }

    /** Requests per second allowed per unit of concurrency, at the account and the function level [doc]. */
    public static final int REQUESTS_PER_SECOND_PER_CONCURRENCY = 10;
    /** The per-function scaling rate in requests: 10,000 requests per second every 10 seconds [doc]. */
    public static final int NEW_REQUESTS_PER_SECOND = 10_000;
    /** The window request rates are counted over: 1 s [assumed: AWS gives rates per second, no window]. */
    public static final long REQUEST_RATE_WINDOW_MICROS = 1_000_000L;

    /** Today's rule: 1,000 new environments (or 10,000 requests per second) per function every 10 s. */
    public static final Scaling DEFAULT = new Scaling(Model.PER_FUNCTION, 1000, 10_000_000L, 3000, 500, 60_000_000L);

    /** A rule with the documented request-rate figures. */
    public Scaling(Model model, int newEnvironments, long periodMicros, int burst, int burstIncrease,
            long increasePeriodMicros) {
        this(model, newEnvironments, periodMicros, burst, burstIncrease, increasePeriodMicros,
                NEW_REQUESTS_PER_SECOND, REQUEST_RATE_WINDOW_MICROS);
    }

    /** Environments the account may hold {@code sinceEpisodeMicros} into a legacy-burst scaling episode. */
    long burstCap(long sinceEpisodeMicros) {
        long steps = sinceEpisodeMicros / increasePeriodMicros;
        return burst + steps * burstIncrease;
    }
}
