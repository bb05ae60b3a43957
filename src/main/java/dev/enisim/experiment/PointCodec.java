package dev.enisim.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A point's result as one line of JSON: {@code {"i":3,"values":{...},"metrics":{"enis.peak":{"n":..,"mean":..,
 * ...}},"problem":null}}. Every engine hands results back in this form, the progress file keeps them in it, and
 * every result is decoded from it before it is reported, so the outputs cannot depend on where a point ran.
 * Doubles are written in their shortest exact form and read back to the same bits; a replication's value that
 * was not measured ({@code runs}: NaN) is written "NaN" and read back as NaN.
 */
public final class PointCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A decoded line: the point's index and its result. */
    public record Indexed(int index, Sweep.Point point) {
    }

    private PointCodec() {
    }

    public static String encode(int index, Sweep.Point p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("i", index);
        ObjectNode values = o.putObject("values");
        p.values().forEach(values::put);
        ObjectNode metrics = o.putObject("metrics");
        for (Map.Entry<String, MetricStats> e : p.metrics().entrySet()) {
            MetricStats s = e.getValue();
            metrics.putObject(e.getKey()).put("n", s.n()).put("mean", s.mean()).put("sd", s.sd())
                    .put("ciLow", s.ciLow()).put("ciHigh", s.ciHigh());
        }
        if (!p.runs().isEmpty()) {
            ObjectNode runs = o.putObject("runs");
            p.runs().forEach((m, v) -> {
                com.fasterxml.jackson.databind.node.ArrayNode a = runs.putArray(m);
                v.forEach(a::add);
            });
        }
        if (p.problem() == null) {
            o.putNull("problem");
        } else {
            o.put("problem", p.problem());
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line decoded, or null when it is not a complete result line (the torn last line of a killed run). */
    public static Indexed decode(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (o == null || !o.has("i") || !o.has("values") || !o.has("metrics") || !o.has("problem")) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.get("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), e.getValue().asText());
        }
        Map<String, MetricStats> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.get("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            metrics.put(e.getKey(), new MetricStats(s.get("n").asLong(), number(s.get("mean")), number(s.get("sd")),
                    number(s.get("ciLow")), number(s.get("ciHigh"))));
        }
        Map<String, java.util.List<Double>> runs = new LinkedHashMap<>();
        if (o.has("runs")) { // absent from the results of an enisim before December 2026
            for (Iterator<Map.Entry<String, JsonNode>> it = o.get("runs").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                java.util.List<Double> v = new java.util.ArrayList<>();
                e.getValue().forEach(x -> v.add(number(x)));
                runs.put(e.getKey(), java.util.List.copyOf(v));
            }
        }
        JsonNode problem = o.get("problem");
        return new Indexed(o.get("i").asInt(), new Sweep.Point(values, metrics,
                problem.isNull() ? null : problem.asText(), runs));
    }

    /**
     * Why a decoded point contradicts itself, or null: a metric counted over fewer than one run, a mean outside its
     * own 95% interval, or, where its runs are kept, a count or a mean that is not theirs (within 1e-9 of the largest
     * run's size: the mean is summed in another order). Every point enisim computes holds these (its interval's ends
     * are clamped and raised, never past the mean); a progress file's line edited by hand (a mean changed from
     * 520461.13 to 42.0, its interval and runs left: a security review, fifty-ninth pass) or damaged does not.
     */
    public static String inconsistency(Sweep.Point p) {
        for (Map.Entry<String, MetricStats> e : p.metrics().entrySet()) {
            MetricStats s = e.getValue();
            String m = e.getKey();
            if (s.n() < 1) {
                return "its " + m + " is counted over " + s.n() + " runs";
            }
            if (Double.isFinite(s.mean()) && Double.isFinite(s.ciLow()) && Double.isFinite(s.ciHigh())
                    && !(s.ciLow() <= s.mean() && s.mean() <= s.ciHigh())) {
                return "its " + m + " mean " + s.mean() + " lies outside its own interval [" + s.ciLow() + ", "
                        + s.ciHigh() + "]";
            }
            java.util.List<Double> runs = p.runs().get(m);
            if (runs == null) {
                continue; // a line of an enisim before December 2026 keeps no runs
            }
            long count = 0;
            double sum = 0;
            double largest = 0;
            for (double v : runs) {
                if (!Double.isNaN(v)) { // NaN: a replication without a value, not counted
                    count++;
                    sum += v;
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            if (count != s.n()) {
                return "its " + m + " is counted over " + s.n() + " runs, and " + count + " runs are listed";
            }
            if (Double.isFinite(sum) && Double.isFinite(s.mean())
                    && Math.abs(sum / count - s.mean()) > 1e-9 * Math.max(largest, Double.MIN_NORMAL)) {
                return "its " + m + " mean " + s.mean() + " is not the mean of its runs, " + sum / count;
            }
        }
        return null;
    }

    /** A double as written: a number, or "NaN" / "Infinity" as Jackson spells them. */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }
}
