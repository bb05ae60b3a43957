package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every invocation that got an execution environment: cold starts by outcome (success, function error by cause,
 * invoke error by exception), warm starts, and the billable usage (requests, run and init time, each rounded up
 * to 1 ms as Lambda bills it; on-demand apart from provisioned).
 */
public final class Executions implements WorldListener {

    private static final Outcome[] OUTCOMES = Outcome.all();

    private long[][] cold;        // [function][outcome]
    private long[] warm;
    private long[] requests;      // billed: invocations that ran (success and function errors)
    private long[] onDemandMillis;
    private long[] initMillis;
    private long[] provisionedRequests;
    private long[] provisionedMillis;

    public void attach(int functions) {
        cold = new long[functions][OUTCOMES.length];
        warm = new long[functions];
        requests = new long[functions];
        onDemandMillis = new long[functions];
        initMillis = new long[functions];
        provisionedRequests = new long[functions];
        provisionedMillis = new long[functions];
    }

    @Override
    public void execution(int f, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, long nowMicros) {
        if (coldStart) {
            cold[f][outcome.ordinal()]++;
        } else {
            warm[f]++;
        }
        if (!outcome.admitted()) {
            return;
        }
        requests[f]++;
        long run = (runMicros + 999) / 1000;
        if (provisioned) {
            provisionedRequests[f]++;
            provisionedMillis[f] += run;
        } else {
            onDemandMillis[f] += run;
            initMillis[f] += (initMicros + 999) / 1000;
        }
    }

    /** A function's cold starts (or the account's with {@code f < 0}). */
    public RunSummary.ColdStarts coldStarts(int f) {
        long[] byOutcome = new long[OUTCOMES.length];
        long warmStarts = 0;
        for (int i = 0; i < cold.length; i++) {
            if (f < 0 || f == i) {
                warmStarts += warm[i];
                for (int o = 0; o < OUTCOMES.length; o++) {
                    byOutcome[o] += cold[i][o];
                }
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
        return new Usage(requests[f], onDemandMillis[f], initMillis[f], provisionedRequests[f],
                provisionedMillis[f]);
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
