package dev.enisim.model;

/** A batch of messages a poller received, while it is being processed (mutable, alive only meanwhile). */
final class SqsBatch {

    /** What the batch's next scheduled step does. */
    enum Next { DELETE, FAILED, RETRY, RETURN }

    final long[] sentMicros;
    final int[] receives;
    final int size;
    final long receivedMicros;
    int throttles;
    boolean pollerFree; // the poller moved on; only the messages' return is pending
    Next next;

    SqsBatch(long[] sentMicros, int[] receives, int size, long receivedMicros) {
        this.sentMicros = sentMicros;
        this.receives = receives;
        this.size = size;
        this.receivedMicros = receivedMicros;
    }
}
