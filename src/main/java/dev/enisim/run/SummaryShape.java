package dev.enisim.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import dev.enisim.metrics.RunSummary;

/**
 * The JSON shape of a run's {@link RunSummary}: what {@code summary.json} holds and what every metric path
 * ({@code expect:}, {@code compare}, sweeps, baselines) reads. One mapper, next to the result it shapes, so that
 * the report that writes the file and the experiments that read paths from it agree by construction.
 */
public final class SummaryShape {

    /** Spells {@code Enis.fin} as {@code final}, which Java cannot name. */
    @JsonPropertyOrder({"created", "peak", "final", "deleted", "orphaned"})
    abstract static class EnisMixin {
        @JsonProperty("final")
        abstract long fin();
    }

    /** The run's {@link RunSummary.Sections} are keys of the summary itself, after {@code latencyMillis}. */
    abstract static class SummaryMixin {
        @JsonUnwrapped
        abstract Object sections();
    }

    /**
     * Leaves the sections a run does not have out of its summary (asynchronous invocations, SQS, provisioned
     * concurrency over time, several accounts, dual-stack...): a new section needs nothing here.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class SectionsMixin {
    }

    /**
     * A latency's percentiles are {@code null} when nothing was measured (no invocation succeeded; no cold start):
     * a 0 there read as "0 ms", and an {@code expect: latencyMillis.p99 < 500} held for a function that never
     * succeeded. The counts stay numbers; the keys keep the record's order.
     */
    static final class LatencyJson extends StdSerializer<RunSummary.Latency> {
        LatencyJson() {
            super(RunSummary.Latency.class);
        }

        @Override
        public void serialize(RunSummary.Latency l, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeNumberField("count", l.count());
            boolean any = l.count() > 0;
            measured(g, "p50", l.p50(), any);
            measured(g, "p90", l.p90(), any);
            measured(g, "p99", l.p99(), any);
            measured(g, "max", l.max(), any);
            g.writeNumberField("coldStarts", l.coldStarts());
            boolean cold = l.coldStarts() > 0;
            measured(g, "coldStartP50", l.coldStartP50(), cold);
            measured(g, "coldStartP99", l.coldStartP99(), cold);
            g.writeEndObject();
        }
    }

    /** As {@link LatencyJson}, for the asynchronous invocations' event age and latency. */
    static final class PercentilesJson extends StdSerializer<RunSummary.Percentiles> {
        PercentilesJson() {
            super(RunSummary.Percentiles.class);
        }

        @Override
        public void serialize(RunSummary.Percentiles q, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeNumberField("count", q.count());
            boolean any = q.count() > 0;
            measured(g, "p50", q.p50(), any);
            measured(g, "p99", q.p99(), any);
            measured(g, "max", q.max(), any);
            g.writeEndObject();
        }
    }

    private static void measured(JsonGenerator g, String name, double value, boolean any) throws IOException {
        if (any) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }

    /** The mapper that gives a summary its JSON shape (indented; keys in the records' order). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(RunSummary.Enis.class, EnisMixin.class)
            .addMixIn(RunSummary.class, SummaryMixin.class)
            .addMixIn(RunSummary.Sections.class, SectionsMixin.class)
            .addModule(new SimpleModule("enisim-summary")
                    .addSerializer(RunSummary.Latency.class, new LatencyJson())
                    .addSerializer(RunSummary.Percentiles.class, new PercentilesJson()))
            .build();

    private SummaryShape() {
    }

    /** A summary as a JSON tree (the shape of summary.json), for paths and statistics. */
    public static JsonNode tree(RunSummary summary) {
        return JSON.valueToTree(summary);
    }
}
