package dev.enisim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.model.HyperplaneLimits;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.ProvisionedAllocation;
import dev.enisim.model.Scaling;
import dev.enisim.model.WarmRouting;
import dev.enisim.model.network.Cidr;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads a scenario file (YAML or JSON) into a validated {@link Scenario}. The file is read into a tree, walked
 * field by field with its path, and every problem is collected before one {@link ScenarioException} reports
 * them all. Field reference: {@code scenarios/README.md}.
 */
public final class ScenarioLoader {

    /** A subnet's prefix rule, followed by the prefix written. */
    private static final String SUBNET_PREFIX = "expected a prefix from /16 to /28 (the sizes AWS allows for a subnet),"
            + " got /";

    static final long SEC = 1_000_000L;
    /** A safe file name: it names the report folder, so never '.', '..', hidden, or with a separator. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    // a repeated key would otherwise be read silently as its last value (YAML: see YamlTree)
    // and anything after the value is an error, as in YAML (a second document): "{...} garbage" loaded as {...}
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The most time buckets a run keeps (its time series hold a row per bucket). */
    public static final int MAX_BUCKETS = 2_000_000;
    /** The latest wall-clock time a run may reach with {@code startsAt}: the end of the year 9999. */
    static final java.time.Instant LATEST_START = java.time.Instant.parse("9999-12-31T23:59:59Z");
    static final Cidr PLACEHOLDER_CIDR = new Cidr(0, 28);

    private ScenarioLoader() {
    }

    /** Reads and validates a scenario file. */
    public static Scenario load(Path file) throws ScenarioException {
        return parseTree(readTree(file), file.toString());
    }

