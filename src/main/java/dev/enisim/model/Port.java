package dev.enisim.model;

import dev.enisim.engine.EventLoop;

/** The model's one way out to the event loop: schedule a follow-up event at an absolute time. */
public interface Port {
    void schedule(long atMicros, int priority, SimEvent event);

    /**
     * Schedules a plain event, with no object: a kind ({@link SimEvent#INVOCATION_END}) and its payload, delivered
     * to {@link World#handle(int, long, long)}.
     */
    void schedule(long atMicros, int priority, int kind, long payload);

    /** The port of a loop whose plain events go to the world ({@link EventLoop#setPlainHandler}). */
    static Port of(EventLoop<SimEvent> loop) {
        return new Port() {
            @Override
            public void schedule(long atMicros, int priority, SimEvent event) {
                loop.schedule(atMicros, priority, event);
            }

            @Override
            public void schedule(long atMicros, int priority, int kind, long payload) {
                loop.schedule(atMicros, priority, kind, payload);
            }
        };
    }
}
