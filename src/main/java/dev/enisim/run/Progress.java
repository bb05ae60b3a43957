package dev.enisim.run;

/** Told how far a run has got, now and then (every simulated slice), for a progress display. */
@FunctionalInterface
public interface Progress {

    /**
     * @param simulatedMicros simulated time reached
     * @param totalMicros     simulated time of the whole run
     * @param events          events delivered so far
     */
    void update(long simulatedMicros, long totalMicros, long events);

    Progress NONE = (s, t, e) -> { };
}
