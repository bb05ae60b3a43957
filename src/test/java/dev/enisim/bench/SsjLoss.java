package dev.enisim.bench;

import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The M/M/c/c loss system in SSJ 3.3.2, written as SSJ's own examples write a queue: an {@link Event} subclass
 * per event kind, a new departure object per admitted arrival, the arrival object rescheduled, SSJ's default
 * event list (a splay tree), exponential variates from {@link ExponentialGen} over {@link MRG32k3a}. Test scope:
 * SSJ stays out of target/enisim.jar; {@code .ci/bench} puts it on the class path.
 */
public final class SsjLoss implements ReferenceSimulator {

    @Override
    public String name() {
        return "ssj";
    }

    @Override
    public String description() {
        return "SSJ 3.3.2: Event subclasses on SSJ's default event list (splay tree), MRG32k3a exponentials";
    }

    @Override
    public LossRun run(int servers, double offered, long arrivals, long seed) {
        Model m = new Model(servers, offered, arrivals, seed);
        m.sim.init();
        new Arrival(m).schedule(m.interArrival.nextDouble());
        m.sim.start();
        return new LossRun(m.handled, m.arrived, m.lost);
    }

    private static final class Model {
        final Simulator sim = new Simulator();
        final ExponentialGen interArrival;
        final ExponentialGen service;
        final int servers;
        final long arrivals;
        long arrived;
        long handled;
        long lost;
        int busy;

        Model(int servers, double offered, long arrivals, long seed) {
            MRG32k3a a = new MRG32k3a();
            MRG32k3a s = new MRG32k3a();
            long z = Math.floorMod(seed, 4294944443L - 2) + 1;
            a.setSeed(new long[] {z, z, z, z, z, z});
            s.setSeed(new long[] {z + 1, z + 1, z + 1, z + 1, z + 1, z + 1});
            this.interArrival = new ExponentialGen(a, offered);
            this.service = new ExponentialGen(s, 1);
            this.servers = servers;
            this.arrivals = arrivals;
        }
    }

    private static final class Arrival extends Event {
        private final Model m;

        Arrival(Model m) {
            super(m.sim);
            this.m = m;
        }

        @Override
        public void actions() {
            m.handled++;
            m.arrived++;
            if (m.busy < m.servers) {
                m.busy++;
                new Departure(m).schedule(m.service.nextDouble());
            } else {
                m.lost++;
            }
            if (m.arrived < m.arrivals) {
                schedule(m.interArrival.nextDouble());
            }
        }
    }

    private static final class Departure extends Event {
        private final Model m;

        Departure(Model m) {
            super(m.sim);
            this.m = m;
        }

        @Override
        public void actions() {
            m.handled++;
            m.busy--;
        }
    }
}
