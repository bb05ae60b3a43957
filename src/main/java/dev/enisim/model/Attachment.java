package dev.enisim.model;

/**
 * A function waiting for the ENIs of a binding: on creation, on restore after idle, or for a VPC config update.
 * Counts the keys that are not ready yet.
 */
final class Attachment {

    /** Why the function is waiting. */
    public enum Purpose { CREATE, RESTORE, UPDATE }

    private final Purpose purpose;
    private final Binding binding;
    /** When the action that started the wait was requested (an update's UpdateFunctionConfiguration). */
    private final long requestedMicros;
    private final boolean[] ready;
    private int pending;

    Attachment(Purpose purpose, Binding binding) {
        this(purpose, binding, 0);
    }

    Attachment(Purpose purpose, Binding binding, long requestedMicros) {
        this.purpose = purpose;
        this.binding = binding;
        this.requestedMicros = requestedMicros;
        this.ready = new boolean[binding.keys().length];
        this.pending = ready.length;
    }

    public Purpose purpose() {
        return purpose;
    }

    public Binding binding() {
        return binding;
    }

    public long requestedMicros() {
        return requestedMicros;
    }

    /** Marks {@code key} ready; true when it was the last one awaited. */
    public boolean keyReady(int key) {
        int[] keys = binding.keys();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key && !ready[i]) {
                ready[i] = true;
                pending--;
                return pending == 0;
            }
        }
        return false;
    }

    public boolean complete() {
        return pending == 0;
    }

    public int pending() {
        return pending;
    }
}
