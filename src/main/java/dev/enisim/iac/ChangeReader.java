package dev.enisim.iac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads templates, CDK output folders and Terraform plans into one {@link Change}. */
public final class ChangeReader {

    /**
     * What the change is read against.
     *
     * @param parameters  template parameter values (from {@code --parameters} files)
     * @param exports     export name -> value (from {@code aws cloudformation list-exports} output)
     * @param pseudo      AWS::Region, AWS::StackName, AWS::AccountId when given
     * @param subnetVpc   the account's subnets and their VPCs
     * @param functions   the account's function names
     * @param deleteStack the templates' stacks are deleted (every function in them deleted at once)
     */
    public record Inputs(Map<String, String> parameters, Map<String, String> exports, Map<String, String> pseudo,
            Map<String, String> subnetVpc, Set<String> functions, boolean deleteStack,
            Map<String, Map<String, String>> stackParameters) {

        /**
         * @param parameters      values for every template that declares them (with one template: all its own)
         * @param stackParameters values for one template only ({@code --parameters TEMPLATE=FILE}): TEMPLATE as given
         *                        with --template, a template file, its file name or its stack's name -> values
         */
        public Inputs {
            parameters = new TreeMap<>(parameters);
            exports = new TreeMap<>(exports);
            pseudo = new TreeMap<>(pseudo);
            subnetVpc = new TreeMap<>(subnetVpc);
            functions = Set.copyOf(functions);
            Map<String, Map<String, String>> scoped = new java.util.LinkedHashMap<>();
            stackParameters.forEach((k, v) -> scoped.put(k, new TreeMap<>(v)));
            stackParameters = scoped;
        }

        /** Without parameters for one template only. */
        public Inputs(Map<String, String> parameters, Map<String, String> exports, Map<String, String> pseudo,
                Map<String, String> subnetVpc, Set<String> functions, boolean deleteStack) {
            this(parameters, exports, pseudo, subnetVpc, functions, deleteStack, Map.of());
        }
    }

    private ChangeReader() {
    }

