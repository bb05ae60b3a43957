package dev.enisim.metrics;

/**
 * One meaningful event of a run, for the narrated timeline and trace.jsonl.
 *
 * @param subject     function name, ENI id, or "" for timeline actions
 * @param state       the new state (function or ENI), LastUpdateStatus, or the outcome of counted invocations
 * @param reason      StateReasonCode, update reason code, or the exception of counted invocations; may be null
 * @param detail      why or context: the cause of a state change, the ENI's key and address, an action in words
 * @param count       for {@link Kind#INVOCATIONS}: how many invocations had this outcome in the spell; for {@link
 *                    Kind#RESTORE_RETRIES}: how many restores were tried again and failed as the first
 * @param untilMicros for {@link Kind#INVOCATIONS}: when the spell ended (the function's next state change); for
 *                    {@link Kind#RESTORE_RETRIES}: when the last retry was
 * @param lastMicros  for {@link Kind#INVOCATIONS} of an outcome other than success: when the last of them happened
 *                    (successes, nearly every invocation, are not timed one by one: their spell's end)
 */
public record JournalEntry(long atMicros, Kind kind, String subject, String state, String reason, String detail,
        long count, long untilMicros, long lastMicros) {

    /** An entry whose last invocation is not known apart from its spell's end. */
    public JournalEntry(long atMicros, Kind kind, String subject, String state, String reason, String detail,
            long count, long untilMicros) {
        this(atMicros, kind, subject, state, reason, detail, count, untilMicros, untilMicros);
    }

    /**
     * What an entry is. {@code RESTORE_RETRIES}: an Inactive function whose restore had failed was invoked again and
     * again, and each restore failed at once for the same reason ({@code reason}); its state changes (Pending, then
     * Inactive at the same instant) are counted in one entry, from the first retry ({@code atMicros}) to the last.
     */
    public enum Kind {
        FUNCTION_STATE, FUNCTION_UPDATE, ENI_STATE, ENI_SHARED, ACTION, INVOCATIONS, RESTORE_RETRIES,
        /** A function attached to a key whose ENI ({@code state}) Lambda was still creating: it waits to share it. */
        ENI_AWAITED
    }
}
