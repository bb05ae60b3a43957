package dev.enisim.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.iac.Change;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions a CloudFormation / SAM template leaves out. A template describes its whole stack: a function of the
 * stack that the template no longer defines is deleted when it deploys (as a Terraform plan says with its delete
 * action). The account's scenario does not say which stack made its functions, so the gate knows a function belongs
 * to the stack from what it is given: the template as deployed ({@code --base-template}: every function it defines),
 * or the stack's name ({@code --stack-name}: the functions CloudFormation tagged with that stack, {@code
 * aws:cloudformation:stack-name} and {@code aws:cloudformation:logical-id}, which {@code enisim import} keeps from
 * get-function's Tags under {@code functions[*].tags} (once the top-level {@code x-enisim-tags}); and, among those
 * whose tags were not imported, the functions named {@code STACK-LogicalId-SUFFIX}, as CloudFormation names a function without a FunctionName). Without
 * either, removed functions cannot be seen, which "What the gate could not know" says.
 */
public final class Removals {

    private Removals() {
    }

    /** The scenario's top-level key where {@code enisim import} kept the functions' CloudFormation tags (old form). */
    public static final String TAGS = "x-enisim-tags";
    /** A function's tags: {@code functions[*].tags}, a map of string to string, as Lambda's Tags. */
    public static final String FUNCTION_TAGS = "tags";
    static final String STACK_TAG = "aws:cloudformation:stack-name";
    static final String LOGICAL_ID_TAG = "aws:cloudformation:logical-id";