    /**
     * Reads a scenario file, applies {@code --set} overrides ({@code sets}, possibly empty), validates it, and gives
     * it {@code seed} when that is not null: what every command that runs one scenario does.
     */
    public static Scenario load(Path file, List<String> sets, Long seed) throws ScenarioException {
        String source = file.toString();
        List<Problem> problems = new ArrayList<>();
        JsonNode original = readTree(file);
        JsonNode tree = Overrides.applyValid(original, sets, problems);
        double traffic = Overrides.traffic(sets, problems);
        Scenario s = parseCollecting(tree, source, problems);
        if (problems.isEmpty()) {
            s.trafficBeyondRates(traffic).forEach(p -> problems.add(new Problem("--set traffic", p)));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, blameSets(problems, original, source, sets));
        }
        s = s.withTraffic(traffic);
        return seed == null ? s : s.withSeed(seed);
    }

    /**
     * {@code problems} with each one that the file alone does not have said to come from the {@code --set} that made
     * it (the one whose last name is the problem's, else every one): {@code --set duration=abc} was reported as the
     * file's own "small.yaml: duration: ..." (a safety review).
     */
    public static List<Problem> blameSets(List<Problem> problems, JsonNode original, String source,
            List<String> sets) {
        List<String> assignments = sets.stream().filter(a -> a.indexOf('=') > 0 && !a.startsWith(Overrides.TRAFFIC
                + "=")).toList();
        if (assignments.isEmpty()) {
            return problems;
        }
        java.util.Set<String> own = new java.util.HashSet<>();
        try {
            parseTree(original, source);
        } catch (ScenarioException e) {
            e.problems().forEach(p -> own.add(p.toString()));
        }
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            if (p.path().startsWith("--set") || own.contains(p.toString())) {
                out.add(p);
                continue;
            }
            String last = lastName(p.path());
            List<String> named = assignments.stream().filter(a -> lastName(a.substring(0, a.indexOf('=')).trim())
                    .equals(last)).toList();
            out.add(new Problem(p.path(), p.message() + " (from --set " + String.join(", --set ", named.isEmpty()
                    ? assignments : named) + ")"));
        }
        return out;
    }

    /** The last field name of a path ({@code functions[0].memoryMb}: memoryMb). */
    private static String lastName(String path) {
        String p = path.replaceAll("\\[[^]]*]$", "");
        int dot = p.lastIndexOf('.');
        return dot < 0 ? p : p.substring(dot + 1);
    }

    /**
     * Validates the tree; its problems are added to {@code problems} (after those found before it: a {@code --set}
     * that could not be applied, say), so that all are reported at once. Returns the scenario, or null with problems.
     * A problem of another file the scenario names (a trace) is thrown as it is when nothing else was found, else left
     * for the next try (the source of a report is one file).
     */
    public static Scenario parseCollecting(JsonNode tree, String source, List<Problem> problems)
            throws ScenarioException {
        try {
            return parseTree(tree, source);
        } catch (ScenarioException e) {
            if (!e.source().equals(source) && problems.isEmpty()) {
                throw e;
            }
            if (e.source().equals(source)) {
                problems.addAll(e.problems());
            }
            return null;
        }
    }

    /**
     * What is valid but probably not meant: a function whose traffic brings no arrival into the run (an empty
     * or header-only trace, a trace whose times all lie beyond the run, a window after the end). One line each,
     * with the function's path.
     */
    /**
     * How many invocations of a duration {@code d} run past {@code timeoutMicros}, in words, when it is every one
     * (a constant or a uniform's lowest value at or past it) or half or more (a log-normal's median); else null.
     */
    static String pastTimeout(DistributionSpec d, long timeoutMicros) {
        if (d instanceof DistributionSpec.Constant c && Math.min(c.value(), c.max()) > timeoutMicros
                || d instanceof DistributionSpec.Uniform u && Math.min(u.low(), u.max()) > timeoutMicros) {
            return "every invocation";
        }
        if (d instanceof DistributionSpec.LogNormal l && Math.min(l.median(), l.max()) > timeoutMicros) {
            return "more than half of the invocations (its median)";
        }
        return null;
    }

    public static List<String> warnings(Scenario s) {
        List<String> out = new ArrayList<>(ExpectNames.warnings(s).values()); // a typo in a name of expect:
        for (Scenario.Function f : s.functions()) {
            ArrivalSpec a = f.arrivals();
            if (a == null || a instanceof ArrivalSpec.None) {
                continue;
            }
            String at = s.source() + ": functions[" + f.name() + "].arrivals: ";
            if (a instanceof ArrivalSpec.Trace t && t.startsMicros().length == 0) {
                out.add(at + "the trace " + t.file() + " has no rows (empty, or a header only): no arrivals");
            } else if (!(a.meanCount(0, s.durationMicros()) > 0)) {
                out.add(at + "no arrival falls within the run (0 to " + s.durationMicros() / 1e6 + " s)"
                        + (a instanceof ArrivalSpec.Trace t ? ": the trace " + t.file() + " starts at "
                        + (t.startsMicros()[0] / 1e6) + " s" : ""));
            }
        }
        // provisioned concurrency on a function that starts Inactive: AWS does not say what Lambda does then; the
        // run kept it Inactive, failing its calls, while its end said "1 allocated" (an incident responder's replay)
        for (Scenario.Function f : s.functions()) {
            if (f.existing() == Scenario.Function.Existing.INACTIVE && f.provisionedConcurrency() > 0) {
                out.add(s.source() + ": functions[" + f.name() + "].provisionedConcurrency: the function starts"
                        + " Inactive (existing: Inactive), and AWS does not document what provisioned concurrency does"
                        + " to an Inactive function; enisim assumes it does not restore it: the function stays"
                        + " Inactive until an invocation restores it (that invocation failing,"
                        + " ResourceNotReadyException), and its provisioned environments serve nothing until then");
            }
        }
        // a security group of another VPC than the subnets is simulated as Lambda answers it (the function goes
        // Failed, InvalidSecurityGroup: what the gate shows of a plan), but a scenario written so is surely a mistake
        Map<String, String> vpcOf = new java.util.HashMap<>();
        for (Scenario.Vpc v : s.vpcs()) {
            v.subnets().forEach(sn -> vpcOf.put("subnet " + sn.id(), v.id()));
            v.securityGroups().forEach(g -> vpcOf.put("group " + g, v.id()));
        }
        for (Scenario.Function f : s.functions()) {
            List<String> subnets = f.vpcConfig() == null ? List.of() : f.vpcConfig().subnetIds();
            String vpc = subnets.isEmpty() ? null : vpcOf.get("subnet " + subnets.get(0));
            for (int i = 0; vpc != null && i < f.vpcConfig().securityGroupIds().size(); i++) {
                String g = f.vpcConfig().securityGroupIds().get(i);
                String other = vpcOf.get("group " + g);
                if (other != null && !other.equals(vpc)) {
                    out.add(s.source() + ": functions[" + f.name() + "].vpcConfig.securityGroupIds[" + i + "]: "
                            + Problem.quote(g) + " is a security group of " + other + ", the function's subnets are in " + vpc + ": it"
                            + " goes Failed (InvalidSecurityGroup) when created, and its invocations fail");
                }
            }
        }
        // figures set where nothing reads them: a planner's `--set legacy.eniLimit=1` on a Hyperplane scenario ran
        // as if unset, with no word (the CI team's review)
        if (s.networkModel() != dev.enisim.model.NetworkModel.LEGACY && !s.legacy().equals(Scenario.Legacy.DEFAULT)) {
            out.add(s.source() + ": legacy: its figures apply only under networkModel: legacy (this scenario runs the"
                    + " Hyperplane model; compare-network-models and plan --both-network-models use them for the"
                    + " legacy side)");
        }
        if (s.networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            for (Scenario.Function f : s.functions()) {
                if (f.warmEnvironments().isPresent() && f.warmEnvironments().getAsInt() > 0) {
                    out.add(s.source() + ": functions[" + f.name() + "].warmEnvironments: not modelled under"
                            + " networkModel: legacy (its ENIs are made by cold starts): the function starts with"
                            + " no environment");
                }
            }
        }
        enisAtStartUnused(s, out);
        if (s.prices().regionLabelOnly()) {
            out.add(s.source() + ": prices.region: " + s.prices().region() + " is a label only: the cost uses "
                    + PriceTable.DEFAULT.region() + " rates (no rate is set in prices; set that Region's, as"
                    + " scenarios/README.md's prices section says)");
        }
        if (s.unreadBlocks().contains("async")) {
            out.add(s.source() + ": async: its figures apply only to functions with invocationType: Event (none"
                    + " here): they change nothing");
        }
        if (s.unreadBlocks().contains("sqs")) {
            out.add(s.source() + ": sqs: its figures apply only to functions fed by an SQS queue (eventSourceMapping;"
                    + " none here): they change nothing");
        }
        dev.enisim.model.Scaling sc = s.scaling().scaling();
        dev.enisim.model.Scaling d = Defaults.SCALING;
        if (sc.model() == dev.enisim.model.Scaling.Model.PER_FUNCTION
                && (sc.burst() != d.burst() || sc.burstIncrease() != d.burstIncrease())) {
            out.add(s.source() + ": scaling: burst and burstIncreasePerMinute apply only with model: legacy-burst;"
                    + " under per-function scaling they change nothing");
        }
        // under the default reading of "10 x allocated provisioned concurrency" every request counts, spillover
        // included: a function offered more than that is throttled although on-demand concurrency is free
        if (s.scaling().provisioned().rateCapsAllRequests()) {
            for (Scenario.Function f : s.functions()) {
                int pc = f.provisionedConcurrency();
                double peak = pc > 0 ? peakRate(f.arrivals(), s.durationMicros(), s.bucketMicros()) : 0;
                long cap = (long) dev.enisim.model.Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY * pc;
                if (pc > 0 && peak > cap) {
                    out.add(s.source() + ": functions[" + f.name() + "]: its traffic reaches "
                            + String.format(Locale.ROOT, "%,.1f", peak) + " requests/s, above 10 x its"
                            + " provisionedConcurrency (" + pc + ") = " + cap + "/s: under"
                            + " scaling.provisionedConcurrency.requestRateCap: " + REQUEST_RATE_CAP_ALL + " (the"
                            + " default reading) the excess is throttled (" + (f.reservedConcurrency().isPresent()
                            ? "ReservedFunctionInvocationRateLimitExceeded, as it has reserved concurrency"
                            : "FunctionInvocationRateLimitExceeded") + "),"
                            + " spillover included; '" + REQUEST_RATE_CAP_PROVISIONED + "' sends it to on-demand"
                            + " environments instead (cold starts), as AWS's troubleshooting page describes");
                }
            }
        }
        // a duration past the timeout is valid (Lambda stops it: TaskTimedOut) but a scenario written so rarely means
        // it: every invocation, or half of them, ends as a function error (an SRE's review, session 49)
        for (Scenario.Function f : s.functions()) {
            String share = pastTimeout(f.duration(), f.timeoutMicros());
            if (share != null && f.arrivals() != null && !(f.arrivals() instanceof ArrivalSpec.None)) {
                out.add(s.source() + ": functions[" + f.name() + "].duration: " + share + " runs past its timeout ("
                        + spoken(f.timeoutMicros()) + "): Lambda stops it, a function error (TaskTimedOut); raise"
                        + " functions[" + f.name() + "].timeout (up to 900s) if that is not what the run is for");
            }
        }
        // a mistyped time silently removed the action from the story (an AZ-outage study without its outage)
        String end = spoken(s.durationMicros());
        for (Scenario.Function f : s.functions()) {
            if (f.createdAtMicros() >= s.durationMicros()) {
                out.add(s.source() + ": functions[" + f.name() + "].createdAt: " + spoken(f.createdAtMicros())
                        + " is at or after the run's end (" + end + "): the function is never created");
            }
        }
        for (Scenario.At a : s.timeline()) { // in time order, not the file's: named by their time
            boolean creation = a.action() instanceof dev.enisim.model.SimEvent.ExistingFunction
                    || a.action() instanceof dev.enisim.model.SimEvent.CreateFunction c
                    && s.functions().get(c.function()).createdAtMicros() == a.atMicros(); // its createdAt: above
            if (a.atMicros() >= s.durationMicros() && !creation) {
                out.add(s.source() + ": timeline: an action at " + spoken(a.atMicros()) + " is at or after the run's"
                        + " end (" + end + "): it never happens");
            }
        }
        return out;
    }

    /**
     * The highest mean request rate (per second) of {@code a} over the run's time buckets (at most 10,000 windows:
     * longer ones for a finely bucketed long run); 0 without arrivals.
     */
    static double peakRate(ArrivalSpec a, long durationMicros, long bucketMicros) {
        if (a == null || a instanceof ArrivalSpec.None || durationMicros <= 0) {
            return 0;
        }
        long window = Math.max(Math.max(1, bucketMicros), (durationMicros + 9_999) / 10_000);
        double peak = 0;
        for (long from = 0; from < durationMicros; from += window) {
            long to = Math.min(durationMicros, from + window);
            double rate = a.meanCount(from, to) * 1e6 / (to - from);
            if (rate > peak) {
                peak = rate;
            }
        }
        return peak;
    }

    /** A time as a scenario writes it: "2h", "90m", "45s", else seconds. */
    private static String spoken(long micros) {
        long s = micros / 1_000_000;
        if (micros % 1_000_000 != 0) {
            return micros / 1e6 + "s";
        }
        return s % 3600 == 0 && s > 0 ? s / 3600 + "h" : s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
    }

    /** The environment variable that sets the YAML size limit, in MiB. */
    public static final String YAML_LIMIT_VARIABLE = YamlTree.LIMIT_VARIABLE;

    /** The size a YAML scenario may have, in bytes: {@link #YAML_LIMIT_VARIABLE}'s MiB when set, else 64 MiB. */
    public static long yamlLimitBytes() {
        return YamlTree.maxBytes();
    }

    /** The size a JSON scenario may have, in bytes. */
    public static long jsonLimitBytes() {
        return MAX_JSON_BYTES;
    }

    /** Reads a scenario file into its tree (YAML reads JSON too), or throws with the file's problem. */
    public static JsonNode readTree(Path file) throws ScenarioException {
        return readTree(file, SCENARIO_ROLE);
    }

    /**
     * Reads a YAML or JSON file into its tree, or throws with the file's problem; {@code role} names what the file was
     * given as ("rules file"): {@code gate --rules /proc/kmsg} said "not a scenario file".
     */
    public static JsonNode readTree(Path file, String role) throws ScenarioException {
        String source = file.toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw problem(source, "is a folder, not a " + role);
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a device or a pipe (/dev/zero, /dev/stdin) would be read for ever
                throw problem(source, "is not a regular file");
            }
            if (InputText.kernelFile(file)) {
                throw problem(source, "is one of the kernel's own files (" + InputText.KERNEL_FILES + "), not a "
                        + role);
            }
            long size = Files.size(file);
            boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
            long limit = json ? MAX_JSON_BYTES : YamlTree.maxBytes();
            if (size > limit) { // said as the file's role: a rules file was called a YAML scenario
                String files = role.equals(SCENARIO_ROLE) ? "scenarios" : role + "s";
                throw problem(source, "the file is " + mib(size) + ", above the " + mib(limit) + " limit for "
                        + (json ? "JSON " + files : "YAML " + files + " (YAML is read whole into memory): convert it"
                        + " to JSON (yq -o=json), or raise the limit with " + YamlTree.LIMIT_VARIABLE + "=MiB"));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw problem(source, "file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw problem(source, "not UTF-8 text" + notUtf8(file) + " (a binary file, or another encoding such as"
                    + " UTF-16 or Latin-1: save it as UTF-8)");
        } catch (IOException e) {
            throw problem(source, InputText.cannotRead(e));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as Windows editors write
        }
        return readTree(text, source, role);
    }

    /**
     * " at line 3, column 12 (byte 0xE9)": where the first byte of {@code file} that is not UTF-8 is, as a text editor
     * counts lines and columns, or "" when it cannot be read again: one accented letter saved as Latin-1 in a
     * scenario of a thousand lines was said without a line.
     */
    private static String notUtf8(Path file) {
        try {
            return notUtf8(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** {@link #notUtf8(Path)} for the file's bytes. */
    static String notUtf8(byte[] b) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b);
        java.nio.charset.CoderResult r = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(b.length), true);
        if (!r.isError()) {
            return "";
        }
        int at = in.position();
        int line = 1;
        int start = 0;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
                start = i + 1;
            }
        }
        String before = new String(b, start, at - start, StandardCharsets.UTF_8);
        return " at line " + line + ", column " + (before.codePointCount(0, before.length()) + 1) + " (byte 0x"
                + Integer.toHexString(0x100 | b[at] & 0xFF).substring(1).toUpperCase(Locale.ROOT) + ")";
    }

    /** What {@link #readTree(Path)} reads a file as, in its messages. */
    private static final String SCENARIO_ROLE = "scenario file";

    /**
     * {@code tree} with each number too large for a double ({@code 1e999999999}, which Jackson reads as Infinity) as the
     * text written, as a YAML scenario has it ({@link YamlTree}): its field then says what it expected and quotes
     * what was written, not "Infinity". The tree and the tokens are both in the file's order (a key is never written
     * twice: refused), so the k-th such number of the one is the k-th of the other.
     */
    private static JsonNode quoteNonFinite(JsonNode tree, String text) throws IOException {
        if (tree == null || !hasNonFinite(tree)) {
            return tree;
        }
        ArrayDeque<String> written = new ArrayDeque<>();
        try (JsonParser p = JSON.getFactory().createParser(text)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue())) {
                    written.add(p.getText());
                }
            }
        }
        return replaceNonFinite(tree, written);
    }

    private static boolean hasNonFinite(JsonNode n) {
        if (n.isDouble() || n.isFloat()) {
            return !Double.isFinite(n.doubleValue());
        }
        for (JsonNode c : n) {
            if (hasNonFinite(c)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode replaceNonFinite(JsonNode n, ArrayDeque<String> written) {
        if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
            String text = written.poll();
            return JsonNodeFactory.instance.textNode(text == null
                    ? n.asText() : text);
        }
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                o.set(name, replaceNonFinite(o.get(name), written));
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, replaceNonFinite(a.get(i), written));
            }
        }
        return n;
    }

    /** JSON is read as a stream, but the text is held whole: files beyond this are surely not scenarios. */
    static final long MAX_JSON_BYTES = 512L * 1024 * 1024;

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private static ScenarioException problem(String source, String message) {
        return new ScenarioException(source, List.of(new Problem("", message)));
    }

    /**
     * Reads text into a tree: as JSON when {@code source} ends in {@code .json} (stricter, and its errors speak
     * JSON), else as YAML, which reads JSON too.
     */
    static JsonNode readTree(String text, String source) throws ScenarioException {
        return readTree(text, source, SCENARIO_ROLE);
    }

    /**
     * Reads text into a tree as {@link #readTree(String, String)} does, its problems naming the file by {@code role}
     * ("rules file"): a rules file that is a list was told "expected a scenario".
     */
    public static JsonNode readTree(String text, String source, String role) throws ScenarioException {
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        try {
            List<Problem> written = new ArrayList<>();
            JsonNode tree = json ? quoteNonFinite(JSON.readTree(text), text) : YamlTree.read(text, written);
            String otherFile = tree != null && tree.isObject() && role.equals(SCENARIO_ROLE) ? otherFile(tree) : null;
            if (otherFile != null && written.stream().allMatch(p -> p.message().startsWith(YamlTree.TAG))) {
                throw new ScenarioException(source, List.of(new Problem("", otherFile))); // a template's !Ref
            }
            if (!written.isEmpty()) {
                throw new ScenarioException(source, withOthers(written, tree, source, role));
            }
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ScenarioException(source, List.of(new Problem("", tree != null || text.isBlank() ? "the file is empty"
                        : "the file holds no scenario: only comments and blank lines")));
            }
            if (!tree.isObject()) {
                throw new ScenarioException(source, List.of(new Problem("", "expected a "
                        + (role.equals(SCENARIO_ROLE) ? "scenario" : role) + " (key: value pairs at the top level)")));
            }
            String other = role.equals(SCENARIO_ROLE) ? otherFile(tree) : null;
            if (other != null) {
                throw new ScenarioException(source, List.of(new Problem("", other)));
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String tab = json ? null : tab(e, text);
            if (tab != null) {
                throw new ScenarioException(source, List.of(new Problem("", "malformed YAML/JSON at " + tab)));
            }
            int[] special = json || !String.valueOf(e.getMessage()).contains("special characters are not allowed")
                    ? null : special(text);
            if (special != null) { // the parser's reader says line 1, column 1 wherever it is
                where = " at line " + special[0] + ", column " + special[1] + String.format(Locale.ROOT, " (U+%04X)",
                        special[2]);
            }
            throw new ScenarioException(source, List.of(new Problem("", "malformed " + (json ? "JSON" : "YAML/JSON")
                    + where + ": " + syntaxMessage(e, role))));
        } catch (java.io.IOException e) {
            throw problem(source, "malformed YAML: " + ParserMessage.clean(e.getMessage()));
        }
    }

    /**
     * The YAML's own problems (a key written twice, an undefined alias) with, after them, the scenario's others:
     * a repeated key leaves a tree whose every other problem can be said at once. An undefined alias leaves a
     * hole (its key missing, or every key of a merge) whose follow-on problems would say nothing more, and so does
     * a merge key whose value is not a map (its maps' keys are unknown): its file's
     * problems are the YAML's alone, as are those of a file that is not a scenario.
     */
    private static List<Problem> withOthers(List<Problem> written, JsonNode tree, String source, String role) {
        List<Problem> all = new ArrayList<>(written);
        if (role.equals(SCENARIO_ROLE) && tree != null && tree.isObject() && otherFile(tree) == null
                && written.stream().noneMatch(p -> p.message().startsWith("undefined alias")
                        || p.message().startsWith(YamlTree.MERGES_MAPS))) {
            try {
                parseTree(tree, source);
            } catch (ScenarioException e) {
                all.addAll(e.problems());
            }
        }
        return all;
    }

    /**
     * What another of enisim's files given as a scenario is, said in one line, or null: a run's summary.json was
     * told as twenty "unknown key" lines ('scenario', 'replication', 'simulatedSeconds', ...), a template, a plan, a
     * rules file or saved AWS CLI output as its keys unknown and the scenario's missing. Only a tree with neither
     * {@code name} nor {@code duration} is looked at: a scenario (even a faulty one) is read as one.
     */
    private static String otherFile(JsonNode tree) {
        if (tree.has("name") || tree.has("duration") || !tree.fieldNames().hasNext()) {
            return null;
        }
        if (tree.path("scenario").isTextual() && tree.has("seed")
                && (tree.has("simulatedSeconds") || tree.has("metrics"))) {
            return "this is the summary.json of a run of " + Problem.quote(tree.path("scenario").asText()) + " (enisim run writes"
                    + " it), not a scenario: give the scenario file that was run";
        }
        if (tree.has("Resources") || tree.has("AWSTemplateFormatVersion")) {
            return "this is a CloudFormation template, not a scenario: enisim gate --template reads it (with the"
                    + " account's scenario as --account)";
        }
        if (tree.has("format_version") && (tree.has("planned_values") || tree.has("resource_changes"))) {
            return "this is a Terraform plan (terraform show -json), not a scenario: enisim gate --plan reads it";
        }
        if (tree.path("gate").isArray()) {
            return "this is a rules file (a list under `gate:`), not a scenario: enisim gate --rules reads it";
        }
        for (java.util.Iterator<String> keys = tree.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (AWS_CLI_KEYS.contains(key)) {
                return "this is saved AWS CLI output (its '" + key + "'), not a scenario: enisim import builds a"
                        + " scenario from it";
            }
        }
        return null;
    }

    /** The top-level keys of the AWS CLI outputs enisim import reads (README, Importing from AWS). */
    private static final java.util.Set<String> AWS_CLI_KEYS = java.util.Set.of("Subnets", "Functions",
            "NetworkInterfaces", "SecurityGroups", "MetricDataResults", "Datapoints", "AccountLimit", "AccountUsage",
            "Exports", "Configuration", "FunctionName", "ReservedConcurrentExecutions");

    /**
     * The line, column (from 1) and code of the first character YAML does not allow (a control character other than
     * tab and line ends, as SnakeYAML's reader refuses them), or null.
     */
    static int[] special(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (c < 0x20 && c != '\t' && c != '\r' || c >= 0x7F && c <= 0x9F && c != 0x85 || c == 0xFFFE
                    || c == 0xFFFF) {
                return new int[] {line, column, c};
            }
            column++;
        }
        return null;
    }

    /**
     * "line 2, column 10: a tab after ':' ...": the tab the YAML reader refused, where it is and what is wrong with it,
     * or null when the parser's complaint is not about a tab. SnakeYAML reads YAML 1.1, where a tab may be inside a
     * value, a quoted or block text or a comment, but not in the indentation nor between tokens; YAML 1.2 allows it
     * between tokens ({@code duration:<TAB>2h}, {@code {a:<TAB>1}}), not in the indentation. The parser's own message
     * said "Do not use \t(TAB) for indentation" of a tab after a colon too, and the line and column shown were the end
     * of the line before it, or the first indenting tab anywhere in the file (one inside a block text, where a tab is
     * the text's own).
     */
    static String tab(JsonProcessingException e, String text) {
        if (!(e.getCause() instanceof MarkedYAMLException y) || y.getProblem() == null
                || !y.getProblem().contains("(TAB)") || y.getProblemMark() == null) {
            return null;
        }
        Mark m = y.getProblemMark();
        String where = "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ";
        String[] lines = text.split("\r?\n|\r", -1); // SnakeYAML's line breaks (its column counts code points)
        String row = m.getLine() < lines.length ? lines[m.getLine()] : "";
        int at = m.getColumn() <= row.codePointCount(0, row.length()) ? row.offsetByCodePoints(0, m.getColumn()) : -1;
        if (at < 0 || at >= row.length() || row.charAt(at) != '\t') {
            return where + "a tab where YAML allows none (" + ParserMessage.clean(y.getProblem()) + ")";
        }
        int before = at - 1;
        while (before >= 0 && (row.charAt(before) == ' ' || row.charAt(before) == '\t')) {
            before--;
        }
        if (before < 0) {
            return where + "a tab in the indentation: YAML indents with spaces only";
        }
        return where + "a tab after '" + row.charAt(before) + "': YAML 1.2 allows a tab between tokens, but enisim's"
                + " YAML reader (SnakeYAML, YAML 1.1) takes a tab only inside a value or a comment; use a space";
    }

    /**
     * The parser's complaint on one line: SnakeYAML's own message spans several, echoing the source with a caret,
     * and every problem must be one line of the report.
     */
    private static String syntaxMessage(JsonProcessingException e, String role) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
            Mark m = y.getContextMark();
            return y.getProblem().strip() + (y.getContext() == null || m == null ? ""
                    : " (" + y.getContext().strip() + " at line " + (m.getLine() + 1) + ", column "
                            + (m.getColumn() + 1) + ")");
        }
        String message = e.getOriginalMessage().strip();
        if (message.startsWith("Expected a field name") && message.contains("<org.yaml.snakeyaml.events.")) {
            // a complex key (? [a, b]): Jackson quoted SnakeYAML's event, which says nothing to a reader
            return "a key must be a plain name, not a list or a map (a '?' complex key)";
        }
        if (message.startsWith("Trailing token")) {
            return "text after the " + (role.equals(SCENARIO_ROLE) ? "scenario" : role) + "'s value (a JSON file"
                    + " holds one value)";
        }
        return ParserMessage.clean(message);
    }

    /** Parses scenario text (YAML or JSON); {@code source} names it in messages. */
    public static Scenario parse(String text, String source) throws ScenarioException {
        return parseTree(readTree(text, source), source);
    }

    /** Validates a scenario tree (e.g. after {@code --set} overrides were applied to it). */
    public static Scenario parseTree(JsonNode tree, String source) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Scenario s = read(new Fields(tree, "", problems), source);
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return s;
    }

    /**
     * As {@link #parseTree(JsonNode, String)}, each trace file named in {@code shipped} (as the scenario spells it)
     * read from its text there, not from the disk: a Spark executor's scenario, whose traces the driver read
     * ({@link TraceFiles#contents}).
     */
    public static Scenario parseTree(JsonNode tree, String source, Map<String, String> shipped)
            throws ScenarioException {
        if (shipped.isEmpty()) {
            return parseTree(tree, source);
        }
        return TraceFiles.withShipped(shipped, () -> parseTree(tree, source));
    }

    private static Scenario read(Fields root, String source) {
        // "expect" belongs to the check command, which reads and validates it itself
        root.allowOnly(true, Setting.names(Scenario.SETTINGS, "name", "duration", "bucket", "account", "vpcs",
                "hyperplane", "functions", "timeline", "expect", "networkModel", "scaling", "legacy", "async",
                "startsAt", "sqs", "prices", "assumptions", "accounts"));
        String name = root.requireText("name");
        if (name != null && !NAME.matcher(name).matches()) {
            root.problem("name", "expected letters, digits, '.', '_' or '-' only" + (name.length() > 128
                    ? ", at most 128" : ", starting with a letter or a digit") + " (it names the report folder), got "
                    + Problem.quote(name));
        }
        Scenario.Builder scenario = Scenario.builder(name, 1);
        Setting.readAll(Scenario.SETTINGS, root, Setting.Limits.DEFAULT, scenario);
        java.util.Optional<java.time.Instant> startsAt = startsAt(root);
        Long duration = root.requireDuration("duration");
        long bucket = root.duration("bucket", Defaults.BUCKET_MICROS);
        if (duration != null && duration <= 0) {
            root.problem("duration", "must be > 0");
        }
        if (startsAt.isPresent()) {
            long seconds = duration == null || duration <= 0 ? 0 : (duration + SEC - 1) / SEC;
            if (startsAt.get().getEpochSecond() + seconds > LATEST_START.getEpochSecond()) {
                // the report's dates read the run's end: past the year 999,999,999 java.time threw in the narrative
                root.problem("startsAt", Problem.quote(root.json().get("startsAt").asText()) + (seconds > 0 ? " plus the"
                        + " duration (" + Units.spoken(duration) + ")" : "") + " passes the latest date-time " + LATEST_START
                        + " (the reports write years of four digits)");
            }
        }
        if (bucket <= 0) {
            root.problem("bucket", "must be > 0");
        } else if (duration != null && duration > 0) {
            if (bucket > duration) {
                root.problem("bucket", "must not be longer than duration");
            } else if (duration / bucket > MAX_BUCKETS) {
                root.problem("bucket", "too fine: " + (duration / bucket) + " buckets (at most " + MAX_BUCKETS
                        + "); use a longer bucket");
            }
        }
        List<Scenario.Account> accounts = AccountsReader.list(root);
        Scenario.Account account = accounts.isEmpty() ? account(root) : AccountsReader.combined(accounts);
        List<Scenario.Vpc> vpcs = vpcs(root, accounts);
        regionFits(root, accounts.isEmpty() ? List.of(account) : accounts, vpcs);
        AssumptionPreset preset = preset(root);
        Scenario.Hyperplane hyperplane = hyperplane(root, preset);
        References refs = new References(vpcs);
        // a VPC, subnet or group whose shape could not be read is said once there, not again as every reference
        refs.networkIncomplete = networkShapeBroken(root.json());
        refs.ipv6Only.addAll(ipv6OnlyIds(root));
        List<Scenario.Function> functions = new FunctionReader(root, refs, account, hyperplane, baseDir(source),
                duration == null || duration <= 0 ? Long.MAX_VALUE : duration).read(accounts.isEmpty());
        List<Scenario.At> timeline = new TimelineReader(root, refs, functions,
                account.concurrencyLimit() - account.unreservedMinimum(), startsAt).read();
        NetworkModel model = networkModel(root);
        Scenario.ScalingSpec scaling = scaling(root);
        Scenario.Legacy legacy = legacy(root);
        long d = duration == null ? 1 : duration;
        Scenario.Accounts shared = AccountsReader.read(root, accounts, functions);
        List<String> unread = new ArrayList<>();
        if (root.json().has("async") && functions.stream().noneMatch(Scenario.Function::asynchronous)) {
            unread.add("async");
        }
        if (root.json().has("sqs") && functions.stream().noneMatch(Scenario.Function::fedByQueue)) {
            unread.add("sqs");
        }
        scenario.unreadBlocks(unread);
        List<String> expect = new ArrayList<>();
        for (JsonNode sentence : root.json().path("expect")) { // read by check; looked at by the warnings
            if (sentence.isTextual()) {
                expect.add(sentence.asText());
            }
        }
        scenario.expect(expect);
        return scenario.duration(d, bucket).account(accounts.isEmpty() ? account : accounts.get(0)).vpcs(vpcs)
                .hyperplane(hyperplane).functions(functions).timeline(timeline).networkModel(model).scaling(scaling)
                .legacy(legacy).prices(PricesReader.read(root)).source(source).startsAt(startsAt).assumptions(preset)
                .accounts(shared).build();
    }

    /** The optional {@code assumptions}: which preset gives the undocumented defaults. */
    private static AssumptionPreset preset(Fields root) {
        String label = root.text("assumptions", AssumptionPreset.DEFAULT.label());
        AssumptionPreset p = AssumptionPreset.of(label);
        if (p == null) {
            root.problem("assumptions", "expected 'documented' (AWS's current text) or 'field' (the field reports, "
                    + "the default), got " + Problem.quote(label));
            return AssumptionPreset.DEFAULT;
        }
        return p;
    }

    /** The optional {@code startsAt}: an ISO-8601 UTC date-time such as 2026-11-30T00:00:00Z; empty when absent. */
    private static java.util.Optional<java.time.Instant> startsAt(Fields root) {
        String text = root.text("startsAt", null);
        if (text == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.Instant.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            root.problem("startsAt", "expected an ISO-8601 UTC date-time such as 2026-11-30T00:00:00Z, got "
                    + Problem.quote(text));
            return java.util.Optional.empty();
        }
    }

    private static NetworkModel networkModel(Fields root) {
        String m = root.text("networkModel", "hyperplane");
        return switch (m) {
            case "hyperplane" -> NetworkModel.HYPERPLANE;
            case "legacy" -> NetworkModel.LEGACY;
            default -> {
                root.problem("networkModel", "expected 'hyperplane' (since 2019) or 'legacy' (before), got " + Problem.quote(m));
                yield NetworkModel.HYPERPLANE;
            }
        };
    }

    private static Scenario.ScalingSpec scaling(Fields root) {
        Fields f = root.object("scaling");
        if (f == null) {
            return Scenario.ScalingSpec.DEFAULT;
        }
        f.allowOnly("model", "newEnvironmentsPer10s", "burst", "burstIncreasePerMinute", "keepAlive",
                "newRequestsPerSecondPer10s", "requestRateWindow", "warmRouting", "provisionedConcurrency");
        Scaling d = Defaults.SCALING;
        String m = f.text("model", "per-function");
        Scaling.Model model = Scaling.Model.PER_FUNCTION;
        if (m.equals("legacy-burst")) {
            model = Scaling.Model.LEGACY_BURST;
        } else if (!m.equals("per-function")) {
            f.problem("model", "expected 'per-function' (since 2023) or 'legacy-burst' (before), got " + Problem.quote(m));
        }
        int rate = (int) f.integer("newEnvironmentsPer10s", d.newEnvironments(), 1, 10_000_000);
        int burst = (int) f.integer("burst", d.burst(), 1, 10_000_000);
        int increase = (int) f.integer("burstIncreasePerMinute", d.burstIncrease(), 0, 10_000_000);
        long keepAlive = f.duration("keepAlive", Defaults.KEEP_ALIVE_MICROS);
        int requests = (int) f.integer("newRequestsPerSecondPer10s", d.newRequestsPerSecond(), 1, 100_000_000);
        long window = f.duration("requestRateWindow", d.requestRateWindowMicros());
        if (window < 1000 || window > 60 * SEC) {
            f.problem("requestRateWindow", "expected 1ms to 60s, got " + Units.given(window));
            window = d.requestRateWindowMicros();
        }
        return new Scenario.ScalingSpec(new Scaling(model, rate, d.periodMicros(), burst, increase,
                d.increasePeriodMicros(), requests, window), keepAlive, routing(f), provisioning(f));
    }

    /** The ids of the scenario's IPv6-only subnets (read, not validated, again: {@link #ipv6OnlySubnet} did). */
    private static List<String> ipv6OnlyIds(Fields root) {
        List<String> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode v : root.json().path("vpcs")) {
            for (com.fasterxml.jackson.databind.JsonNode s : v.path("subnets")) {
                if (s.path("ipv6Only").asBoolean(false) && s.path("id").isTextual()) {
                    out.add(s.path("id").asText());
                }
            }
        }
        return out;
    }

    /** {@code scaling.provisionedConcurrency.requestRateCap}: 10 x PC caps every request of the function (default). */
    public static final String REQUEST_RATE_CAP_ALL = "allRequests";
    /** {@code scaling.provisionedConcurrency.requestRateCap}: it caps what provisioned environments serve only. */
    public static final String REQUEST_RATE_CAP_PROVISIONED = "provisionedOnly";

    /** {@code scaling.provisionedConcurrency}: how a timeline's PutProvisionedConcurrencyConfig is allocated. */
    private static ProvisionedAllocation provisioning(Fields scaling) {
        Fields p = scaling.object("provisionedConcurrency");
        ProvisionedAllocation d = Defaults.PROVISIONED;
        if (p == null) {
            return d;
        }
        p.allowOnly("preparation", "allocationPerMinute", "keepsFunctionActive", "requestRateCap");
        long preparation = p.duration("preparation", d.preparationMicros());
        if (preparation < 0 || preparation > 3600 * SEC) {
            p.problem("preparation", "expected 0s to 1h, got " + Units.given(preparation));
            preparation = d.preparationMicros();
        }
        int perMinute = (int) p.integer("allocationPerMinute", d.allocationPerMinute(), 1, 10_000_000);
        boolean keeps = p.flag("keepsFunctionActive", d.keepsFunctionActive());
        String cap = p.text("requestRateCap", d.rateCapsAllRequests() ? REQUEST_RATE_CAP_ALL
                : REQUEST_RATE_CAP_PROVISIONED);
        if (!cap.equals(REQUEST_RATE_CAP_ALL) && !cap.equals(REQUEST_RATE_CAP_PROVISIONED)) {
            p.problem("requestRateCap", "expected '" + REQUEST_RATE_CAP_ALL + "' (10 x provisioned concurrency caps"
                    + " every request of the function, spillover included) or '" + REQUEST_RATE_CAP_PROVISIONED
                    + "' (only the requests its provisioned environments serve; the rest spill over), got "
                    + Problem.quote(cap));
            cap = REQUEST_RATE_CAP_ALL;
        }
        return new ProvisionedAllocation(preparation, perMinute, keeps, cap.equals(REQUEST_RATE_CAP_ALL));
    }

    private static WarmRouting routing(Fields f) {
        String r = f.text("warmRouting", Defaults.WARM_ROUTING.label());
        Optional<WarmRouting> routing = WarmRouting.of(r);
        if (routing.isEmpty()) {
            f.problem("warmRouting", "expected 'mostRecentlyUsed' (the default), 'newest' or 'random', got "
                    + Problem.quote(r));
            return Defaults.WARM_ROUTING;
        }
        return routing.get();
    }

    private static Scenario.Legacy legacy(Fields root) {
        Fields f = root.object("legacy");
        Scenario.Legacy d = Scenario.Legacy.DEFAULT;
        if (f == null) {
            return d;
        }
        f.allowOnly("coldStartAttachTime", "ec2ApiBurst", "ec2ApiRefill", "eniLimit");
        DistributionSpec attach = Distributions.read(f, "coldStartAttachTime", d.coldStartAttachTime());
        int burst = (int) f.integer("ec2ApiBurst", d.ec2ApiBurst(), 1, 1_000_000);
        double refill = d.ec2ApiRefillPerSecond();
        if (f.has("ec2ApiRefill")) {
            refill = f.rate("ec2ApiRefill");
            if (Double.isNaN(refill)) {
                refill = d.ec2ApiRefillPerSecond();
            }
        }
        int limit = (int) f.integer("eniLimit", d.eniLimit(), 1, 10_000_000);
        return new Scenario.Legacy(attach == null ? d.coldStartAttachTime() : attach, burst, refill, limit);
    }

    /** The folder trace files are relative to: the scenario file's own. */
    private static Path baseDir(String source) {
        try {
            Path parent = Path.of(source).toAbsolutePath().getParent();
            return parent == null ? Path.of(".") : parent;
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of(".");
        }
    }

    /**
     * The interfaces in no VPC's quota ({@code otherNetworkInterfaces}) and the VPCs' {@code otherUsedEnis} must fit
     * the Region's {@code networkInterfacesPerRegion} together, as the Region holds them all from the start: each
     * account's own figures, as the quota is each account's (an account's interfaces and the otherUsedEnis of the
     * VPCs it owns, {@code vpcs[*].owner}, the first account's when not given).
     */
    private static void regionFits(Fields root, List<Scenario.Account> accounts, List<Scenario.Vpc> vpcs) {
        if (accounts.size() == 1) {
            Scenario.Account a = accounts.get(0);
            long inVpcs = vpcs.stream().mapToLong(Scenario.Vpc::otherUsedEnis).sum();
            regionFits(root, "account.otherNetworkInterfaces", a, inVpcs, "the VPCs' " + inVpcs + " otherUsedEnis");
            return;
        }
        Map<String, String> owners = new java.util.HashMap<>(); // VPC id -> its owner's id, as the file gives them
        for (JsonNode v : root.json().path("vpcs")) {
            if (v.path("id").isTextual() && v.path("owner").isValueNode()) {
                owners.put(v.path("id").asText(), v.path("owner").asText());
            }
        }
        for (int i = 0; i < accounts.size(); i++) {
            Scenario.Account a = accounts.get(i);
            long inVpcs = 0;
            List<String> owned = new ArrayList<>();
            for (Scenario.Vpc v : vpcs) {
                if (owners.getOrDefault(v.id(), accounts.get(0).id()).equals(a.id()) && v.otherUsedEnis() > 0) {
                    inVpcs += v.otherUsedEnis();
                    owned.add(v.id());
                }
            }
            regionFits(root, "accounts[" + i + "].otherNetworkInterfaces", a, inVpcs, "the " + inVpcs
                    + " otherUsedEnis of the VPCs it owns" + (owned.isEmpty() ? "" : " (" + String.join(", ", owned)
                    + ")"));
        }
    }

    /** One account's interfaces in no VPC's quota and {@code inVpcs} others fit its networkInterfacesPerRegion. */
    private static void regionFits(Fields root, String path, Scenario.Account a, long inVpcs, String vpcsText) {
        long outside = a.otherNetworkInterfaces();
        int limit = a.networkInterfacesPerRegion();
        if (outside > 0 && outside + inVpcs > limit) {
            root.problem(path, outside + " other network interfaces and " + vpcsText + " exceed"
                    + " networkInterfacesPerRegion (" + limit + "): the Region holds them all from the start");
        }
    }

    private static Scenario.Account account(Fields root) {
        Fields a = root.object("account");
        Scenario.Account d = Scenario.Account.DEFAULT;
        if (a == null) {
            return d;
        }
        a.allowOnly("concurrencyLimit", "unreservedMinimum", "networkInterfacesPerRegion", "otherNetworkInterfaces");
        int limit = (int) a.integer("concurrencyLimit", d.concurrencyLimit(), 1, 10_000_000);
        int minimum = (int) a.integer("unreservedMinimum", d.unreservedMinimum(), 0, 10_000_000);
        // not given, it is min(100, limit): a new account's limit of 10 keeps all 10 unreserved (AWS); only a value
        // the file gives is held to the limit (`--set account.concurrencyLimit=10` failed against the default 100)
        if (minimum > limit && a.has("unreservedMinimum")) {
            a.problem("unreservedMinimum", "must not exceed concurrencyLimit (" + limit + ")");
        }
        int region = (int) a.integer("networkInterfacesPerRegion", d.networkInterfacesPerRegion(), 1,
                10_000_000);
        int others = (int) a.integer("otherNetworkInterfaces", Defaults.OTHER_NETWORK_INTERFACES, 0, region);
        return new Scenario.Account(limit, Math.min(minimum, limit), region, "", others);
    }

    /**
     * Whether the vpcs section is shaped so that some of its subnets or security groups could not be read at all (not
     * a list, an entry not an object, a subnet without its id, a group not a text): the ids known are then not all
     * the file's, and a function's reference to one not found says nothing more.
     */
    static boolean networkShapeBroken(JsonNode root) {
        JsonNode vpcs = root == null ? null : root.get("vpcs");
        if (vpcs == null || vpcs.isNull()) {
            return false;
        }
        if (!vpcs.isArray()) {
            return true;
        }
        for (JsonNode v : vpcs) {
            if (!v.isObject()) {
                return true;
            }
            // an id the subnet's reader takes (a number or boolean reads as its text): one it took, with no problem
            // said, counted as unreadable dropped every reference to the other subnets silently, and with them a
            // function and its timeline actions (a fuzzed `id: 0` crashed the run)
            if (unreadable(v.get("subnets"), sn -> sn.isObject() && (sn.path("id").isTextual()
                    || sn.path("id").isNumber() || sn.path("id").isBoolean()))
                    || unreadable(v.get("securityGroups"), JsonNode::isTextual)) {
                return true;
            }
        }
        return false;
    }

    /** A list given but not a list, or with an element {@code readable} refuses (absent or null: nothing given). */
    private static boolean unreadable(JsonNode list, java.util.function.Predicate<JsonNode> readable) {
        if (list == null || list.isNull()) {
            return false;
        }
        if (!list.isArray()) {
            return true;
        }
        for (JsonNode e : list) {
            if (!readable.test(e)) {
                return true;
            }
        }
        return false;
    }

    private static List<Scenario.Vpc> vpcs(Fields root, List<Scenario.Account> accounts) {
        List<Scenario.Vpc> out = new ArrayList<>();
        Map<String, String> subnetIds = new LinkedHashMap<>();
        Map<String, String> groupIds = new LinkedHashMap<>();
        // a subnet's IPv6 /64 is globally unique (AWS allocates it): two subnets with one gave ENIs one address
        Map<String, String> ipv6Blocks = new LinkedHashMap<>();
        Map<String, String> natIds = new LinkedHashMap<>();
        for (Fields v : root.objects("vpcs")) {
            v.allowOnly("id", "eniQuota", "eniQuotaCountedPer", "tenancy", "subnets", "securityGroups", "otherUsedEnis", "natGateways",
                    "owner", "name", "securityGroupNames", "enisAtStart");
            String id = v.requireText("id");
            String vpcName = displayName(v, "name");
            if (id != null && out.stream().anyMatch(x -> x.id().equals(id))) {
                v.problem("id", "duplicate VPC id " + Problem.quote(id));
            }
            int quota = (int) v.integer("eniQuota", Defaults.ENI_QUOTA, 1, 1_000_000);
            int otherEnis = (int) v.integer("otherUsedEnis", Defaults.OTHER_USED_ENIS, 0, quota);
            String countedPer = v.text("eniQuotaCountedPer", Scenario.Vpc.COUNTED_PER_VPC);
            if (!countedPer.equals(Scenario.Vpc.COUNTED_PER_VPC) && !countedPer.equals(Scenario.Vpc.COUNTED_PER_ACCOUNT)) {
                v.problem("eniQuotaCountedPer", "expected 'vpc' (every account's ENIs in the VPC count against one"
                        + " quota) or 'account' (each account's against its own), got " + Problem.quote(countedPer));
            }
            String tenancy = v.text("tenancy", "default");
            if (tenancy.equals("dedicated")) {
                v.problem("tenancy", "dedicated-tenancy VPCs are not supported by Lambda");
            } else if (!tenancy.equals("default")) {
                v.problem("tenancy", "expected 'default' or 'dedicated', got " + Problem.quote(tenancy));
            }
            List<Scenario.Subnet> subnets = new ArrayList<>();
            for (Fields s : v.objects("subnets")) {
                if (s.flag("ipv6Only", false)) {
                    ipv6OnlySubnet(s, subnetIds, ipv6Blocks);
                    continue;
                }
                Scenario.Subnet subnet = subnet(s, subnetIds, subnets, ipv6Blocks);
                if (subnet != null) {
                    subnets.add(subnet);
                }
            }
            List<String> groups = v.strings("securityGroups");
            for (int i = 0; i < groups.size(); i++) {
                String g = groups.get(i);
                if (groupIds.containsKey(g)) {
                    v.problem("securityGroups[" + i + "]", "security group " + Problem.quote(g) + " is already defined in "
                            + groupIds.get(g));
                }
                groupIds.put(g, id);
            }
            Map<String, String> groupNames = new java.util.TreeMap<>();
            java.util.Set<String> namedGroups = new java.util.HashSet<>();
            for (Fields named : v.objects("securityGroupNames")) {
                named.allowOnly("id", "name");
                String g = named.requireText("id");
                if (g != null && !groups.contains(g)) {
                    named.problem("id", Problem.quote(g) + " is not one of this VPC's securityGroups " + known(groups)
                            + ": a name is given to a security group the VPC defines");
                } else if (g != null && !namedGroups.add(g)) {
                    named.problem("id", Problem.quote(g) + " is named twice");
                }
                if (!named.has("name")) {
                    named.problem("name", "is required");
                }
                String n = displayName(named, "name");
                if (g != null && n != null) {
                    groupNames.putIfAbsent(g, n);
                }
            }
            List<Scenario.NatGateway> nats = new ArrayList<>();
            for (Fields n : v.objects("natGateways")) {
                n.allowOnly("id", "az", "addresses");
                String natId = n.requireText("id");
                if (natId != null) {
                    if (natIds.containsKey(natId)) {
                        // its series and charts are named by it
                        n.problem("id", "duplicate NAT gateway id " + Problem.quote(natId) + " (also " + natIds.get(natId) + ")");
                    } else {
                        natIds.put(natId, n.path());
                    }
                }
                String az = n.requireText("az");
                int addresses = (int) n.integer("addresses", Defaults.NAT_ADDRESSES, 1, 8);
                if (az != null && subnets.stream().noneMatch(s -> s.az().equals(az))) {
                    n.problem("az", "no subnet of " + id + " is in " + Problem.quote(az) + " (a NAT gateway lives in a subnet)");
                }
                if (natId != null && az != null) {
                    nats.add(new Scenario.NatGateway(natId, az, addresses));
                }
            }
            List<Scenario.KeyAtStart> atStart = enisAtStart(v, id, quota, subnets, groups, accounts);
            out.add(new Scenario.Vpc(id == null ? "?" : id, quota, subnets, groups, otherEnis, nats, vpcName,
                    groupNames, atStart, countedPer.equals(Scenario.Vpc.COUNTED_PER_ACCOUNT)));
        }
        return out;
    }

    /**
     * An {@code enisAtStart} entry the run does not use: under the legacy model (ENIs are made by cold starts), or for
     * a key no {@code existing: Active} function of its account uses (its ENIs are made only for such a function).
     */
    private static void enisAtStartUnused(Scenario s, List<String> out) {
        for (int v = 0; v < s.vpcs().size(); v++) {
            List<Scenario.KeyAtStart> keys = s.vpcs().get(v).enisAtStart();
            for (int k = 0; k < keys.size(); k++) {
                Scenario.KeyAtStart key = keys.get(k);
                String at = s.source() + ": vpcs[" + v + "].enisAtStart[" + k + "]: ";
                if (s.networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
                    out.add(at + "not modelled under networkModel: legacy (its ENIs are made by cold starts): no ENI"
                            + " is in place at the start");
                    continue;
                }
                boolean used = false;
                for (Scenario.Function f : s.functions()) {
                    used |= f.existing() == Scenario.Function.Existing.ACTIVE && f.vpcConfig() != null
                            && f.vpcConfig().subnetIds().contains(key.subnetId())
                            && f.vpcConfig().securityGroupIds().stream().distinct().sorted().toList()
                                    .equals(key.securityGroupIds())
                            && s.accounts().index(s.accounts().of(f.name())) == s.accounts().index(key.account());
                }
                if (!used) {
                    out.add(at + "no existing: Active function" + (key.account().isEmpty() ? "" : " of account "
                            + key.account()) + " uses " + key.subnetId() + " with security groups ["
                            + String.join(",", key.securityGroupIds()) + "]: its " + key.enis() + " ENIs are not made"
                            + " (a key starts with ENIs only for an existing Active function)");
                }
            }
        }
    }

    /**
     * The ids a value may be, as every known-list message says them: {@code (known: a, b)}, each once and sorted (a
     * list printed as given repeated a duplicate id, reported where it is, and read {@code [111111111111,
     * 111111111111, 22222222222]} beside the other messages' form; review 54, r7 section 8).
     */
    static String known(java.util.Collection<String> ids) {
        return "(known: " + (ids.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(ids))) + ")";
    }

    /**
     * {@code vpcs[*].enisAtStart}: keys (a subnet of this VPC, a set of its security groups, an account) that start
     * with more than one in-use Hyperplane ENI when an {@code existing: Active} function uses them, each once, with
     * {@code enis} from 1 to the VPC's {@code eniQuota}. Whether an existing Active function uses the key is a warning
     * ({@link #warnings}), not a problem: setting a function Inactive to try it should not make the file refuse.
     */
    private static List<Scenario.KeyAtStart> enisAtStart(Fields v, String vpc, int quota,
            List<Scenario.Subnet> subnets, List<String> groups, List<Scenario.Account> accounts) {
        List<Scenario.KeyAtStart> out = new ArrayList<>();
        Map<Scenario.KeyAtStart, String> seen = new java.util.HashMap<>();
        List<String> subnetIds = subnets.stream().map(Scenario.Subnet::id).toList();
        List<String> accountIds = accounts.stream().map(Scenario.Account::id).toList();
        for (Fields k : v.objects("enisAtStart")) {
            k.allowOnly("subnetId", "securityGroupIds", "account", "enis");
            boolean ok = true;
            String subnet = k.requireText("subnetId");
            if (subnet != null && !subnetIds.contains(subnet)) {
                k.problem("subnetId", Problem.quote(subnet) + " is not a subnet of " + vpc + " " + known(subnetIds) + ": a key's"
                        + " ENIs are in a subnet of the VPC that lists them");
                ok = false;
            }
            if (!k.has("securityGroupIds")) {
                k.problem("securityGroupIds", "is required: the key's security groups, as the functions' vpcConfig"
                        + " names them");
                ok = false;
            }
            int problems = k.problemCount();
            List<String> sgs = k.strings("securityGroupIds");
            ok &= k.problemCount() == problems;
            if (k.has("securityGroupIds") && sgs.isEmpty() && ok) {
                k.problem("securityGroupIds", "must not be empty: a key is a subnet and a set of security groups");
                ok = false;
            } else if (sgs.size() > 5) {
                k.problem("securityGroupIds", "at most 5 security groups per function, got " + sgs.size());
                ok = false;
            }
            for (int i = 0; i < sgs.size(); i++) {
                if (!groups.contains(sgs.get(i))) {
                    k.problem("securityGroupIds[" + i + "]", Problem.quote(sgs.get(i)) + " is not one of " + vpc
                            + "'s securityGroups " + known(groups));
                    ok = false;
                }
            }
            String account = "";
            if (k.has("account")) {
                String a = k.text("account", "");
                if (accounts.isEmpty()) {
                    k.problem("account", "is given only with 'accounts' (several accounts on shared VPCs)");
                    ok = false;
                } else if (!accountIds.contains(a)) {
                    k.problem("account", Problem.quote(a) + " is not one of the accounts " + known(accountIds));
                    ok = false;
                } else {
                    account = a;
                }
            } else if (!accounts.isEmpty()) {
                account = accountIds.get(0);
            }
            Long enis = k.requireInteger("enis", 1, quota);
            if (ok && subnet != null && enis != null) {
                Scenario.KeyAtStart key = new Scenario.KeyAtStart(subnet, sgs, account, enis.intValue());
                Scenario.KeyAtStart same = new Scenario.KeyAtStart(subnet, sgs, account, 1);
                String before = seen.putIfAbsent(same, k.path());
                if (before != null) {
                    k.problem("the key " + subnet + "+[" + String.join(",", key.securityGroupIds()) + "]"
                            + (account.isEmpty() ? "" : " of account " + account) + " is given twice (also " + before
                            + ")");
                } else {
                    out.add(key);
                }
            }
        }
        return out;
    }

    /**
     * An IPv6-only subnet ({@code ipv6Only: true}, an {@code ipv6Cidr}, no {@code cidr}): declared so that a
     * function naming it gets a clear refusal; not part of the world (no IPv4 address for an ENI).
     */
    private static void ipv6OnlySubnet(Fields s, Map<String, String> ids, Map<String, String> blocks) {
        s.allowOnly("id", "az", "ipv6Only", "ipv6Cidr", "name");
        displayName(s, "name");
        String id = s.requireText("id");
        s.requireText("az");
        ipv6Cidr(s, true, id, blocks);
        if (id != null) {
            if (ids.containsKey(id)) {
                s.problem("id", "duplicate subnet id " + Problem.quote(id));
            }
            ids.put(id, s.path());
        }
    }

    /**
     * A subnet's {@code ipv6Cidr}: an IPv6 /64 [doc: a subnet's IPv6 CIDR is a /64]; null when absent or bad. A /64
     * already in {@code blocks} (another subnet's, in any VPC: AWS allocates each from its own ranges) is a problem.
     */
    private static String ipv6Cidr(Fields s, boolean required, String id, Map<String, String> blocks) {
        String text = required ? s.requireText("ipv6Cidr") : s.text("ipv6Cidr", null);
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        try {
            if (slash < 0 || !text.substring(slash + 1).equals("64")) {
                throw new IllegalArgumentException("a subnet's IPv6 CIDR is a /64");
            }
            String host = text.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:]+") || !host.contains(":")) {
                throw new IllegalArgumentException("not an IPv6 address"); // never a name: no DNS lookup
            }
            java.net.InetAddress a = java.net.InetAddress.getByName(host);
            if (!(a instanceof java.net.Inet6Address)) {
                throw new IllegalArgumentException("not an IPv6 address");
            }
            byte[] b = a.getAddress();
            for (int i = 8; i < 16; i++) {
                if (b[i] != 0) {
                    throw new IllegalArgumentException("host bits set");
                }
            }
            String block = java.util.HexFormat.of().formatHex(b, 0, 8);
            String other = blocks.putIfAbsent(block, (id == null ? s.path() : id) + " (" + text + ")");
            if (other != null) {
                s.problem("ipv6Cidr", text + " is the /64 of " + other + " too: each subnet has its own IPv6 /64");
            }
            return text;
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            s.problem("ipv6Cidr", "expected an IPv6 /64 such as 2600:1f18:4a3b:c100::/64 (" + e.getMessage()
                    + "), got " + Problem.quote(text));
            return null;
        }
    }

    private static Scenario.Subnet subnet(Fields s, Map<String, String> ids, List<Scenario.Subnet> sameVpc,
            Map<String, String> ipv6Blocks) {
        s.allowOnly("id", "cidr", "az", "otherUsedIps", "ipv6Cidr", "ipv6Only", "name");
        String name = displayName(s, "name");
        String ipv6 = ipv6Cidr(s, false, s.json().path("id").isTextual() ? s.json().get("id").asText() : null,
                ipv6Blocks);
        String id = s.requireText("id");
        if (id != null) {
            if (ids.containsKey(id)) {
                s.problem("id", "duplicate subnet id " + Problem.quote(id));
            }
            ids.put(id, s.path());
        }
        String az = s.requireText("az");
        String text = s.requireText("cidr");
        Cidr cidr = null;
        int hostBitsPrefix = -1; // a valid prefix whose address has host bits set: its size is still known
        if (text != null) {
            try {
                cidr = Cidr.parse(text);
                if (cidr.prefix() < 16 || cidr.prefix() > 28) {
                    s.problem("cidr", SUBNET_PREFIX + cidr.prefix());
                    cidr = null;
                }
            } catch (IllegalArgumentException e) {
                // host bits set at a prefix AWS refuses anyway: the prefix rule first, and no "did you mean" that
                // the prefix rule would refuse in turn
                int prefix = e.getMessage().contains("host bits set") && text.matches(".*/[0-9]{1,3}")
                        ? Integer.parseInt(text.substring(text.lastIndexOf('/') + 1)) : 16;
                s.problem("cidr", prefix >= 16 && prefix <= 28 ? e.getMessage()
                        : SUBNET_PREFIX + prefix + "; " + Problem.quote(text) + " also has host bits set");
                hostBitsPrefix = e.getMessage().contains("host bits set") && prefix >= 16 && prefix <= 28 ? prefix
                        : -1;
            }
        }
        if (cidr != null) {
            for (Scenario.Subnet other : sameVpc) {
                if (overlap(cidr, other.cidr())) {
                    s.problem("cidr", cidr + " overlaps " + other.id() + " (" + other.cidr() + ")");
                }
            }
        }
        // a teacher's review: a CIDR with host bits set hid otherUsedIps' bound until it was fixed (all at once)
        int usable = cidr != null ? cidr.usableAddresses() : hostBitsPrefix > 0
                ? (1 << (32 - hostBitsPrefix)) - Cidr.RESERVED_BY_AWS : Integer.MAX_VALUE;
        int others = (int) s.integer("otherUsedIps", Defaults.OTHER_USED_IPS, 0, usable);
        if (id == null) {
            return null;
        }
        // a subnet with a bad field is still declared, so references to it are not reported as unknown too
        // (the scenario is rejected anyway)
        return new Scenario.Subnet(id, cidr == null ? PLACEHOLDER_CIDR : cidr, az == null ? "?" : az, others, ipv6,
                name);
    }

    /** The longest display name taken: an AWS tag value has at most 256 characters [doc]. */
    static final int NAME_MAX = 256;

    /**
     * An optional display name ({@code name} of a subnet or a VPC, a {@code securityGroupNames} entry's): a string
     * of 1 to {@link #NAME_MAX} characters without a line break or another control character (it is shown on one
     * line of the terminal and of the page); null when absent or refused.
     */
    private static String displayName(Fields f, String field) {
        if (!f.has(field)) {
            return null;
        }
        JsonNode n = f.json().get(field);
        if (!n.isTextual()) {
            f.problem(field, "expected a name (a string, as a Name tag's value), got " + Fields.describe(n));
            return null;
        }
        String name = n.asText();
        if (name.isBlank() || name.codePointCount(0, name.length()) > NAME_MAX
                || name.codePoints().anyMatch(Character::isISOControl)) {
            f.problem(field, "expected a name of 1 to " + NAME_MAX + " characters on one line (a Name tag's value),"
                    + " got " + (name.isBlank() ? "an empty one" : name.codePoints().anyMatch(Character::isISOControl)
                    ? "one with a control character" : "one of " + name.codePointCount(0, name.length())
                    + " characters"));
            return null;
        }
        return name;
    }

    private static boolean overlap(Cidr a, Cidr b) {
        long aStart = a.network() & 0xFFFFFFFFL;
        long bStart = b.network() & 0xFFFFFFFFL;
        return aStart < bStart + b.size() && bStart < aStart + a.size();
    }

    private static Scenario.Hyperplane hyperplane(Fields root, AssumptionPreset preset) {
        Fields h = root.object("hyperplane");
        DistributionSpec create = preset.eniCreateTime();
        DistributionSpec delete = preset.eniDeleteTime();
        Scenario.Hyperplane.Builder b = Scenario.Hyperplane.builder().eniCreateTime(create).eniDeleteTime(delete);
        if (h == null) {
            return b.build();
        }
        h.allowOnly(Setting.names(Scenario.Hyperplane.SETTINGS, "eniCreateTime", "eniDeleteTime", "ec2RequestLimit"));
        Setting.readAll(Scenario.Hyperplane.SETTINGS, h, Setting.Limits.DEFAULT, b);
        DistributionSpec c = Distributions.read(h, "eniCreateTime", create);
        DistributionSpec d = Distributions.read(h, "eniDeleteTime", delete);
        Scenario.Hyperplane read = b.eniCreateTime(c == null ? create : c).eniDeleteTime(d == null ? delete : d)
                .ec2RequestLimit(ec2RequestLimit(h)).build();
        if (read.idleReclaimAfterMicros() <= 0) {
            h.problem("idleReclaimAfter", "must be > 0");
            return read.toBuilder().idleReclaimAfterMicros(1).build();
        }
        return read;
    }

    /**
     * The optional {@code hyperplane.ec2RequestLimit: {burst: N, refill: RATE}}; empty when absent, {@code none} (the
     * default written out) or bad.
     */
    private static java.util.Optional<HyperplaneLimits.Ec2RequestLimit> ec2RequestLimit(Fields h) {
        if (h.has("ec2RequestLimit") && h.json().get("ec2RequestLimit").isTextual()
                && h.json().get("ec2RequestLimit").asText().equals(Defaults.EC2_REQUEST_LIMIT_NONE)) {
            return java.util.Optional.empty();
        }
        Fields f = h.object("ec2RequestLimit");
        if (f == null) {
            return java.util.Optional.empty();
        }
        f.allowOnly("burst", "refill");
        Long burst = f.requireInteger("burst", 1, 1_000_000);
        double rate = f.rate("refill");
        if (!Double.isNaN(rate) && rate <= 0) {
            f.problem("refill", "must be > 0");
            return java.util.Optional.empty();
        }
        return burst == null || Double.isNaN(rate) ? java.util.Optional.empty()
                : java.util.Optional.of(new HyperplaneLimits.Ec2RequestLimit(burst.intValue(), rate));
    }
}
