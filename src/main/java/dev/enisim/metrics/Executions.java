package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every invocation that got an execution environment and ran in it ({@link WorldListener#execution}): cold starts
 * (a new environment that ran its init, counted once) by outcome (success, function error by cause), warm starts,
 * and the billable usage (requests, run and init time, each rounded up to 1 ms as Lambda bills it; on-demand apart
 * from provisioned). An invocation refused (a throttle, an invoke error such as a 502 ENI error) never ran: the
 * model reports no execution for it, so it is in none of these (an invoke error reported by another source would
 * be counted under its exception, and not billed).
 */
public final class Executions implements WorldListener {

    private static final Outcome[] OUTCOMES = Outcome.all();

    /**
     * A function's counters side by side, in its {@link FunctionLines} row (beside its environment levels when
     * {@link EnvironmentLevels#shareRows} shares theirs: one miss per start rather than two).
     */
    private static final int WARM = FunctionLines.EXECUTIONS;
    private static final int REQUESTS = WARM + 1;   // billed: invocations that ran (success and function errors)
    private static final int ON_DEMAND_MILLIS = WARM + 2;
    private static final int INIT_MILLIS = WARM + 3;
    private static final int PROVISIONED_REQUESTS = FunctionLines.PROVISIONED; // apart: only provisioned starts
    private static final int PROVISIONED_MILLIS = FunctionLines.PROVISIONED + 1;
    private static final int STRIDE = FunctionLines.STRIDE;

    private FunctionLines lines = new FunctionLines();
    private long[][] cold;        // [function][outcome]
    private long[] counters;      // [function * STRIDE + counter]

    public void attach(int functions) {
        cold = new long[functions][OUTCOMES.length];
        counters = lines.rows(functions);
    }

    /** The rows the counters are kept in (tests). */
    FunctionLines rows() {
        return lines;
    }

    /**
     * Keeps the counters in {@code shared}'s rows ({@link EnvironmentLevels#shareRows}); once attached, they stay
     * where they are (the same figures either way).
     */
    void useRows(FunctionLines shared) {
        if (counters == null) {
            lines = shared;
        }
    }

    /** The next execution's init that is not billed ({@link #initNotBilled}), 0 once it is counted. */
    private long unbilledInitMicros;

    @Override
    public void initNotBilled(int function, long micros) {
        unbilledInitMicros = micros;
    }

    @Override
    public void execution(int f, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, long nowMicros) {
        long unbilled = unbilledInitMicros;
        unbilledInitMicros = 0;
        long[] c = counters;
        int o = f * STRIDE;
        if (coldStart) {
            cold[f][outcome.ordinal()]++;
        } else {
            c[o + WARM]++;
        }
        if (!outcome.admitted()) {
            return;
        }
        c[o + REQUESTS]++;
        long run = (runMicros + 999) / 1000;
        if (provisioned) {
            c[o + PROVISIONED_REQUESTS]++;
            c[o + PROVISIONED_MILLIS] += run;
        } else {
            c[o + ON_DEMAND_MILLIS] += run;
            c[o + INIT_MILLIS] += (initMicros - unbilled + 999) / 1000;
        }
    }

    /**
     * The warm-up ended: the cold and warm starts and the billable usage count from here on (an invocation counts
     * where it started: one that started in the warm-up is not in them, though it may end after it).
     */
    public void warmUpEnds() {
        for (int f = 0; f < cold.length; f++) {
            java.util.Arrays.fill(cold[f], 0);
            int o = f * STRIDE;
            for (int c : new int[] {WARM, REQUESTS, ON_DEMAND_MILLIS, INIT_MILLIS, PROVISIONED_REQUESTS,
                PROVISIONED_MILLIS}) {
                counters[o + c] = 0;
            }
        }
    }

    /** A function's cold starts. */
    public RunSummary.ColdStarts coldStarts(int f) {
        return coldStarts(f, f);
    }

    /** The account's cold starts: every function's. */
    public RunSummary.ColdStarts accountColdStarts() {
        return coldStarts(0, cold.length - 1);
    }

    /** The cold starts of functions {@code first} to {@code last}. */
    private RunSummary.ColdStarts coldStarts(int first, int last) {
        long[] byOutcome = new long[OUTCOMES.length];
        long warmStarts = 0;
        for (int i = first; i <= last; i++) {
            warmStarts += counters[i * STRIDE + WARM];
            for (int o = 0; o < OUTCOMES.length; o++) {
                byOutcome[o] += cold[i][o];
            }
        }
        long total = 0;
        Map<String, Long> by = new LinkedHashMap<>();
        for (Outcome o : OUTCOMES) {
            long n = byOutcome[o.ordinal()];
            total += n;
            if (n > 0) {
                by.merge(label(o), n, Long::sum);
            }
        }
        double p = total + warmStarts == 0 ? 0 : (double) total / (total + warmStarts);
        return new RunSummary.ColdStarts(total, warmStarts, p, by);
    }

    /** The outcome as the summary names it: Success, the function error's cause, or the invoke error. */
    private static String label(Outcome o) {
        return switch (o.kind()) {
            case SUCCESS -> "Success";
            case FUNCTION_ERROR -> o.reason();
            case THROTTLE, INVOKE_ERROR -> o.exception();
        };
    }

    /** A function's billable usage. */
    public Usage usage(int f) {
        int o = f * STRIDE;
        return new Usage(counters[o + REQUESTS], counters[o + ON_DEMAND_MILLIS], counters[o + INIT_MILLIS],
                counters[o + PROVISIONED_REQUESTS], counters[o + PROVISIONED_MILLIS]);
    }

    /**
     * @param requests            billed requests (success and function errors; throttles and invoke errors are not
     *                            billed), provisioned ones included
     * @param onDemandMillis      run time of on-demand invocations, each rounded up to 1 ms
     * @param initMillis          init time of their cold starts, each rounded up to 1 ms
     * @param provisionedRequests invocations that ran on provisioned concurrency
     * @param provisionedMillis   their run time, each rounded up to 1 ms
     */
    public record Usage(long requests, long onDemandMillis, long initMillis, long provisionedRequests,
            long provisionedMillis) {
    }
}
