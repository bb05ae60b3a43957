package dev.enisim.check;

import dev.enisim.scenario.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.model.SimEvent;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Suggest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code updates[i]} in an expect block: the i-th function configuration update the run made (an {@code updateVpcConfig}
 * of the timeline that Lambda accepted), all functions together in time order, as one subject with its outcome: which
 * function, when, the LastUpdateStatus it ended with, the reason of a failure, and how long it stayed InProgress.
 * summary.json records each function's updates as the status changes they made ({@code functions.F.updates[]}: an
 * InProgress, then a Successful or a Failed), so "the update was Successful within 5 minutes" needed two entries and
 * a subtraction nobody can write; the check derives these from them, and summary.json is unchanged.
 */
public final class Updates {

    /** The fields of {@code updates[i]}, as the README lists them. */
    public static final List<String> FIELDS = List.of("function", "atSeconds", "lastUpdateStatus", "reasonCode",
            "inProgressSeconds");

    /** A path whose subject is an update: {@code updates}, {@code updates[i]...}, {@code updates.x}. */
    private static final Pattern SUBJECT = Pattern.compile("updates(?=$|[.\\[])");
    private static final Pattern ELEMENT = Pattern.compile("updates\\[([0-9]+)]\\.?(.*)");

    private Updates() {
    }

    /** Whether {@code path} names the run's updates (and so is read from {@link #add}'s list). */
    static boolean named(String path) {
        return SUBJECT.matcher(path).lookingAt();
    }

    /**
     * Why {@code path}, which names updates, is not one of the forms {@code updates[i].FIELD}, or null when it is.
     * Said when the expect block is read: no run has it otherwise.
     */
    static String formProblem(String path, String text) {
        Matcher m = ELEMENT.matcher(path);
        String expected = "expected updates[i].FIELD, the i-th configuration update of the run (from 0, in time "
                + "order) with FIELD one of " + String.join(", ", FIELDS);
        if (!m.matches()) {
            return Problem.quote(text) + ": " + expected;
        }
        if (m.group(2).isEmpty()) {
            return Problem.quote(text) + ": updates[" + m.group(1) + "] is an update, not one figure; " + expected;
        }
        if (!FIELDS.contains(m.group(2))) {
            String close = Suggest.closest(m.group(2), FIELDS);
            return Problem.quote(text) + ": " + Problem.quote(Expectation.visible(m.group(2))) + " is not a field of an update"
                    + (close == null ? "" : " (did you mean " + Problem.quote(close) + "?)") + "; " + expected;
        }
        try {
            Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return Problem.quote(text) + ": " + expected + " (an index below 2^31)";
        }
        return null;
    }

    /**
     * Why {@code path} asks for an update {@code scenario} cannot make (its timeline has fewer updateVpcConfig
     * actions), or null. A timeline's update Lambda rejects (the function Pending, or updating already) is made by no
     * run: that one is said after the run, with the number the run made.
     */
    static String beyondTimeline(String path, String text, Scenario scenario) {
        Matcher m = ELEMENT.matcher(path);
        if (!m.matches()) {
            return null;
        }
        long asked = Long.parseLong(m.group(1));
        int actions = 0;
        for (Scenario.At at : scenario.timeline()) {
            actions += at.action() instanceof SimEvent.UpdateVpcConfig ? 1 : 0;
        }
        if (asked < actions) {
            return null;
        }
        return Problem.quote(text) + ": " + (actions == 0 ? "the scenario's timeline has no updateVpcConfig action, so a run "
                + "makes no update; expected updates[i] for the i-th updateVpcConfig the run makes"
                : "the scenario's timeline has " + actions + " updateVpcConfig action" + (actions == 1 ? "" : "s")
                + ", so a run makes at most " + actions + " update" + (actions == 1 ? "" : "s") + ": expected updates[0]"
                + (actions == 1 ? "" : " to updates[" + (actions - 1) + "]"));
    }

    /**
     * Adds to a summary tree the top-level list {@code updates}: every function's updates (read from its
     * {@code functions.F.updates} status changes), in time order (a tie in the order of the functions). An InProgress
     * change begins one, the next change ends it; a change to Successful or Failed with no InProgress before it (a
     * detach, an Inactive function, a refused config) is an update of 0 s. One still InProgress at the end of the run
     * has {@code inProgressSeconds} null.
     */
    static void add(JsonNode tree) {
        List<ObjectNode> all = new ArrayList<>();
        JsonNode functions = tree.get("functions");
        for (Iterator<Map.Entry<String, JsonNode>> it = functions == null ? java.util.Collections.emptyIterator()
                : functions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            ObjectNode open = null;
            for (JsonNode change : f.getValue().path("updates")) {
                String status = change.path("lastUpdateStatus").asText();
                double at = change.path("atSeconds").asDouble();
                if (open != null) { // the change that ends the update in progress
                    open.put("lastUpdateStatus", status);
                    open.set("reasonCode", change.get("reasonCode"));
                    open.put("inProgressSeconds", at - open.get("atSeconds").asDouble());
                    open = null;
                    continue;
                }
                ObjectNode u = JsonNodeFactory.instance.objectNode();
                u.put("function", f.getKey());
                u.put("atSeconds", at);
                u.put("lastUpdateStatus", status);
                u.set("reasonCode", change.get("reasonCode"));
                if (status.equals("InProgress")) {
                    u.putNull("inProgressSeconds");
                    open = u;
                } else {
                    u.put("inProgressSeconds", 0.0);
                }
                all.add(u);
            }
        }
        all.sort(java.util.Comparator.comparingDouble(u -> u.get("atSeconds").asDouble())); // stable: functions' order
        ArrayNode list = ((ObjectNode) tree).putArray("updates");
        all.forEach(list::add);
    }
}
