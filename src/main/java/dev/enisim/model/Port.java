package dev.enisim.model;

/** The model's one way out to the event loop: schedule a follow-up event at an absolute time. */
@FunctionalInterface
public interface Port {
    void schedule(long atMicros, int priority, SimEvent event);
}
