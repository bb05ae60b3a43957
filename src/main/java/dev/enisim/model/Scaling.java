package dev.enisim.model;

/**
 * How fast Lambda may add execution environments.
 *
 * <p>{@link Model#PER_FUNCTION} (since 2023-11-27): each function may add {@code newEnvironments} environments per
 * {@code periodMicros}, refilled continuously, unused rate not accumulating. {@link Model#LEGACY_BURST} (before):
 * the account may hold {@code burst} environments at first, then {@code burstIncrease} more per
 * {@code increasePeriodMicros} from the start of a scaling episode (the first environment created after the
 * account had none).
 */
public record Scaling(Model model, int newEnvironments, long periodMicros, int burst, int burstIncrease,
        long increasePeriodMicros) {

    public enum Model { PER_FUNCTION, LEGACY_BURST }

    /** Today's rule: 1,000 new environments per function every 10 s. */
    public static final Scaling DEFAULT = new Scaling(Model.PER_FUNCTION, 1000, 10_000_000L, 3000, 500, 60_000_000L);

    /** Environments the account may hold {@code sinceEpisodeMicros} into a legacy-burst scaling episode. */
    long burstCap(long sinceEpisodeMicros) {
        long steps = sinceEpisodeMicros / increasePeriodMicros;
        return burst + steps * burstIncrease;
    }
}
