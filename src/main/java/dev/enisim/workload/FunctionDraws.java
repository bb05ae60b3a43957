package dev.enisim.workload;

import dev.enisim.random.RowStream;
import dev.enisim.random.Xoshiro256;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Every function's arrivals and durations of one run, drawn from rows of one {@code long[]}: a function's row holds
 * its arrival process's state and stream, and its duration sampler's parameters and stream, side by side. With
 * thousands of functions each arrival finds its function's draws out of cache; as objects (process, source, spec,
 * generator; sampler, Commons RNG sampler, Gaussian, generator) each was one more miss waited for in turn, in a row
 * they are three adjacent cache lines whose addresses are known from the function's index alone.
 *
 * <p>The common shapes are drawn here by the processes' own kernels ({@link StepPoisson.Homogeneous},
 * {@link ArrivalProcess.Thinning}) and by Commons RNG's ziggurat samplers, built once over a {@link RowStream}
 * pointed at the row before each draw (log-normal, shifted log-normal, exponential: the numbers of {@link Sampler},
 * which builds the same samplers over the function's own stream). Any other shape, or a stream that is not a
 * {@link Xoshiro256} whose words can be taken over, keeps its {@link ArrivalProcess} or {@link Sampler}. Both draw
 * one value ahead, as those do (the next value's latency overlaps the caller's work).
 *
 * <p>Not thread-safe: one run's. Allocation-free per draw.
 */
public final class FunctionDraws implements IntToLongFunction {

    // a row, in longs (doubles as their bits); the hot part (what every arrival and duration reads) in the first
    // three cache lines, what only a thinning segment's start or cosine reads in the fourth. Each hot line keeps one
    // long that nothing reads (SPARE_1 to SPARE_3): the look ahead stores to them (touch). The kinds are not in the
    // row (kinds[]): a small dense array, in cache
    private static final int A_AHEAD = 0;
    private static final int A_WORDS = 1;
    private static final int SPARE_1 = 5;
    private static final int A_STATE = 6;           // Homogeneous.SIZE or Thinning.HOT longs, up to 7
    private static final int D_AHEAD = 13;
    private static final int D_MU = 14;             // the exponential's mean
    private static final int SPARE_2 = 15;
    private static final int D_SIGMA = 16;
    private static final int D_SHIFT = 17;
    private static final int D_MAX = 18;
    private static final int D_WORDS = 19;
    private static final int SPARE_3 = 23;
    private static final int THINNING_COLD = 24;    // Thinning.COLD longs
    private static final int STRIDE = 32;
    /**
     * Rows start 64 bytes into the array's data: a table of thousands of rows is a humongous object (G1 puts it at
     * a region's start, its data 16 bytes in), so its rows fall on cache lines.
     */
    private static final int PAD = 6;

    private static final int OBJECT = 0; // drawn by the function's ArrivalProcess or Sampler
    private static final int POISSON = 1;
    private static final int THINNING = 2;
    private static final int LOG_NORMAL = 1;
    private static final int EXPONENTIAL = 2;

    private final long[] rows;
    /** Per function, its arrivals' kind (at 2 f) and its durations' kind (at 2 f + 1). */
    private final byte[] kinds;
    private final ArrivalProcess[] processes; // OBJECT arrivals
    private final Sampler[] samplers;         // OBJECT durations
    private final RowStream cursor;  // over rows: pointed at a row's stream by its offset alone
    private final ContinuousSampler gaussian;
    private final ContinuousSampler exponential;

    public FunctionDraws(int functions) {
        this.rows = new long[PAD + functions * STRIDE];
        this.kinds = new byte[2 * functions];
        this.cursor = new RowStream(rows);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(cursor);
        this.exponential = ZigguratSampler.Exponential.of(cursor);
        this.processes = new ArrivalProcess[functions];
        this.samplers = new Sampler[functions];
    }

    private static int row(int function) {
        return PAD + function * STRIDE;
    }

    /**
     * Function {@code function}'s arrivals: {@code spec} from {@code notBeforeMicros} on, part i of a superposition
     * drawing from {@code streams.apply(i)}, as {@link ArrivalProcess} draws them.
     */
    public void arrivals(int function, ArrivalSpec spec, IntFunction<RandomGenerator> streams, long notBeforeMicros) {
        int r = row(function);
        long from = Math.max(spec.fromMicros(), notBeforeMicros);
        if (spec instanceof ArrivalSpec.Poisson p && p.ratePerSecond() > 0
                && streams.apply(0) instanceof Xoshiro256 stream) {
            kinds[2 * function] = POISSON;
            stream.copyWords(rows, r + A_WORDS);
            StepPoisson.Homogeneous.init(rows, r + A_STATE, p.ratePerSecond(), from, spec.untilMicros());
        } else if (spec instanceof ArrivalSpec.Diurnal d && streams.apply(0) instanceof Xoshiro256 stream) {
            kinds[2 * function] = THINNING;
            stream.copyWords(rows, r + A_WORDS);
            ArrivalProcess.Thinning.init(rows, r + A_STATE, r + THINNING_COLD, from, spec.untilMicros(), d);
        } else {
            kinds[2 * function] = OBJECT;
            processes[function] = new ArrivalProcess(spec, streams, notBeforeMicros);
            return;
        }
        rows[r + A_AHEAD] = draw(r, kinds[2 * function]);
    }

    /** Function {@code function}'s durations: {@code spec} drawn from {@code stream}, which becomes the table's. */
    public void durations(int function, DistributionSpec spec, RandomGenerator stream) {
        int r = row(function);
        double mu;
        double sigma = 0;
        double shift = 0;
        if (spec instanceof DistributionSpec.LogNormal l && l.sigma() > 0 && stream instanceof Xoshiro256) {
            kinds[2 * function + 1] = LOG_NORMAL;
            mu = l.mu();
            sigma = l.sigma();
        } else if (spec instanceof DistributionSpec.ShiftedLogNormal l && l.sigma() > 0
                && stream instanceof Xoshiro256) {
            kinds[2 * function + 1] = LOG_NORMAL;
            mu = l.mu();
            sigma = l.sigma();
            shift = l.shift();
        } else if (spec instanceof DistributionSpec.Exponential e && e.mean() > 0 && !Double.isInfinite(e.mean())
                && stream instanceof Xoshiro256) {
            kinds[2 * function + 1] = EXPONENTIAL;
            mu = e.mean();
        } else {
            kinds[2 * function + 1] = OBJECT;
            samplers[function] = Sampler.of(spec, stream);
            return;
        }
        ((Xoshiro256) stream).copyWords(rows, r + D_WORDS);
        rows[r + D_MU] = ArrivalProcess.bits(mu);
        rows[r + D_SIGMA] = ArrivalProcess.bits(sigma);
        rows[r + D_SHIFT] = ArrivalProcess.bits(shift);
        rows[r + D_MAX] = ArrivalProcess.bits(spec.max());
        rows[r + D_AHEAD] = ArrivalProcess.bits(sample(r, kinds[2 * function + 1]));
    }

    /** Whether {@code function}'s arrivals are drawn in its row (not by an object): for the tests. */
    boolean arrivalsInRow(int function) {
        return kinds[2 * function] != OBJECT;
    }

    /** Whether {@code function}'s durations are drawn in its row (not by a {@link Sampler}): for the tests. */
    boolean durationsInRow(int function) {
        return kinds[2 * function + 1] != OBJECT;
    }

    /**
     * Stores to a long that nothing reads on each of the three cache lines that {@code function}'s next arrival and
     * duration read: a look ahead ({@code EventLoop.Lookahead}) that fetches the row while another event is handled.
     * A store, not a load: a load that misses holds the reorder buffer's head until its line comes, and the event
     * being handled stops once the buffer is full; a store that misses retires and waits in the store buffer, so the
     * event goes on. Changes nothing that is drawn.
     */
    public void touch(int function) {
        long[] s = rows;
        int r = row(function);
        s[r + SPARE_1] = -1; // lines 1, 2 and 3 of the row
        s[r + SPARE_2] = -1;
        s[r + SPARE_3] = -1;
    }

    /**
     * The spare long of {@code function}'s row on its hot line {@code line} (0 to 2), and the offset of that long
     * within the row: for the tests ({@link #touch} stores there; {@code offset / 8} is its line).
     */
    long spare(int function, int line) {
        return rows[row(function) + spareOffset(line)];
    }

    static int spareOffset(int line) {
        return line == 0 ? SPARE_1 : line == 1 ? SPARE_2 : SPARE_3;
    }

    /** The time of {@code function}'s next arrival in microseconds, or {@link ArrivalProcess#NONE} (then for good). */
    public long nextArrival(int function) {
        int r = row(function);
        long[] s = rows;
        int kind = kinds[2 * function];
        if (kind == OBJECT) {
            return processes[function].next();
        }
        long at = s[r + A_AHEAD];
        if (at != ArrivalProcess.NONE) {
            s[r + A_AHEAD] = draw(r, kind);
        }
        return at;
    }

    private long draw(int r, int kind) {
        long[] s = rows;
        RowStream stream = cursor;
        stream.point(r + A_WORDS);
        return kind == THINNING ? ArrivalProcess.Thinning.next(stream, s, r + A_STATE, r + THINNING_COLD)
                : StepPoisson.Homogeneous.next(stream, s, r + A_STATE);
    }

    /** One of {@code function}'s durations, in whole microseconds, as {@link Sampler#getAsLong()} draws it. */
    public long duration(int function) {
        int r = row(function);
        long[] s = rows;
        long kind = kinds[2 * function + 1];
        if (kind == OBJECT) {
            return samplers[function].getAsLong();
        }
        double x = ArrivalProcess.value(s[r + D_AHEAD]);
        s[r + D_AHEAD] = ArrivalProcess.bits(sample(r, kind));
        return Math.round(x);
    }
    /** {@link #duration}: the table as the model's durations by function. */
    @Override
    public long applyAsLong(int function) {
        return duration(function);
    }

    /** One function's durations, for a consumer that draws them on its own (an asynchronous or queue-fed function). */
    public LongSupplier durationsOf(int function) {
        return () -> duration(function);
    }

    /**
     * The next draw, as Sampler's draw() computes it from its Commons RNG sampler: shifted, then clamped. Each kind's
     * draw is a method of its own, so that each compiles small and inlines into its caller (the model's arrival):
     * one method holding both ziggurats compiles too big to be inlined, and the call cost loss about 7%.
     */
    private double sample(int r, long kind) {
        double x = (kind == LOG_NORMAL ? logNormal(r) : exponential(r)) + ArrivalProcess.value(rows[r + D_SHIFT]);
        double max = ArrivalProcess.value(rows[r + D_MAX]);
        if (x > max) {
            return max;
        }
        return x < 0 ? 0 : x;
    }

    /** LogNormalSampler's exp(mu + sigma x g), g from the shared ziggurat Gaussian on the row's stream. */
    private double logNormal(int r) {
        cursor.point(r + D_WORDS);
        return Math.exp(ArrivalProcess.value(rows[r + D_MU]) + ArrivalProcess.value(rows[r + D_SIGMA]) * gaussian.sample());
    }

    /** ZigguratSampler.Exponential.of(rng, mean): the shared unit ziggurat's draw on the row's stream, x mean. */
    private double exponential(int r) {
        cursor.point(r + D_WORDS);
        return exponential.sample() * ArrivalProcess.value(rows[r + D_MU]);
    }
}