    /**
     * @param templates CloudFormation / SAM / CDK templates, or CDK output folders (every {@code *.template.json}
     *                  at their top; nested stacks are read through their parents)
     * @param plans     {@code terraform show -json} outputs
     */
    public static Change read(List<Path> templates, List<Path> plans, Inputs in) throws ScenarioException {
        Builder b = new Builder(in);
        List<Path> files = new ArrayList<>();
        Map<Path, List<String>> names = new java.util.LinkedHashMap<>(); // what --parameters NAME=FILE may call it
        for (Path t : templates) {
            for (Path f : expand(t)) {
                files.add(f);
                names.computeIfAbsent(f, k -> new ArrayList<>()).addAll(List.of(t.toString(), f.toString(),
                        f.getFileName().toString()));
            }
        }
        Map<Path, String> stacks = stacks(files);
        stacks.forEach((f, s) -> {
            if (s != null) {
                names.get(f).add(s);
            }
        });
        Map<Path, JsonNode> trees = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            trees.put(f, TemplateFile.read(f));
        }
        Map<Path, Map<String, String>> given = parameters(files, names, trees, in);
        if (in.exports().containsKey(PARTIAL_EXPORTS)) {
            b.notes.add("--exports " + in.exports().get(PARTIAL_EXPORTS) + ": one page of several of `aws cloudformation"
                    + " list-exports` (it has a NextToken, and no last page is given): an export on the other pages is"
                    + " not known here");
        }
        for (Path f : files) {
            new CloudFormation(f, trees.get(f), given.get(f), b, stacks.get(f)).read();
            b.sources.add(f + " (CloudFormation template" + (stacks.get(f) == null ? "" : ", stack " + stacks.get(f))
                    + ")");
            b.throwIfProblems();
        }
        for (Path p : plans) {
            new TerraformPlan(p, TemplateFile.read(p), b).read();
            b.sources.add(p + " (terraform show -json)");
            b.throwIfProblems();
        }
        return b.build();
    }

    /**
     * The parameter values of each template: with one template, every plain {@code --parameters} value (a key it
     * does not declare is its problem); with several, those of the keys it declares (a key none declares is
     * refused); then the values given for it alone ({@code TEMPLATE=FILE}: every key its own).
     */
    private static Map<Path, Map<String, String>> parameters(List<Path> files, Map<Path, List<String>> names,
            Map<Path, JsonNode> trees, Inputs in) throws ScenarioException {
        Map<Path, Map<String, String>> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> declaredAnywhere = new java.util.TreeSet<>();
        for (Path f : files) {
            Map<String, String> mine = new TreeMap<>();
            JsonNode declared = trees.get(f).path("Parameters");
            in.parameters().forEach((k, v) -> {
                if (files.size() == 1 || declared.has(k) || k.startsWith("AWS::")) { // a pseudo parameter: all
                    mine.put(k, v);
                }
            });
            declared.fieldNames().forEachRemaining(declaredAnywhere::add);
            out.put(f, mine);
        }
        List<Problem> problems = new ArrayList<>();
        if (files.size() > 1) {
            for (String k : in.parameters().keySet()) {
                if (!declaredAnywhere.contains(k) && !k.startsWith("AWS::")) {
                    problems.add(new Problem(k, "--parameters gives " + k + ", which none of the " + files.size()
                            + " templates declares (declared: " + String.join(", ", declaredAnywhere) + "); give a"
                            + " template's own with --parameters TEMPLATE=FILE"));
                }
            }
        }
        for (Map.Entry<String, Map<String, String>> e : in.stackParameters().entrySet()) {
            List<Path> matched = files.stream().filter(f -> names.get(f).contains(e.getKey())).toList();
            if (matched.isEmpty()) {
                List<String> known = new ArrayList<>();
                files.forEach(f -> known.add(names.get(f).get(names.get(f).size() - 1)));
                problems.add(new Problem(e.getKey(), "no template given with --template is called that (expected"
                        + " one as given, a file of it, its file name or its stack's name: " + String.join(", ", known)
                        + ")"));
            }
            matched.forEach(f -> out.get(f).putAll(e.getValue()));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException("--parameters", problems);
        }
        return out;
    }

    /**
     * The name of each template's stack when several are read together (logical ids are per stack: two stacks of one
     * CDK app define the same ones): its file name less {@code .template.json}, {@code .yaml}..., with its folder's
     * name before it when two files share it, else the path as given; none (null) for one template.
     */
    static Map<Path, String> stacks(List<Path> files) {
        Map<Path, String> out = new java.util.LinkedHashMap<>();
        if (files.size() < 2) {
            files.forEach(f -> out.put(f, null));
            return out;
        }
        java.util.function.Function<Path, String> base = f -> f.getFileName().toString()
                .replaceFirst("(?i)(\\.template)?(\\.json|\\.ya?ml|\\.template)$", "");
        java.util.function.Function<Path, String> folder = f -> (f.toAbsolutePath().normalize().getParent() == null
                || f.toAbsolutePath().normalize().getParent().getFileName() == null ? ""
                : f.toAbsolutePath().normalize().getParent().getFileName() + "/") + base.apply(f);
        java.util.function.Function<Path, String> whole = f -> f.toString()
                .replaceFirst("(?i)(\\.template)?(\\.json|\\.ya?ml|\\.template)$", "");
        for (java.util.function.Function<Path, String> name : List.of(base, folder, whole)) {
            Map<String, Long> count = new TreeMap<>();
            files.forEach(f -> count.merge(name.apply(f), 1L, Long::sum));
            for (Path f : files) {
                if (!out.containsKey(f) && count.get(name.apply(f)) == 1) {
                    out.put(f, name.apply(f));
                }
            }
        }
        files.forEach(f -> out.putIfAbsent(f, whole.apply(f))); // the same file given twice
        return out;
    }

    private static List<Path> expand(Path t) throws ScenarioException {
        if (!Files.isDirectory(t)) {
            return List.of(t);
        }
        try (Stream<Path> files = Files.list(t)) {
            List<Path> out = files.filter(f -> f.getFileName().toString().endsWith(".template.json")
                    && !f.getFileName().toString().endsWith(".nested.template.json")).sorted().toList();
            if (out.isEmpty()) {
                throw TemplateFile.fail(t, "no *.template.json in this folder (expected a CDK output folder, cdk.out)");
            }
            return out;
        } catch (IOException e) {
            throw TemplateFile.fail(t, "cannot read the folder: " + e.getMessage());
        }
    }

    /**
     * Parameter values from a file in one of the shapes CloudFormation tools use: {@code [{"ParameterKey": K,
     * "ParameterValue": V}]} (aws cloudformation create-stack --parameters file://...), {@code ["K=V", ...]} (aws
     * cloudformation deploy --parameter-overrides file://...), {@code {"Parameters": {K: V}}} (CodePipeline template
     * configuration) or {@code {K: V}}.
     */
    public static Map<String, String> parameters(Path file) throws ScenarioException {
        JsonNode root;
        try {
            root = TemplateFile.readAny(file);
        } catch (ScenarioException e) { // it said "expected a template or plan" of a parameters file
            if (e.problems().size() == 1 && e.problems().get(0).message().startsWith("expected a template or plan")) {
                throw TemplateFile.fail(file, "expected template parameters: [{\"ParameterKey\": K, \"ParameterValue\":"
                        + " V}], [\"K=V\", ...], {\"Parameters\": {K: V}} or {K: V}");
            }
            throw e;
        }
        List<Problem> problems = new ArrayList<>();
        if (root.isArray()) {
            Map<String, String> list = root.size() > 0 && root.get(0).isTextual() ? overrides(root, problems)
                    : parameterList(root, problems);
            if (!problems.isEmpty()) {
                throw new ScenarioException(file.toString(), problems);
            }
            return list;
        }
        Map<String, String> out = new TreeMap<>();
        JsonNode map = root.has("Parameters") && root.get("Parameters").isObject() ? root.get("Parameters") : root;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) {
                out.put(e.getKey(), e.getValue().asText());
            } else if (e.getValue().isArray()) {
                List<String> parts = new ArrayList<>();
                e.getValue().forEach(v -> parts.add(v.asText()));
                out.put(e.getKey(), String.join(",", parts));
            } else {
                problems.add(new Problem(e.getKey(), "expected a string value, got " + e.getValue()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(file.toString(), problems);
        }
        return out;
    }

    /**
     * {@code ["K=V", ...]}, the parameter file of {@code aws cloudformation deploy --parameter-overrides}: each value is
     * what follows the first '=' (it may hold more).
     */
    static Map<String, String> overrides(JsonNode list, List<Problem> problems) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            int eq = e.isTextual() ? e.asText().indexOf('=') : -1;
            if (eq < 1) {
                problems.add(new Problem("[" + i + "]", "expected \"NAME=VALUE\", got " + e));
            } else {
                out.put(e.asText().substring(0, eq).strip(), e.asText().substring(eq + 1));
            }
        }
        return out;
    }

    /** {@code [{"ParameterKey", "ParameterValue"}]}, the AWS CLI's parameter file, read by {@link #parameters}. */
    /** A parameter given as {@code UsePreviousValue}: its value is the deployed stack's, which the gate cannot see. */
    static final String PREVIOUS_VALUE = "\u0000UsePreviousValue";

    static Map<String, String> parameterList(JsonNode list, List<Problem> problems) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode k = list.get(i).get("ParameterKey");
            JsonNode v = list.get(i).get("ParameterValue");
            if (k != null && k.isTextual() && v == null && list.get(i).path("UsePreviousValue").asBoolean(false)) {
                out.put(k.asText(), PREVIOUS_VALUE); // update-stack's: the stack's current value, not known here
                continue;
            }
            if (k == null || !k.isTextual() || v == null || !v.isValueNode()) {
                problems.add(new Problem("[" + i + "]", "expected {\"ParameterKey\": NAME, \"ParameterValue\": VALUE}"));
            } else {
                out.put(k.asText(), v.asText());
            }
        }
        return out;
    }

    /**
     * A YAML or JSON file of the gate's (its rules) read as templates are: UTF-8, or UTF-16 as Windows PowerShell
     * writes it; an object or a list at the top.
     */
    public static JsonNode tree(Path file) throws ScenarioException {
        return TemplateFile.readAny(file);
    }

    /**
     * In the exports map: the list-exports pages given that have a {@code NextToken}, when none of the files given is
     * a last page (one without it): the listing is partial, and an export not found may be on a page not given.
     */
    static final String PARTIAL_EXPORTS = "\u0000NextToken";

    /**
     * Several {@code aws cloudformation list-exports} outputs (its pages, or listings of several Regions) as one map;
     * when each has a {@code NextToken} (no last page among them), {@link #PARTIAL_EXPORTS} names them.
     */
    public static Map<String, String> exports(List<Path> files) throws ScenarioException {
        Map<String, String> out = new TreeMap<>();
        List<String> pages = new ArrayList<>();
        List<ScenarioException> bad = new ArrayList<>();
        for (Path f : files) {
            try {
                out.putAll(exports(f));
                JsonNode token = TemplateFile.read(f).get("NextToken");
                if (token != null && token.isTextual() && !token.asText().isEmpty()) {
                    pages.add(f.toString());
                }
            } catch (ScenarioException e) {
                bad.add(e);
            }
        }
        if (!bad.isEmpty()) {
            throw bad.size() == 1 ? bad.get(0) : new ScenarioException(bad);
        }
        if (!pages.isEmpty() && pages.size() == files.size()) {
            out.put(PARTIAL_EXPORTS, String.join(", ", pages));
        }
        return out;
    }

    /** {@code aws cloudformation list-exports} output: {@code {"Exports": [{"Name", "Value"}]}}. */
    public static Map<String, String> exports(Path file) throws ScenarioException {
        JsonNode root = TemplateFile.read(file);
        JsonNode list = root.get("Exports");
        if (list == null || !list.isArray()) {
            throw TemplateFile.fail(file, "expected the output of `aws cloudformation list-exports` ({\"Exports\":"
                    + " [{\"Name\": ..., \"Value\": ...}]})");
        }
        Map<String, String> out = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i).get("Name");
            JsonNode v = list.get(i).get("Value");
            if (n == null || !n.isTextual() || v == null || !v.isTextual()) {
                problems.add(new Problem("Exports[" + i + "]", "expected {\"Name\": ..., \"Value\": ...}"));
            } else {
                out.put(n.asText(), v.asText());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(file.toString(), problems);
        }
        return out;
    }
}
