package dev.enisim.bench;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The minimal general-purpose M/M/c/c simulator: one {@link PriorityQueue} (a binary heap) of arrival and
 * departure event objects ordered by time, a new object per event, {@code -ln(U)} exponentials from
 * {@link SplittableRandom}. What a user would write in an afternoon without a library; the yardstick the
 * model's own speed is quoted against.
 */
public final class PriorityQueueLoss implements ReferenceSimulator {

    private static final class Event implements Comparable<Event> {
        final double time;
        final boolean arrival;

        Event(double time, boolean arrival) {
            this.time = time;
            this.arrival = arrival;
        }

        @Override
        public int compareTo(Event o) {
            return Double.compare(time, o.time);
        }
    }

    @Override
    public String name() {
        return "priority-queue";
    }

    @Override
    public String description() {
        return "minimal M/M/c/c: java.util.PriorityQueue of arrival and departure objects";
    }

    @Override
    public LossRun run(int servers, double offered, long arrivals, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PriorityQueue<Event> events = new PriorityQueue<>();
        events.add(new Event(exponential(random, 1 / offered), true));
        long arrived = 0;
        long handled = 0;
        long lost = 0;
        int busy = 0;
        while (!events.isEmpty()) {
            Event e = events.poll();
            handled++;
            if (!e.arrival) {
                busy--;
                continue;
            }
            arrived++;
            if (busy < servers) {
                busy++;
                events.add(new Event(e.time + exponential(random, 1), false));
            } else {
                lost++;
            }
            if (arrived < arrivals) {
                events.add(new Event(e.time + exponential(random, 1 / offered), true));
            }
        }
        return new LossRun(handled, arrived, lost);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
