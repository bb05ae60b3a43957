package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.RandomStreams;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The table of every function's draws gives each function the very numbers its own {@link ArrivalProcess} and
 * {@link Sampler} give (built on the same streams), whatever the shapes, however the functions' draws interleave:
 * its rows hold the processes' state and streams, the log-normal and exponential durations are Commons RNG's
 * ziggurat samplers shared by every row (the objects each have their own), and the other shapes keep their objects.
 */
class FunctionDrawsProperties {

    private static final long HOUR = 3_600_000_000L;

    /**
     * A random arrival shape: the two the rows draw (often: a diurnal day flat, troughed or down to 0), and others
     * (kept as objects: constant, bursts, a schedule, a superposition, none).
     */
    private static ArrivalSpec arrivals(SplittableRandom r) {
        long from = r.nextInt(4) == 0 ? r.nextLong(HOUR) : 0;
        long until = r.nextInt(4) == 0 ? from + r.nextLong(1, HOUR) : Long.MAX_VALUE;
        switch (r.nextInt(11)) {
            case 0, 1, 2:
                return new ArrivalSpec.Poisson(r.nextInt(10) == 0 ? 0 : r.nextDouble(0.01, 1e4), from, until);
            case 3, 4, 5: {
                double peak = r.nextDouble(0.001, 100);
                int t = r.nextInt(6);
                double trough = t == 0 ? 0 : t == 1 ? peak : r.nextDouble(0, peak); // none, a flat day, or a trough
                long period = r.nextLong(1_000_000L, 2 * HOUR);
                boolean swapped = r.nextBoolean();
                return new ArrivalSpec.Diurnal(swapped ? trough : peak, swapped ? peak : trough,
                        r.nextLong(period), period, from, until);
            }
            case 6:
                return new ArrivalSpec.Constant(r.nextDouble(0.1, 100), from, until);
            case 8:
                return new ArrivalSpec.Bursts(r.nextDouble(0, 5), r.nextDouble(1, 100), r.nextLong(1, 600_000_000L),
                        new long[] {r.nextLong(HOUR), HOUR + r.nextLong(HOUR)}, from, until);
            case 9:
                return new ArrivalSpec.Schedule(new long[] {r.nextLong(1, HOUR), r.nextLong(1, HOUR)},
                        new double[] {r.nextDouble(0, 50), r.nextDouble(0.1, 50)}, r.nextBoolean(), from, until);
            case 7:
                return new ArrivalSpec.Superposition(List.of(new ArrivalSpec.Poisson(r.nextDouble(0.1, 10), from,
                        until), new ArrivalSpec.Diurnal(2, 1, 0, HOUR, from, until)));
            default:
                return new ArrivalSpec.None();
        }
    }

    /** A random duration shape: the three the rows draw (often, capped or not), and others (kept as samplers). */
    private static DistributionSpec durations(SplittableRandom r) {
        double max = r.nextInt(3) == 0 ? r.nextDouble(1e3, 1e7) : Double.POSITIVE_INFINITY;
        double median = r.nextDouble(1e3, 1e6);
        switch (r.nextInt(8)) {
            case 0, 1:
                return new DistributionSpec.LogNormal(median, median * r.nextDouble(1, 50), max);
            case 2, 3:
                return new DistributionSpec.ShiftedLogNormal("t", r.nextDouble(-1e5, 1e5), Math.log(median),
                        r.nextDouble(0, 2), max);
            case 4, 5:
                return new DistributionSpec.Exponential(median, max);
            case 6:
                return new DistributionSpec.Uniform(median, median * 2, max);
            default:
                return new DistributionSpec.Sum(new DistributionSpec.Exponential(median, max),
                        new DistributionSpec.Constant(5), max);
        }
    }

    @Property(tries = 300)
    void eachFunctionDrawsWhatItsOwnObjectsDraw(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int functions) {
        SplittableRandom r = new SplittableRandom(seed);
        RandomStreams streams = new RandomStreams(seed, 0);
        FunctionDraws table = new FunctionDraws(functions);
        ArrivalProcess[] processes = new ArrivalProcess[functions];
        Sampler[] samplers = new Sampler[functions];
        for (int f = 0; f < functions; f++) {
            ArrivalSpec a = arrivals(r);
            DistributionSpec d = durations(r);
            long notBefore = r.nextInt(3) == 0 ? r.nextLong(HOUR) : 0;
            String name = "f" + f;
            IntFunction<RandomGenerator> parts = part -> streams.stream(name + "/arrivals/" + part);
            table.arrivals(f, a, parts, notBefore);
            table.durations(f, d, streams.stream(name + "/duration"));
            processes[f] = new ArrivalProcess(a, parts, notBefore);
            samplers[f] = Sampler.of(d, streams.stream(name + "/duration"));
        }
        for (int i = 0; i < 3_000; i++) {
            int f = r.nextInt(functions);
            int at = i;
            if (r.nextBoolean()) {
                assertEquals(processes[f].next(), table.nextArrival(f), () -> "arrival " + at + " of function " + f);
            } else {
                assertEquals(samplers[f].getAsLong(), table.duration(f), () -> "duration " + at + " of function " + f);
            }
        }
    }

    /** The views the asynchronous queue and the SQS pollers draw from are the function's durations too. */
    @Test
    void aFunctionsViewAndTheTableShareItsDurations() {
        FunctionDraws table = new FunctionDraws(2);
        DistributionSpec d = new DistributionSpec.LogNormal(1e5, 1e6, Double.POSITIVE_INFINITY);
        table.durations(0, d, new RandomStreams(3, 0).stream("a"));
        table.durations(1, d, new RandomStreams(3, 0).stream("b"));
        Sampler a = Sampler.of(d, new RandomStreams(3, 0).stream("a"));
        Sampler b = Sampler.of(d, new RandomStreams(3, 0).stream("b"));
        for (int i = 0; i < 100; i++) {
            assertEquals(a.getAsLong(), table.durationsOf(0).getAsLong());
            assertEquals(b.getAsLong(), table.applyAsLong(1));
        }
    }

    /**
     * The common shapes are drawn in the rows when the stream is an enisim stream, and kept as objects otherwise (a
     * generator whose words cannot be taken over), drawing the same either way.
     */
    @Test
    void commonShapesAreDrawnInRowsOnEnisimStreams() {
        FunctionDraws table = new FunctionDraws(2);
        ArrivalSpec diurnal = new ArrivalSpec.Diurnal(3, 1, 0, HOUR, 0, Long.MAX_VALUE);
        DistributionSpec exp = new DistributionSpec.Exponential(1e5, Double.POSITIVE_INFINITY);
        table.arrivals(0, diurnal, part -> new RandomStreams(5, 0).stream("x"), 0);
        table.durations(0, exp, new RandomStreams(5, 0).stream("y"));
        table.arrivals(1, diurnal, part -> new Well19937c(5), 0);
        table.durations(1, exp, new Well19937c(6));
        assertTrue(table.arrivalsInRow(0) && table.durationsInRow(0));
        assertFalse(table.arrivalsInRow(1) || table.durationsInRow(1));
        ArrivalProcess p = new ArrivalProcess(diurnal, new Well19937c(5), 0);
        Sampler s = Sampler.of(exp, new Well19937c(6));
        for (int i = 0; i < 100; i++) {
            assertEquals(p.next(), table.nextArrival(1));
            assertEquals(s.getAsLong(), table.duration(1));
        }
    }
}
