package dev.enisim.metrics;

/**
 * One meaningful event of a run.
 *
 * @param subject function name, ENI id, or "" for timeline actions
 * @param what    what happened (new state, outcome count...)
 * @param detail  why, or context (cause of a state change, the ENI's key and address...)
 */
public record JournalEntry(long atMicros, Kind kind, String subject, String what, String detail) {

    public enum Kind { FUNCTION_STATE, FUNCTION_UPDATE, ENI_STATE, ACTION, INVOCATIONS }
}
