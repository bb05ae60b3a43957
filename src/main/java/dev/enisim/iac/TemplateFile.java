package dev.enisim.iac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a template or plan file into a JSON tree: JSON as it is; YAML with CloudFormation's short-form tags turned
 * into their long forms ({@code !Ref X} into {@code {Ref: X}}, {@code !GetAtt A.B} into
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Sub ...} into {@code {Fn::Sub: ...}}), so both are read alike.
 */
public final class TemplateFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A key given twice is refused, as for YAML: Jackson kept the last one (a function replaced by a bucket); so is
     * anything after the template's one value (two plans appended, a stray line), which was dropped unread.
     */
    private static final ObjectMapper STRICT_JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "GetAtt", "Length",
            "ToJsonString");

    /** The largest input read (CloudFormation's own limit is 1 MB a template; a big Terraform plan is tens of MB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private TemplateFile() {
    }

    static JsonNode read(Path file) throws ScenarioException {
        JsonNode tree = readAny(file);
        if (!tree.isObject()) {
            throw fail(file, "expected a template or plan (key: value pairs at the top level)");
        }
        if (terraformPlan(tree)) { // what CloudFormation's reader would call a template without resources
            throw fail(file, "this is `terraform show -json` output (a Terraform plan: format_version "
                    + tree.path("format_version").asText() + "), not a CloudFormation template: give it as --plan "
                    + file);
        }
        return tree;
    }

    /** Whether a file's tree is {@code terraform show -json} output: its format_version beside a plan's keys. */
    static boolean terraformPlan(JsonNode tree) {
        return tree.isObject() && tree.has("format_version") && (tree.has("terraform_version")
                || tree.has("resource_changes") || tree.has("planned_values") || tree.has("prior_state"));
    }

    /**
     * Whether a file's tree is a CloudFormation (or SAM) template: its {@code AWSTemplateFormatVersion}, or
     * {@code Resources} whose entries have an {@code AWS::} type.
     */
    static boolean template(JsonNode tree) {
        if (!tree.isObject() || terraformPlan(tree)) {
            return false;
        }
        if (tree.has("AWSTemplateFormatVersion")) {
            return true;
        }
        for (JsonNode r : tree.path("Resources")) {
            if (r.path("Type").asText("").startsWith("AWS::")) {
                return true;
            }
        }
        return false;
    }

    private static ScenarioException templateAsPlan(Path file, JsonNode tree) {
        return fail(file, "this is a CloudFormation " + (tree.path("Transform").toString().contains(
                "AWS::Serverless") ? "(SAM) " : "") + "template, not `terraform show -json` output: give it as"
                + " --template " + file);
    }

    /**
     * The change's files read alone for their kind (a template given as a plan, a plan as a template, a file that is
     * no template or plan at all), with no account to read them against: when the account cannot be read, these
     * problems are said with its own at once, not on the next try. Folders (a CDK cloud assembly) are left to the
     * full read.
     */
    public static List<ScenarioException> unreadable(List<Path> templates, List<Path> plans) {
        List<ScenarioException> out = new ArrayList<>();
        for (Path t : templates) {
            if (!java.nio.file.Files.isDirectory(t)) {
                try {
                    read(t);
                } catch (ScenarioException e) {
                    out.add(e);
                }
            }
        }
        for (Path p : plans) {
            try {
                readPlan(p);
            } catch (ScenarioException e) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * A {@code terraform show -json} output: JSON only. What a user saves instead is told as such, not as a malformed
     * YAML: the binary plan {@code terraform plan -out} writes (a zip), or the text {@code terraform plan} and
     * {@code terraform show} print without {@code -json}.
     */
    static JsonNode readPlan(Path file) throws ScenarioException {
        if (zip(file)) {
            throw fail(file, "a binary plan, as `terraform plan -out` saves it; expected its JSON: terraform show -json "
                    + file.getFileName() + " > plan.json");
        }
        String text = text(file);
        String start = text.stripLeading();
        if (!start.isEmpty() && start.charAt(0) != '{' && start.charAt(0) != '[') {
            JsonNode yaml = null;
            try { // a YAML template given as a plan: said as such, not as text terraform printed
                yaml = parse(file, text);
            } catch (ScenarioException e) {
                // not YAML either: terraform's text output, said below
            }
            if (yaml != null && template(yaml)) {
                throw templateAsPlan(file, yaml);
            }
            // terraform plan's colours (ANSI escapes) left out: quoted raw, they would colour the user's terminal;
            // quoted as a trace's cell is (8 characters, else 4 and the length): 60 characters of a credentials file
            // given as the plan went to the terminal, gate.md and the step summary (a security review, 59th pass)
            String first = start.lines().findFirst().orElse("").replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "")
                    .replaceAll("\\p{Cntrl}", "").strip();
            throw fail(file, "not JSON: it starts with " + Problem.quoteBriefly(first) + ", as `terraform plan` or"
                    + " `terraform show` print without -json; expected the output of `terraform show -json plan.out`");
        }
        JsonNode tree = parse(file, text);
        if (!tree.isObject()) {
            throw fail(file, "expected a template or plan (key: value pairs at the top level)");
        }
        if (template(tree)) { // a JSON template
            throw templateAsPlan(file, tree);
        }
        return tree;
    }

    /** Whether the file starts as a zip archive does (PK, 3, 4): what {@code terraform plan -out} writes. */
    private static boolean zip(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false; // a folder or a missing file: InputText says so
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (java.io.IOException e) {
            return false; // InputText reports what it cannot read
        }
    }

    /** The file's tree, an object or a list. */
    static JsonNode readAny(Path file) throws ScenarioException {
        return parse(file, text(file));
    }

    private static JsonNode parse(Path file, String text) throws ScenarioException {
        if (text.isBlank()) {
            throw fail(file, "the file is empty");
        }
        JsonNode tree;
        if (text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[")) {
            try {
                tree = STRICT_JSON.readTree(text);
            } catch (JsonProcessingException e) {
                // a nesting past Jackson's limit has no location (it crashed: a stack trace, exit 1)
                throw fail(file, "malformed JSON" + (e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())
                        + ": " + (e.getOriginalMessage().startsWith("Trailing token") ? "more after the file's one JSON"
                        + " value ends (two documents appended?): a template or plan is one value"
                        : dev.enisim.scenario.ParserMessage.clean(e.getOriginalMessage())));
            }
        } else {
            int longLine = dev.enisim.scenario.InputText.longLine(text);
            if (longLine > 0) {
                throw fail(file, "line " + longLine + " is longer than " + dev.enisim.scenario.InputText.MAX_LINE
                        / 1024 + " KiB: no template has such a line (is it the right file?)");
            }
            tree = yaml(file, text);
        }
        if (tree == null || !(tree.isObject() || tree.isArray())) {
            throw fail(file, "expected a template or plan (key: value pairs at the top level)");
        }
        return tree;
    }

    /**
     * The file's text, as {@code enisim import} reads the AWS CLI's output: UTF-16 when a byte-order mark (or every
     * other byte zero) says so, as Windows PowerShell's {@code >} writes it, else UTF-8 (a byte-order mark dropped).
     */
    static String text(Path file) throws ScenarioException {
        if (linkLeadingOut(file)) {
            throw fail(file, "is a link leading outside its folder; enisim reads a template, plan or parameters file"
                    + " through a link only when it stays in that folder (a link committed with a change could lead"
                    + " to a secret of the runner's): give the file itself");
        }
        return dev.enisim.scenario.InputText.read(file, MAX_BYTES, "a template, plan or parameters file",
                "a template, plan or parameters file");
    }

    /**
     * Whether {@code file} is a link to a regular file outside its own folder (followed to the end: a link to a
     * link), so that a pull request's {@code pr/plan.json -> ../../home/runner/.git-credentials} is not read; a
     * kernel file, a device or a pipe is left to {@link dev.enisim.scenario.InputText#read}, which says what it is.
     */
    static boolean linkLeadingOut(Path file) {
        if (!java.nio.file.Files.isSymbolicLink(file) || !java.nio.file.Files.isRegularFile(file)
                || dev.enisim.scenario.InputText.kernelFile(file)) {
            return false;
        }
        try {
            return !file.toRealPath().startsWith(file.toAbsolutePath().getParent().toRealPath());
        } catch (java.io.IOException | RuntimeException e) {
            return true; // it could not be followed to the end: not read either
        }
    }

    private static JsonNode yaml(Path file, String text) throws ScenarioException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(100);
        options.setCodePointLimit(20 * 1024 * 1024);
        try {
            Object data = new Yaml(new CfnConstructor(options)).load(text);
            return JSON.valueToTree(data);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw fail(file, "malformed YAML" + (m == null ? "" : " at line " + (m.getLine() + 1) + ", column "
                    + (m.getColumn() + 1)) + ": " + (e.getProblem() == null ? "" : e.getProblem().strip()));
        } catch (YAMLException | IllegalArgumentException e) {
            throw fail(file, "malformed YAML: " + dev.enisim.scenario.ParserMessage.clean(e.getMessage()));
        }
    }

    static ScenarioException fail(Path file, String message) {
        return new ScenarioException(file.toString(), List.of(new Problem("", message)));
    }

    /** SnakeYAML's safe constructor, with CloudFormation's tags. */
    private static final class CfnConstructor extends SafeConstructor {

        CfnConstructor(LoaderOptions options) {
            super(options);
            for (String f : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + f), new Intrinsic("Fn::" + f));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    String text = constructScalar(s);
                    value = key.equals("Fn::GetAtt") && text.contains(".")
                            ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                            : text;
                } else if (node instanceof SequenceNode q) {
                    value = new ArrayList<>(constructSequence(q));
                } else {
                    value = new LinkedHashMap<>(constructMapping((MappingNode) node));
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(key, value);
                return m;
            }
        }
    }
}
