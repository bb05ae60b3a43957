package dev.enisim.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs replications 0..n-1 of a scenario. Replication r draws every stream from (scenario seed, r, stream name),
 * so results do not depend on the order or the thread the replications run in: parallel equals sequential.
 */
public final class Replications {

    /** Spells {@code Enis.fin} as {@code final}, which Java cannot name. */
    @JsonPropertyOrder({"created", "peak", "final", "deleted", "orphaned"})
    abstract static class EnisMixin {
        @JsonProperty("final")
        abstract long fin();
    }

    /** Leaves the asynchronous section out of runs without asynchronous invocations. */
    abstract static class SummaryMixin {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object async();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object sqs();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object provisionedConcurrency();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object accounts();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object dualStack();
    }

    /** The mapper that gives a summary its JSON shape (summary.json and every path into it). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(RunSummary.Enis.class, EnisMixin.class)
            .addMixIn(RunSummary.class, SummaryMixin.class)
            .build();

    private Replications() {
    }

    /** Runs {@code n} replications, on up to {@code threads} threads (1 = sequential), in replication order. */
    public static List<RunResult> run(Scenario scenario, int n, int threads) {
        if (n < 1) {
            throw new IllegalArgumentException("replications must be >= 1: " + n);
        }
        if (threads <= 1 || n == 1) {
            List<RunResult> out = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                out.add(new Simulation(scenario, r).run());
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int rep = r;
                futures.add(pool.submit(() -> new Simulation(scenario, rep).run()));
            }
            List<RunResult> out = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                out.add(Tasks.await(f::get));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A summary as a JSON tree (the shape of summary.json), for paths and statistics. */
    public static JsonNode tree(RunSummary summary) {
        return JSON.valueToTree(summary);
    }
}
