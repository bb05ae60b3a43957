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
    @JsonPropertyOrder({"created", "peak", "final", "deleted", "orphaned", "inPlaceAtStart", "peakConnectionsPerEni"})
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
     * Percentiles are {@code null} when nothing was measured (no invocation succeeded; no cold start): a 0 there
     * read as "0 ms", and an {@code expect: latencyMillis.p99 < 500} held for a function that never succeeded. The
     * counts stay numbers; the keys keep the records' order. {@code write} writes one record through {@link Fields}.
     */
    static <T> StdSerializer<T> measured(Class<T> type, Writer<T> write) {
        return new StdSerializer<>(type) {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartObject();
                write.write(value, new Fields(g));
                g.writeEndObject();
            }
        };
    }

    /** Writes one record's fields. */
    interface Writer<T> {
        void write(T value, Fields f) throws IOException;
    }

    /** A count, then the figures measured over what it counts: {@code null} each when it is 0. */
    record Fields(JsonGenerator g) {
        Fields count(String name, long count, String[] names, double... figures) throws IOException {
            g.writeNumberField(name, count);
            for (int i = 0; i < names.length; i++) {
                if (count > 0) {
                    g.writeNumberField(names[i], figures[i]);
                } else {
                    g.writeNullField(names[i]);
                }
            }
            return this;
        }
    }

    private static final String[] LATENCY = {"p50", "p90", "p99", "max"};
    private static final String[] COLD = {"coldStartP50", "coldStartP99"};
    private static final String[] PERCENTILES = {"p50", "p99", "max"};

    /** The mapper that gives a summary its JSON shape (indented; keys in the records' order). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(RunSummary.Enis.class, EnisMixin.class)
            .addMixIn(RunSummary.class, SummaryMixin.class)
            .addMixIn(RunSummary.Sections.class, SectionsMixin.class)
            .addModule(new SimpleModule("enisim-summary")
                    .addSerializer(RunSummary.Latency.class, measured(RunSummary.Latency.class, (l, f) -> f
                            .count("count", l.count(), LATENCY, l.p50(), l.p90(), l.p99(), l.max())
                            .count("coldStarts", l.coldStarts(), COLD, l.coldStartP50(), l.coldStartP99())))
                    .addSerializer(RunSummary.Percentiles.class, measured(RunSummary.Percentiles.class, (q, f) -> f
                            .count("count", q.count(), PERCENTILES, q.p50(), q.p99(), q.max()))))
            .build();

    private SummaryShape() {
    }

    /** A summary as a JSON tree (the shape of summary.json), for paths and statistics. */
    public static JsonNode tree(RunSummary summary) {
        return JSON.valueToTree(summary);
    }
}
