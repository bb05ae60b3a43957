package dev.enisim.bench;

/**
 * A reference simulator of the loss workload for {@code enisim bench} to measure beside the model, in the same
 * run: an M/M/c/c system (Poisson arrivals, exponential service with mean 1, {@code servers} servers, an
 * arrival finding them all busy is lost), {@code arrivals} arrivals, written from that description alone.
 * Implementations are found with {@link java.util.ServiceLoader}: the jar carries the JDK-only
 * {@link PriorityQueueLoss}; the SSJ one lives in the tests (SSJ and its dependencies stay out of the jar) and
 * joins when the test classes are on the class path ({@code .ci/bench}).
 */
public interface ReferenceSimulator {

    /** What one run did: events handled (arrivals + departures) and arrivals lost. */
    record LossRun(long events, long arrivals, long lost) {
    }

    /** A short name for the table and the JSON, e.g. {@code priority-queue}. */
    String name();

    /** One line on what it is. */
    String description();

    /** Runs the M/M/c/c system with offered load {@code offered} Erlangs (mean service time 1). */
    LossRun run(int servers, double offered, long arrivals, long seed);
}