    /**
     * The CloudFormation tags of the account's functions (function name -> {@code {aws:cloudformation:stack-name:
     * STACK, aws:cloudformation:logical-id: Id}}, empty when it has neither): from each function's {@code tags}
     * (its other tags left out: the gate reads these two), and from the scenario's top-level {@code x-enisim-tags},
     * the form {@code enisim import} wrote before {@code functions[*].tags}, still read so that an account imported
     * then needs no change. Only the functions whose tags are known are keys. A malformed old-form entry, one naming no
     * function of the scenario, or one for a function that has {@code tags} too, is bad input, with its path; every
     * problem is said at once.
     *
     * @param tree      the account scenario as read (its top-level keys)
     * @param file      the account file, as problems name it
     * @param functions the scenario's function names
     */
    public static Map<String, Map<String, String>> tags(JsonNode tree, String file, Set<String> functions)
            throws ScenarioException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode list = tree == null ? null : tree.get("functions");
        if (list != null && list.isArray()) {
            for (JsonNode f : list) {
                JsonNode t = f.get(FUNCTION_TAGS);
                if (t == null || !t.isObject() || !f.path("name").isTextual()) {
                    continue; // none known; another shape is the scenario loader's problem, said when it loads
                }
                Map<String, String> kept = new TreeMap<>();
                for (String key : List.of(STACK_TAG, LOGICAL_ID_TAG)) {
                    if (t.path(key).isTextual() && !t.path(key).asText().isEmpty()) {
                        kept.put(key, t.path(key).asText());
                    }
                }
                out.put(f.path("name").asText(), kept);
            }
        }
        JsonNode all = tree == null ? null : tree.get(TAGS);
        if (all == null || all.isNull()) {
            return out;
        }
        if (!all.isObject()) {
            problems.add(new Problem(TAGS, "expected a map of function name -> {" + STACK_TAG + ": STACK, "
                    + LOGICAL_ID_TAG + ": LogicalId}, as `enisim import` wrote it (the old form of"
                    + " functions[*].tags)"));
        } else {
            Map<String, Map<String, String>> old = new TreeMap<>();
            all.fields().forEachRemaining(e -> {
                String at = TAGS + "." + e.getKey();
                if (!functions.contains(e.getKey())) {
                    problems.add(new Problem(at, "no function " + e.getKey() + " in the scenario (known: "
                            + String.join(", ", new TreeSet<>(functions)) + ")"));
                    return;
                }
                if (out.containsKey(e.getKey())) {
                    problems.add(new Problem(at, "function " + e.getKey() + " has tags under functions[*].tags"
                            + " too: give its tags in one place (functions[*].tags; x-enisim-tags is the old form)"));
                    return;
                }
                if (!e.getValue().isObject()) {
                    problems.add(new Problem(at, "expected a map {" + STACK_TAG + ": STACK, " + LOGICAL_ID_TAG
                            + ": LogicalId} ({} for none), got " + e.getValue()));
                    return;
                }
                Map<String, String> kept = new TreeMap<>();
                e.getValue().fields().forEachRemaining(t -> {
                    if (!t.getKey().equals(STACK_TAG) && !t.getKey().equals(LOGICAL_ID_TAG)) {
                        problems.add(new Problem(at + "." + t.getKey(), "unknown tag: expected " + STACK_TAG
                                + " or " + LOGICAL_ID_TAG + " (other tags go under functions[*].tags)"));
                    } else if (!t.getValue().isTextual() || t.getValue().asText().isEmpty()) {
                        problems.add(new Problem(at + "." + t.getKey(), "expected a non-empty string, got "
                                + t.getValue()));
                    } else {
                        kept.put(t.getKey(), t.getValue().asText());
                    }
                });
                old.put(e.getKey(), kept);
            });
            out.putAll(old);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(file, problems);
        }
        return out;
    }

    /**
     * The change with the account's functions that belong to the templates' stack but that the templates leave out,
     * each deleted at the deployment; or, when the gate cannot tell, the change with a line saying so.
     *
     * @param change     the change read from the templates (and plans)
     * @param account    the account's function names
     * @param templates  the templates given (--template), as the user wrote them; none: nothing is done
     * @param base       the change read from the templates as deployed (--base-template), or null
     * @param stackName  --stack-name, or null
     * @param tags       the CloudFormation tags of the account's functions whose tags were imported ({@link #tags})
     */
    public static Change apply(Change change, Set<String> account, List<String> templates, Change base,
            String stackName, Map<String, Map<String, String>> tags) {
        if (templates.isEmpty()) {
            return change;
        }
        Set<String> kept = new TreeSet<>();
        Set<String> logicalIds = new TreeSet<>();
        for (Change.Function f : change.functions()) {
            kept.add(f.name());
            Matcher m = LOGICAL_ID.matcher(f.where());
            if (m.find()) {
                logicalIds.add(m.group(1));
            }
        }
        Map<String, String> removed = new TreeMap<>(); // name -> where the gate knows it from
        if (base != null) {
            for (Change.Function f : base.functions()) {
                if (f.action() != Change.Action.DELETE && account.contains(f.name()) && !kept.contains(f.name())) {
                    removed.putIfAbsent(f.name(), f.where() + " (--base-template), which --template leaves out");
                }
            }
        }
        if (stackName != null) {
            Pattern generated = Pattern.compile(Pattern.quote(stackName) + "-([A-Za-z0-9]+)-[A-Za-z0-9]{8,13}");
            for (String a : new TreeSet<>(account)) {
                Map<String, String> t = tags.get(a);
                if (t != null) { // CloudFormation's own tags say whose it is, FunctionName or not
                    String id = t.get(LOGICAL_ID_TAG);
                    if (stackName.equals(t.get(STACK_TAG)) && id != null && !kept.contains(a)
                            && !logicalIds.contains(id)) {
                        removed.putIfAbsent(a, "tagged by CloudFormation as function " + id + " of stack " + stackName
                                + " (" + STACK_TAG + ", " + LOGICAL_ID_TAG + "; --stack-name), which --template does"
                                + " not define");
                    }
                    continue;
                }
                Matcher m = generated.matcher(a);
                if (m.matches() && !kept.contains(a) && !logicalIds.contains(m.group(1))) {
                    removed.putIfAbsent(a, "named as CloudFormation names function " + m.group(1) + " of stack "
                            + stackName + " (--stack-name), which --template does not define");
                }
            }
        }
        List<Change.Function> functions = new ArrayList<>(change.functions());
        List<String> notes = new ArrayList<>(change.notes());
        removed.forEach((name, where) -> functions.add(new Change.Function(name, where, Change.Action.DELETE, true,
                List.of(), List.of(), null, null, null, 0, false)));
        List<Change.Placeholder> placeholders = new ArrayList<>(change.placeholders());
        int untagged = (int) account.stream().filter(a -> !tags.containsKey(a)).count();
        if (base == null && (stackName == null || untagged > 0)) {
            placeholders.add(unseen(templates, stackName != null, untagged, account.size()));
        }
        return new Change(functions, change.vpcs(), change.subnets(), change.groups(), change.interfaces(),
                placeholders, notes, change.sources(), change.unsimulated());
    }

    /**
     * The one line of "What the gate could not know" when removed functions cannot all be seen: without
     * --base-template and --stack-name none is; with --stack-name alone, those with a FunctionName whose tags were
     * not imported ({@code untagged} of the account's {@code functions}) are not.
     */
    static Change.Placeholder unseen(List<String> templates, boolean stackName, int untagged, int functions) {
        return new Change.Placeholder(String.join(", ", templates), stackName
                ? "removed functions with a FunctionName cannot be seen without --base-template among the "
                + (untagged == functions ? "account's " + functions + " function(s), whose" : untagged + " of the"
                + " account's " + functions + " functions whose") + " CloudFormation tags were not imported (with"
                + " --stack-name those are known as the stack's only when named STACK-LogicalId-SUFFIX; `enisim"
                + " import` keeps the " + STACK_TAG + " tags of get-function output, list-functions prints none)"
                : "removed functions cannot be seen without --base-template or --stack-name: a function of the stack"
                + " that the template leaves out is deleted when it deploys, but the account's scenario does not say"
                + " which stack made its functions", "give --base-template FILE, the template as deployed (the pull"
                + " request's base branch)" + (stackName ? ", or import the account with `aws lambda get-function`"
                + " output for each function" : ", or --stack-name for functions CloudFormation tagged with the"
                + " stack or named STACK-LogicalId-SUFFIX"));
    }

    /** A template function's {@code where}: {@code FILE: Resources.LogicalId}. */
    private static final Pattern LOGICAL_ID = Pattern.compile(": Resources\\.([A-Za-z0-9]+)$");
}
