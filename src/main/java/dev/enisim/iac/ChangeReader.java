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
            Map<String, Map<String, String>> stackParameters, Map<String, Origin> origins,
            Map<String, Map<String, Origin>> stackOrigins) {

        /**
         * @param parameters      values for every template that declares them (with one template: all its own)
         * @param stackParameters values for one template only ({@code --parameters TEMPLATE=FILE}): TEMPLATE as given
         *                        with --template, a template file, its file name or its stack's name -> values
         * @param origins         where each of {@code parameters} was given (a key without one: not from a file)
         * @param stackOrigins    the same for {@code stackParameters}
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
            origins = new TreeMap<>(origins);
            Map<String, Map<String, Origin>> scopedOrigins = new java.util.LinkedHashMap<>();
            stackOrigins.forEach((k, v) -> scopedOrigins.put(k, new TreeMap<>(v)));
            stackOrigins = scopedOrigins;
        }

        /** Parameters not read from files (no origins). */
        public Inputs(Map<String, String> parameters, Map<String, String> exports, Map<String, String> pseudo,
                Map<String, String> subnetVpc, Set<String> functions, boolean deleteStack,
                Map<String, Map<String, String>> stackParameters) {
            this(parameters, exports, pseudo, subnetVpc, functions, deleteStack, stackParameters, Map.of(), Map.of());
        }

        /** Without parameters for one template only. */
        public Inputs(Map<String, String> parameters, Map<String, String> exports, Map<String, String> pseudo,
                Map<String, String> subnetVpc, Set<String> functions, boolean deleteStack) {
            this(parameters, exports, pseudo, subnetVpc, functions, deleteStack, Map.of());
        }
    }

    /**
     * Where a parameter's value was given, for messages: its parameters file, the path there of its key and of its
     * value ({@code [2].ParameterKey} and {@code [2].ParameterValue}; {@code Parameters.Subnets} for both in a map),
     * and whether the value was a list there (joined by commas, as a CommaDelimitedList's value is).
     */
    public record Origin(String file, String keyPath, String valuePath, boolean list) {
    }

    /** A parameters file read: each key's value (the last when a key is given twice) and where it was given. */
    public record ParameterFile(Path file, Map<String, String> values, Map<String, Origin> origins) {
    }

    private ChangeReader() {
    }

    /**
     * @param templates CloudFormation / SAM / CDK templates, or CDK output folders (every {@code *.template.json}
     *                  at their top, each stack named as its manifest.json names it; nested stacks are read
     *                  through their parents)
     * @param plans     {@code terraform show -json} outputs
     */
    public static Change read(List<Path> templates, List<Path> plans, Inputs in) throws ScenarioException {
        Builder b = new Builder(in);
        List<Path> files = new ArrayList<>();
        Map<Path, List<String>> names = new java.util.LinkedHashMap<>(); // what --parameters NAME=FILE may call it
        Map<Path, String> deployed = new java.util.LinkedHashMap<>(); // a cdk.out template: its stack's name
        for (Path t : templates) {
            Map<Path, String[]> manifest = Files.isDirectory(t) ? manifest(t) : Map.of();
            for (Path f : expand(t)) {
                files.add(f);
                names.computeIfAbsent(f, k -> new ArrayList<>()).addAll(List.of(t.toString(), f.toString(),
                        f.getFileName().toString()));
                String[] stack = manifest.get(f.toAbsolutePath().normalize());
                if (stack != null) {
                    deployed.put(f, stack[0]);
                    names.get(f).add(stack[1]);
                }
            }
        }
        Map<Path, String> stacks = stacks(files);
        Map<String, Long> named = new TreeMap<>();
        deployed.values().forEach(s -> named.merge(s, 1L, Long::sum));
        for (Map.Entry<Path, String> d : deployed.entrySet()) { // named as CloudFormation knows it, when unique
            boolean unique = named.get(d.getValue()) == 1 && stacks.entrySet().stream().noneMatch(e -> !e.getKey()
                    .equals(d.getKey()) && !deployed.containsKey(e.getKey()) && d.getValue().equals(e.getValue()));
            if (stacks.get(d.getKey()) != null && unique) {
                stacks.put(d.getKey(), d.getValue());
            }
        }
        stacks.forEach((f, s) -> {
            if (s != null) {
                names.get(f).add(s);
            }
        });
        deployed.forEach((f, s) -> names.get(f).add(s));
        String stackName = in.pseudo().get("AWS::StackName");
        for (Map.Entry<Path, String> d : deployed.entrySet()) {
            if (stackName != null && !stackName.equals(d.getValue())) {
                b.notes.add("--stack-name " + stackName + " is not used for " + d.getKey() + ": its CDK manifest"
                        + " (manifest.json) names its stack " + d.getValue());
            }
        }
        Map<Path, JsonNode> trees = new java.util.LinkedHashMap<>();
        List<ScenarioException> unread = new ArrayList<>(); // files not read at all: said with the others' problems
        java.util.Set<Path> notRead = new java.util.HashSet<>();
        for (Path f : files) {
            try {
                trees.put(f, TemplateFile.read(f));
            } catch (ScenarioException e) {
                unread.add(e);
                notRead.add(f);
                trees.put(f, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            }
        }
        Map<Path, Map<String, Origin>> origins = new java.util.LinkedHashMap<>();
        Map<String, List<Problem>> pending = new java.util.LinkedHashMap<>();
        Map<Path, Map<String, String>> given = parameters(files, names, trees, in, origins, deployed, pending);
        if (in.exports().containsKey(PARTIAL_EXPORTS)) {
            b.notes.add("--exports " + in.exports().get(PARTIAL_EXPORTS) + ": one page of several of `aws cloudformation"
                    + " list-exports` (it has a NextToken, and no last page is given): an export on the other pages is"
                    + " not known here");
        }
        for (Path f : files) {
            if (notRead.contains(f)) {
                continue; // its problem is in unread
            }
            new CloudFormation(f, trees.get(f), given.get(f), origins.get(f), b, stacks.get(f)).read();
            b.sources.add(f + " (" + (sam(trees.get(f)) ? "SAM" : "CloudFormation") + " template"
                    + (stacks.get(f) == null ? "" : ", stack " + stacks.get(f)) + ")");
        }
        // the parameters' problems only the templates tell (a key none declares), after the templates' own
        pending.forEach((source, ps) -> ps.forEach(b.problems(Path.of(source))::add));
        for (Path p : plans) {
            JsonNode plan;
            try {
                plan = TemplateFile.readPlan(p);
            } catch (ScenarioException e) {
                unread.add(e);
                continue;
            }
            new TerraformPlan(p, plan, b).read();
            b.sources.add(p + " (terraform show -json)");
        }
        try { // every file's problems at once: the templates', the plans' and the parameters files'
            b.throwIfProblems();
        } catch (ScenarioException e) {
            unread.add(0, e);
        }
        if (!unread.isEmpty()) {
            throw merge(unread);
        }
        return b.build();
    }

    /**
     * The parameter values of each template: with one template, every plain {@code --parameters} value (a key it
     * does not declare is its problem); with several, those of the keys it declares (a key none declares is
     * refused); then the values given for it alone ({@code TEMPLATE=FILE}: every key its own).
     */
    private static Map<Path, Map<String, String>> parameters(List<Path> files, Map<Path, List<String>> names,
            Map<Path, JsonNode> trees, Inputs in, Map<Path, Map<String, Origin>> origins, Map<Path, String> deployed,
            Map<String, List<Problem>> pending) {
        Map<Path, Map<String, String>> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> declaredAnywhere = new java.util.TreeSet<>();
        for (Path f : files) {
            Map<String, String> mine = new TreeMap<>();
            Map<String, Origin> where = new TreeMap<>();
            JsonNode declared = trees.get(f).path("Parameters");
            in.parameters().forEach((k, v) -> {
                if (files.size() == 1 || declared.has(k) || k.startsWith("AWS::")) { // a pseudo parameter: all
                    mine.put(k, v);
                    if (in.origins().containsKey(k)) {
                        where.put(k, in.origins().get(k));
                    }
                }
            });
            if (deployed.containsKey(f)) { // the stack's name in the CDK manifest: its AWS::StackName
                mine.put("AWS::StackName", deployed.get(f));
                where.remove("AWS::StackName");
            }
            declared.fieldNames().forEachRemaining(declaredAnywhere::add);
            out.put(f, mine);
            origins.put(f, where);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, List<Problem>> inFiles = new java.util.LinkedHashMap<>(); // a parameters file's own problems
        if (files.size() > 1) {
            for (String k : in.parameters().keySet()) {
                if (!declaredAnywhere.contains(k) && !k.startsWith("AWS::")) {
                    Origin o = in.origins().get(k);
                    Problem q = new Problem(o == null ? k : o.keyPath(), "--parameters gives " + k + ", which none of"
                            + " the " + files.size() + " templates declares (declared: " + String.join(", ",
                            declaredAnywhere) + "); give a template's own with --parameters TEMPLATE=FILE");
                    if (o == null) {
                        problems.add(q);
                    } else {
                        inFiles.computeIfAbsent(o.file(), x -> new ArrayList<>()).add(q);
                    }
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
            matched.forEach(f -> {
                out.get(f).putAll(e.getValue());
                e.getValue().keySet().forEach(origins.get(f)::remove);
                origins.get(f).putAll(in.stackOrigins().getOrDefault(e.getKey(), Map.of()));
            });
        }
        // said with the templates' problems, all at once (thrown here, they hid those)
        if (!problems.isEmpty()) {
            pending.put("--parameters", problems);
        }
        pending.putAll(inFiles);
        return out;
    }

    /**
     * A CDK output folder's stacks as its {@code manifest.json} names them: each {@code aws:cloudformation:stack}
     * artifact's template (absolute) -> {the stack's name (its {@code properties.stackName}, else the artifact's id,
     * as CDK omits it when they are equal), the artifact's id}. Empty without a manifest.
     */
    private static Map<Path, String[]> manifest(Path dir) throws ScenarioException {
        Path file = dir.resolve("manifest.json");
        Map<Path, String[]> out = new java.util.HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        JsonNode artifacts = TemplateFile.read(file).path("artifacts");
        for (Iterator<Map.Entry<String, JsonNode>> it = artifacts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> a = it.next();
            JsonNode props = a.getValue().path("properties");
            if (!"aws:cloudformation:stack".equals(a.getValue().path("type").asText())
                    || !props.path("templateFile").isTextual()) {
                continue;
            }
            String name = props.path("stackName").isTextual() && !props.path("stackName").asText().isBlank()
                    ? props.path("stackName").asText() : a.getKey();
            out.put(dir.resolve(props.path("templateFile").asText()).toAbsolutePath().normalize(),
                    new String[] {name, a.getKey()});
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
     * configuration) or {@code {K: V}}; every problem of the file at once.
     */
    public static Map<String, String> parameters(Path file) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        ParameterFile f = parameterFile(file, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(file.toString(), problems);
        }
        return f.values();
    }

    private static final String SHAPES = "[{\"ParameterKey\": K, \"ParameterValue\": V}], [\"K=V\", ...],"
            + " {\"Parameters\": {K: V}} or {K: V}";

    /**
     * A parameters file (see {@link #parameters(Path)}) with where each value is in it; a bad entry is added to
     * {@code problems} (path in the file, what was expected) and the others kept, so that they can be checked against
     * the templates too. Throws when the file is not a parameters file at all (missing, empty, malformed).
     */
    public static ParameterFile parameterFile(Path file, List<Problem> problems) throws ScenarioException {
        JsonNode root;
        try {
            root = TemplateFile.readAny(file);
        } catch (ScenarioException e) { // it said "expected a template or plan" of a parameters file
            if (e.problems().size() == 1 && e.problems().get(0).message().startsWith("expected a template or plan")) {
                throw TemplateFile.fail(file, "expected template parameters: " + SHAPES);
            }
            throw e;
        }
        Map<String, String> values = new TreeMap<>();
        Map<String, Origin> origins = new TreeMap<>();
        String name = file.toString();
        if (root.isArray()) {
            boolean overrides = root.size() > 0 && root.get(0).isTextual();
            Map<String, Origin> first = new TreeMap<>();
            for (int i = 0; i < root.size(); i++) {
                if (overrides) {
                    override(name, root.get(i), "[" + i + "]", values, origins, problems);
                } else {
                    entry(name, root.get(i), "[" + i + "]", values, origins, problems);
                }
                for (Map.Entry<String, Origin> e : origins.entrySet()) { // a key given twice: which one counts?
                    Origin was = first.putIfAbsent(e.getKey(), e.getValue());
                    if (was != null && !was.equals(e.getValue()) && e.getValue().keyPath().startsWith("[" + i + "]")) {
                        problems.add(new Problem(e.getValue().keyPath(), e.getKey() + " is given twice (first at "
                                + was.keyPath() + "): expected each parameter once"));
                    }
                }
            }
            return new ParameterFile(file, values, origins);
        }
        JsonNode wrapped = root.get("Parameters");
        String prefix = "";
        JsonNode map = root;
        if (wrapped != null && wrapped.isObject()) {
            map = wrapped;
            prefix = "Parameters.";
        } else if (wrapped != null) {
            problems.add(new Problem("Parameters", "expected {NAME: VALUE, ...} (CodePipeline's template"
                    + " configuration), got " + (wrapped.isArray() ? "a list" : wrapped.toString())
                    + (wrapped.isArray() && wrapped.size() > 0 && wrapped.get(0).isObject() ? ": a list of"
                    + " {\"ParameterKey\", \"ParameterValue\"} is the whole file, as create-stack takes it" : "")
                    + " (expected " + SHAPES + ")"));
            return new ParameterFile(file, values, origins);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isArray()) { // a CommaDelimitedList's values as a list: joined as CloudFormation takes them
                List<String> parts = new ArrayList<>();
                boolean ok = true;
                for (int i = 0; i < v.size(); i++) {
                    JsonNode item = v.get(i);
                    if (!scalar(item)) {
                        problems.add(new Problem(at + "[" + i + "]", "expected a string, number or boolean (one value"
                                + " of a list), got " + item));
                        ok = false;
                    } else if (item.asText().contains(",")) {
                        problems.add(new Problem(at + "[" + i + "]", "expected one value without a comma, got "
                                + item + ": CloudFormation splits a list parameter's value at its commas, so it would"
                                + " be " + item.asText().split(",", -1).length + " values"));
                        ok = false;
                    } else {
                        parts.add(item.asText());
                    }
                }
                if (ok) {
                    put(e.getKey(), String.join(",", parts), new Origin(name, at, at, true), values, origins);
                }
            } else if (scalar(v)) {
                put(e.getKey(), v.asText(), new Origin(name, at, at, false), values, origins);
            } else {
                problems.add(new Problem(at, "expected a string, number or boolean (or, for a list parameter, a list"
                        + " of them), got " + v));
            }
        }
        return new ParameterFile(file, values, origins);
    }

    private static boolean scalar(JsonNode v) {
        return v != null && (v.isTextual() || v.isNumber() || v.isBoolean());
    }

    private static void put(String key, String value, Origin origin, Map<String, String> values,
            Map<String, Origin> origins) {
        values.put(key, value);
        origins.put(key, origin);
    }

    /**
     * {@code "K=V"}, an entry of the parameter file of {@code aws cloudformation deploy --parameter-overrides}: the
     * value is what follows the first '=' (it may hold more).
     */
    private static void override(String file, JsonNode e, String at, Map<String, String> values,
            Map<String, Origin> origins, List<Problem> problems) {
        int eq = e.isTextual() ? e.asText().indexOf('=') : -1;
        if (eq < 1) {
            problems.add(new Problem(at, "expected \"NAME=VALUE\", got " + e));
        } else {
            put(e.asText().substring(0, eq).strip(), e.asText().substring(eq + 1), new Origin(file, at, at, false),
                    values, origins);
        }
    }

    /** A parameter given as {@code UsePreviousValue}: its value is the deployed stack's, which the gate cannot see. */
    static final String PREVIOUS_VALUE = "\u0000UsePreviousValue";

    /**
     * {@code {"ParameterKey", "ParameterValue"}}, an entry of the AWS CLI's parameter file: the value a string (the
     * CLI refuses any other type; a list parameter's values are joined by commas), or {@code UsePreviousValue}.
     */
    private static void entry(String file, JsonNode e, String at, Map<String, String> values,
            Map<String, Origin> origins, List<Problem> problems) {
        if (!e.isObject()) {
            problems.add(new Problem(at, "expected {\"ParameterKey\": NAME, \"ParameterValue\": VALUE}, got " + e));
            return;
        }
        JsonNode k = e.get("ParameterKey");
        JsonNode v = e.get("ParameterValue");
        boolean previous = e.path("UsePreviousValue").asBoolean(false);
        boolean ok = true;
        if (k == null || !k.isTextual() || k.asText().isBlank()) {
            problems.add(new Problem(at + ".ParameterKey", (k == null ? "missing" : "got " + k) + " (expected the"
                    + " parameter's name, a string"
                    + (k == null ? "; the entry has " + String.join(", ", fieldNames(e)) : "") + ")"));
            ok = false;
        }
        if (v == null && !previous) {
            problems.add(new Problem(at + ".ParameterValue", "missing (expected the value, a string, or"
                    + " \"UsePreviousValue\": true; the entry has " + String.join(", ", fieldNames(e)) + ")"));
            ok = false;
        } else if (v != null && v.isArray()) {
            problems.add(new Problem(at + ".ParameterValue", "expected a string, got a list " + v + " (the AWS CLI"
                    + " refuses it: a list parameter's values are one string joined by commas, \"a,b\")"));
            ok = false;
        } else if (v != null && !scalar(v)) {
            problems.add(new Problem(at + ".ParameterValue", "expected a string, got " + v));
            ok = false;
        }
        if (ok) {
            put(k.asText(), v == null ? PREVIOUS_VALUE : v.asText(), new Origin(file, at + ".ParameterKey",
                    at + ".ParameterValue", false), values, origins);
        }
    }

    private static List<String> fieldNames(JsonNode e) {
        List<String> names = new ArrayList<>();
        e.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? List.of("no fields") : names;
    }

    /**
     * Several files' problems as one exception, each file once (its problems in the order found), in the order the
     * files were first named.
     */
    public static ScenarioException merge(List<ScenarioException> all) {
        Map<String, List<Problem>> bySource = new java.util.LinkedHashMap<>();
        for (ScenarioException e : all) {
            for (ScenarioException part : e.parts()) {
                List<Problem> ps = bySource.computeIfAbsent(part.source(), k -> new ArrayList<>());
                part.problems().stream().filter(q -> !ps.contains(q)).forEach(ps::add);
            }
        }
        List<ScenarioException> parts = new ArrayList<>();
        bySource.forEach((source, ps) -> parts.add(new ScenarioException(source, ps)));
        return parts.size() == 1 ? parts.get(0) : new ScenarioException(parts);
    }

    /**
     * A YAML or JSON file of the gate's (its rules) read as templates are: UTF-8, or UTF-16 as Windows PowerShell
     * writes it; an object or a list at the top.
     */
    public static JsonNode tree(Path file) throws ScenarioException {
        return TemplateFile.readAny(file);
    }

    /** Whether a template is SAM's: its {@code Transform} is (or lists) {@code AWS::Serverless-2016-10-31}. */
    static boolean sam(JsonNode template) {
        JsonNode t = template == null ? null : template.get("Transform");
        if (t != null && t.isArray()) {
            for (JsonNode e : t) {
                if (e.asText().startsWith("AWS::Serverless")) {
                    return true;
                }
            }
        }
        return t != null && t.isTextual() && t.asText().startsWith("AWS::Serverless");
    }

    /**
     * In the exports map: the list-exports files given (their names, joined), so that an export not found is said
     * to be not in them.
     */
    static final String EXPORTS_GIVEN = "\u0000Files";

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
        if (!files.isEmpty()) {
            out.put(EXPORTS_GIVEN, String.join(", ", files.stream().map(Path::toString).toList()));
        }
        return out;
    }

    private static final String EXPORTS_SHAPE = "expected the output of `aws cloudformation list-exports`"
            + " ({\"Exports\": [{\"Name\": ..., \"Value\": ...}]})";

    /** {@code aws cloudformation list-exports} output: {@code {"Exports": [{"Name", "Value"}]}}. */
    public static Map<String, String> exports(Path file) throws ScenarioException {
        JsonNode root;
        try {
            root = TemplateFile.read(file);
        } catch (ScenarioException e) { // a list said "expected a template or plan" of an exports file
            if (e.problems().size() == 1 && e.problems().get(0).message().startsWith("expected a template or plan")) {
                throw TemplateFile.fail(file, EXPORTS_SHAPE);
            }
            throw e;
        }
        JsonNode list = root.get("Exports");
        if (list == null || !list.isArray()) {
            throw TemplateFile.fail(file, EXPORTS_SHAPE);
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
