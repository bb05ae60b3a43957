package dev.enisim.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

    /** The mapper that gives a summary its JSON shape (indented; keys in the records' order). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(RunSummary.Enis.class, EnisMixin.class)
            .addMixIn(RunSummary.class, SummaryMixin.class)
            .addMixIn(RunSummary.Sections.class, SectionsMixin.class)
            .build();

    private SummaryShape() {
    }

    /** A summary as a JSON tree (the shape of summary.json), for paths and statistics. */
    public static JsonNode tree(RunSummary summary) {
        return JSON.valueToTree(summary);
    }
}
