package dev.enisim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Every enisim command line README.md and scenarios/README.md show parses with the real command tree
 * ({@link Main#commandTree}: picocli's {@code parseArgs}, no command run), names only files under scenarios/ or
 * reports/ that exist (its inputs: an output such as {@code --out reports/gate} is written, not read), and gives
 * no options together that the CLI refuses together. A newcomer copies these lines; over the passes options were
 * renamed, added and refused, and nothing checked them.
 *
 * <p>What counts as a command: in a fenced block, every line that runs {@code enisim.jar} or
 * {@code dev.enisim.cli.Main} (continuations joined: {@code \} in shell, a YAML folded {@code run: >}; the block's
 * shell variables substituted: {@code E=...}, {@code ARGS="..."}, {@code EXP=(...)}); in the prose, every inline
 * code span that starts {@code enisim COMMAND} or {@code java -jar ...enisim.jar}. An inline span is a mention: it
 * may leave out what a command requires ({@code `enisim check`}), but what it names must exist. A quoted message
 * ({@code `enisim gate: bad input`}) is not a command. A line with a placeholder the README marks as one (an
 * upper-case word such as SCENARIO or FILE, {@code [optional]} parts, "...") cannot be parsed: each is listed in
 * {@link #PLACEHOLDERS} with why, and its options are still checked against its command's. So are the options of
 * every mention of a command without "enisim" ({@code `plan --assumptions both`}, the command table's synopses).
 */
class ReadmeCommandsTest {

    private static final List<String> READMES = List.of("README.md", "scenarios/README.md");

    /** The README's commands that hold placeholders, and why each cannot be parsed as it stands. */
    private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();

    static {
        PLACEHOLDERS.put("explain F", "F: any scenario file (the line shows `| head`)");
        PLACEHOLDERS.put("run scenarios/NAME.yaml", "NAME: any of the scenarios the table lists");
        PLACEHOLDERS.put("explain SCENARIO --trace trace.jsonl", "synopsis: SCENARIO, [optional]");
        PLACEHOLDERS.put("check PATH...", "synopsis: PATH...");
        PLACEHOLDERS.put("validate-model --replications N --parallel --markdown FILE", "synopsis: N, FILE, [optional]");
        PLACEHOLDERS.put("sweep SCENARIO --vary PATH=V1,V2,... --vary PATH=FROM..TO:STEP",
                "synopsis: SCENARIO, PATH, V1, FROM, TO, STEP");
        PLACEHOLDERS.put("sensitivity SCENARIO --metric PATH --metric PATH ... --method morris|sobol --samples N "
                + "--vary PATH=LOW..HIGH ... --replications N --out DIR --floor SHARE --max-events N --yes",
                "synopsis: SCENARIO, PATH, N, DIR, SHARE, LOW, HIGH, [optional], ...");
        PLACEHOLDERS.put("compare A --set functions[NAME].provisionedConcurrency=N",
                "A, NAME, N: the reader's scenario, function and figure");
        PLACEHOLDERS.put("compare ... --set scaling.warmRouting=newest --replications 10",
                "...: the measured scenario is described in the prose, not committed");
        PLACEHOLDERS.put("bench WORKLOAD... --repeat N --json FILE --set PATH=VALUE --no-references --no-fork "
                + "--forks N --warmup auto|tenth --samplers --cost-model SVG --cost-model-functions N,... "
                + "--cost-model-arrivals N --parallel-scaling N --parallel-workload W --parallel-duration D "
                + "--memory-model --report-time", "synopsis: WORKLOAD, N, FILE, PATH, SVG, W, D, [optional]");
        PLACEHOLDERS.put("validate FILE", "FILE: any scenario file");
        PLACEHOLDERS.put("run FILE", "FILE: any scenario file");
    }

    /** Options whose value is a file or folder enisim writes (--baseline: with --update-baseline). */
    private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "-o", "--junit", "--html", "--markdown",
            "--json", "--cost-model", "--step-summary", "--trace", "--baseline");

    /** A command line of a README: where it is, the words after enisim, whether it is only a mention in prose. */
    record Line(String where, List<String> args, boolean inline, String text) {
    }

    @Test
    void everyCommandTheReadmesShowParsesAndNamesFilesThatExist() throws Exception {
        List<Line> lines = new ArrayList<>();
        for (String readme : READMES) {
            lines.addAll(commands(readme, Files.readString(Path.of(readme))));
        }
        assertTrue(lines.size() > 60, "the READMEs' commands: " + lines.size() + " " + lines);
        List<String> problems = new ArrayList<>();
        Set<String> placeholdersSeen = new TreeSet<>();
        int parsed = 0;
        for (Line l : lines) {
            if (hasPlaceholder(l.args())) {
                String listed = String.join(" ", l.args().stream().map(ReadmeCommandsTest::unbracket).toList());
                if (!PLACEHOLDERS.containsKey(listed)) {
                    problems.add(l.where() + ": `" + l.text() + "` holds a placeholder: list it in PLACEHOLDERS with "
                            + "why, or give a real value");
                } else {
                    placeholdersSeen.add(listed);
                }
                optionsExist(l, problems);
                continue;
            }
            problems.addAll(check(l));
            parsed++;
        }
        int mentions = 0;
        for (String readme : READMES) {
            for (Line l : mentions(readme, Files.readString(Path.of(readme)))) {
                optionsExist(l, problems);
                mentions++;
            }
        }
        assertTrue(mentions > 60, "the prose's mentions of commands: " + mentions);
        Set<String> stale = new TreeSet<>(PLACEHOLDERS.keySet());
        stale.removeAll(placeholdersSeen);
        stale.forEach(k -> problems.add("PLACEHOLDERS lists `" + k + "`, which the READMEs no longer show"));
        assertEquals(List.of(), problems, "README commands that do not work as shown (" + parsed + " parsed, "
                + placeholdersSeen.size() + " with placeholders)");
    }

    /** A bogus option, an unknown command and a missing input file are each caught (the checks are live). */
    @Test
    void aBrokenCommandIsCaught() {
        String md = "```sh\njava -jar target/enisim.jar run scenarios/quickstart.yaml --no-such-option\n"
                + "java -jar target/enisim.jar runn scenarios/quickstart.yaml\n"
                + "java -jar target/enisim.jar run scenarios/no-such-scenario.yaml\n"
                + "java -jar target/enisim.jar check scenarios --update-baseline\n"
                + "java -jar target/enisim.jar sweep scenarios/quickstart.yaml --vary traffic=1,2 --points 5\n"
                + "```\nprose `enisim check --baseline-dir x` and `enisim run --replications` end\n";
        List<Line> lines = commands("TEST.md", md);
        assertEquals(7, lines.size(), lines.toString());
        for (Line l : lines) {
            assertEquals(1, check(l).size(), l + ": " + check(l));
        }
        List<String> synopsis = new ArrayList<>();
        List<Line> said = mentions("TEST.md",
                "| `run SCENARIO [--out DIR] [--quietly]` | runs |\nuse `plan\n--warmup 5m`\n");
        assertEquals(2, said.size(), said.toString());
        said.forEach(l -> optionsExist(l, synopsis));
        assertEquals(2, synopsis.size(), synopsis.toString());
        assertEquals(List.of(), check(commands("TEST.md", "```sh\njava -jar target/enisim.jar run "
                + "scenarios/quickstart.yaml --replications 2\n```\n").get(0)));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<String> check(Line l) {
        List<String> problems = new ArrayList<>();
        String at = l.where() + ": `" + l.text() + "`: ";
        CommandLine cl = Main.commandTree(Path.of(""));
        ParseResult pr;
        try {
            pr = cl.parseArgs(l.args().toArray(String[]::new));
        } catch (CommandLine.MissingParameterException e) {
            if (!l.inline() || e.getMessage().contains("for option")) { // an option given without its value
                problems.add(at + e.getMessage());
            }
            return problems; // a mention in prose may leave out what is required
        } catch (CommandLine.ParameterException e) {
            problems.add(at + e.getMessage());
            return problems;
        }
        if (!pr.hasSubcommand()) {
            if (!pr.isUsageHelpRequested() && !pr.isVersionHelpRequested()) {
                problems.add(at + "names no command");
            }
            return problems;
        }
        ParseResult sub = pr.subcommand();
        // inputs under scenarios/ or reports/ exist
        List<String> a = l.args();
        for (int i = 0; i < a.size(); i++) {
            String w = a.get(i);
            if ((w.startsWith("scenarios/") || w.startsWith("reports/"))
                    && !(i > 0 && OUTPUT_OPTIONS.contains(a.get(i - 1)))
                    && !Files.exists(Path.of(w))) {
                problems.add(at + w + " does not exist in the repository");
            }
        }
        problems.addAll(refusedTogether(sub).stream().map(p -> at + p).toList());
        return problems;
    }

    /**
     * The options the CLI refuses together. It checks them in each command's {@code call()}, with everything else
     * it reads (no parse-only hook reaches them), so they are restated here, each with the message it gives.
     */
    static List<String> refusedTogether(ParseResult sub) {
        List<String> p = new ArrayList<>();
        String name = sub.commandSpec().name();
        if (name.equals("check")) {
            boolean baseline = sub.hasMatchedOption("--baseline");
            boolean update = sub.hasMatchedOption("--update-baseline");
            if (update && !baseline) {
                p.add("--update-baseline needs --baseline DIR");
            }
            if (sub.hasMatchedOption("--tolerance") && (!baseline || update)) {
                p.add("--tolerance needs --baseline DIR (and not --update-baseline)");
            }
            if (sub.hasMatchedOption("--html") && (!baseline || update)) {
                p.add("--html needs --baseline DIR (and not --update-baseline)");
            }
        }
        if (sub.commandSpec().findOption("--engine") != null) {
            boolean spark = "spark".equals(String.valueOf(sub.matchedOptionValue("--engine", "in-process")));
            if (!spark && (sub.hasMatchedOption("--spark-master") || sub.hasMatchedOption("--batch"))) {
                p.add("--spark-master and --batch apply to --engine spark, which is not chosen");
            }
            if (spark && sub.hasMatchedOption("--threads")) {
                p.add("--threads applies to --engine in-process");
            }
        }
        if (name.equals("sweep")) {
            String design = String.valueOf(sub.matchedOptionValue("--design", "grid"));
            if (design.equals("grid") && sub.hasMatchedOption("--points")) {
                p.add("--points applies to --design lhs or sobol");
            }
            if (!design.equals("lhs") && sub.hasMatchedOption("--design-seed")) {
                p.add("--design-seed applies to --design lhs");
            }
        }
        if (name.equals("bench") && sub.hasMatchedOption("--no-fork") && sub.hasMatchedOption("--forks")) {
            p.add("--forks needs forked JVMs: --no-fork measures in this JVM");
        }
        return p;
    }

    /** A synopsis's options are its command's (the command: the first word that is one). */
    private static void optionsExist(Line l, List<String> problems) {
        CommandLine cl = Main.commandTree(Path.of(""));
        CommandLine sub = null;
        for (String w : l.args()) {
            if (sub == null) {
                sub = cl.getSubcommands().get(w);
                if (sub == null && !w.startsWith("-")) {
                    problems.add(l.where() + ": `" + l.text() + "`: " + w + " is not an enisim command");
                    return;
                }
                continue;
            }
            String opt = unbracket(w).replaceFirst("=.*$", "");
            if (opt.startsWith("-") && !opt.equals("-") && sub.getCommandSpec().findOption(opt) == null
                    && !(opt.startsWith("--no-") && sub.getCommandSpec().findOption("--" + opt.substring(5)) != null
                    && sub.getCommandSpec().findOption("--" + opt.substring(5)).negatable())) {
                problems.add(l.where() + ": `" + l.text() + "`: " + sub.getCommandName() + " has no option " + opt);
            }
        }
    }

    /** A synopsis's word without its [optional] brackets: {@code [--out} and {@code DIR]} (not {@code a[0]}). */
    private static String unbracket(String w) {
        String u = w.replaceFirst("^\\[+", "");
        while (u.endsWith("]") && u.chars().filter(c -> c == ']').count() > u.chars().filter(c -> c == '[').count()) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("(^|[^A-Za-z0-9_$])[A-Z][A-Z0-9_]*($|[^A-Za-z0-9_])");

    private static boolean hasPlaceholder(List<String> args) {
        for (String w : args) {
            if (w.startsWith("[") || w.contains("...") || !w.startsWith("-") && PLACEHOLDER.matcher(w).find()
                    || w.startsWith("-") && w.contains("=") && PLACEHOLDER.matcher(w.substring(w.indexOf('=')))
                    .find()) {
                return true;
            }
        }
        return false;
    }

    // --------------------------------------------------------------------------------------- extraction

    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\w*)\\s*$");
    private static final Pattern INLINE = Pattern.compile("`((?:enisim|java -jar \\S*enisim\\.jar) [^`]+)`");

    static List<Line> commands(String file, String md) {
        List<Line> out = new ArrayList<>();
        String[] lines = md.split("\n", -1);
        boolean inBlock = false;
        String lang = "";
        Map<String, List<String>> vars = new HashMap<>();
        StringBuilder prose = new StringBuilder();
        int proseStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = FENCE.matcher(line);
            if (f.matches()) {
                if (!inBlock) {
                    inline(file, proseStart, prose.toString(), out);
                    prose.setLength(0);
                    lang = f.group(1);
                    vars.clear();
                } else {
                    proseStart = i + 2;
                }
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) {
                prose.append(line).append('\n');
                continue;
            }
            int start = i;
            StringBuilder cmd = new StringBuilder(line.strip());
            if (lang.equals("yaml")) { // a folded scalar: the lines after, at the same indentation
                int indent = line.length() - line.stripLeading().length();
                while (line.contains("enisim.jar") && i + 1 < lines.length && !lines[i + 1].isBlank()
                        && lines[i + 1].length() - lines[i + 1].stripLeading().length() == indent) {
                    cmd.append(' ').append(lines[++i].strip());
                }
            } else {
                while ((cmd.toString().endsWith("\\") || open(cmd.toString()) && shell(cmd.toString()))
                        && i + 1 < lines.length && !FENCE.matcher(lines[i + 1]).matches()) {
                    if (cmd.toString().endsWith("\\")) {
                        cmd.setLength(cmd.length() - 1);
                    }
                    cmd.append(' ').append(lines[++i].strip());
                }
            }
            String text = cmd.toString().strip();
            Matcher assign = Pattern.compile("^([A-Z_]+)=(.*)$").matcher(text);
            if (assign.matches()) {
                String v = assign.group(2);
                if (v.startsWith("(") && v.endsWith(")") || v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1); // an array, or a string $NAME splits into words
                }
                vars.put(assign.group(1), words(v, vars));
                continue;
            }
            List<String> w = words(text, vars);
            int at = -1;
            for (int k = 0; k < w.size(); k++) {
                if (w.get(k).endsWith("enisim.jar") && k > 0 && !w.get(k - 1).equals("-cp")
                        || w.get(k).equals("dev.enisim.cli.Main") && k > 0 && !w.get(k - 1).equals("--class")) {
                    at = k;
                    break;
                }
            }
            if (at >= 0) {
                out.add(new Line(file + ":" + (start + 1), w.subList(at + 1, w.size()), false, text));
            }
        }
        inline(file, proseStart, prose.toString(), out);
        return out;
    }

    private static final Pattern MENTION = Pattern.compile("`([a-z][a-z-]*\\s[^`]*)`");

    /**
     * The prose's mentions of a command without "enisim" before it: the command table's synopses
     * ({@code | `run SCENARIO [--out DIR] ...` |}) and spans such as {@code `plan --assumptions both`}, each an
     * inline code span whose first word is an enisim command. All placeholders or a fragment: their options are
     * checked, nothing is parsed.
     */
    static List<Line> mentions(String file, String md) {
        Set<String> commands = Main.commandTree(Path.of("")).getSubcommands().keySet();
        List<Line> out = new ArrayList<>();
        String[] lines = md.split("\n", -1);
        StringBuilder prose = new StringBuilder(); // the fenced blocks blanked, line numbers kept
        boolean inBlock = false;
        for (String line : lines) {
            boolean fence = FENCE.matcher(line).matches();
            prose.append(inBlock || fence ? "" : line).append('\n');
            inBlock ^= fence;
        }
        Matcher m = MENTION.matcher(prose);
        while (m.find()) {
            String text = m.group(1).replace("\\|", "|").replaceAll("\\s+", " ").strip();
            List<String> w = List.of(text.split(" "));
            if (commands.contains(w.get(0))) {
                int line = 1 + (int) prose.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                out.add(new Line(file + ":" + line, w, true, text));
            }
        }
        return out;
    }

    private static void inline(String file, int firstLine, String prose, List<Line> out) {
        Matcher m = INLINE.matcher(prose);
        while (m.find()) {
            String text = m.group(1).replaceAll("\\s+", " ");
            int line = firstLine + (int) prose.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            List<String> w = words(text, Map.of());
            int at = w.get(0).equals("enisim") ? 1 : 3;
            if (at < w.size() && w.get(at).endsWith(":")) {
                continue; // a message enisim prints (`enisim gate: bad input`), not a command
            }
            out.add(new Line(file + ":" + line, w.subList(Math.min(at, w.size()), w.size()), true, text));
        }
    }

    /** Whether a line is a command or an assignment (not an output line with an apostrophe: "one run's"). */
    private static boolean shell(String text) {
        return text.contains("enisim.jar") || text.contains("dev.enisim.cli.Main") || text.matches("^[A-Z_]+=.*");
    }

    /** Whether a quote or an array is still open at the end of the text. */
    private static boolean open(String text) {
        boolean single = false;
        boolean dbl = false;
        int paren = 0;
        char prev = ' ';
        for (char c : text.toCharArray()) {
            boolean comment = c == '#' && !single && !dbl && Character.isWhitespace(prev);
            prev = c;
            if (comment) {
                break; // a comment's apostrophe opens nothing
            } else if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl && c == '(') {
                paren++;
            } else if (!single && !dbl && c == ')') {
                paren--;
            }
        }
        return single || dbl || paren > 0;
    }

    /**
     * The words a shell makes of a command: quotes removed, variables of the block substituted ({@code $E/x},
     * {@code $ARGS} split into words, {@code "${EXP[@]}"}); it ends at a comment, a pipe, ; or &&.
     */
    static List<String> words(String text, Map<String, List<String>> vars) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean word = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? text.length() : end; // an apostrophe in an output line
                w.append(text, i + 1, end);
                word = true;
                i = end + 1;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                end = end < 0 ? text.length() : end;
                String inner = text.substring(i + 1, end);
                Matcher arr = Pattern.compile("^\\$\\{(\\w+)\\[@\\]\\}$").matcher(inner);
                if (arr.matches() && w.isEmpty()) {
                    out.addAll(vars.getOrDefault(arr.group(1), List.of(inner)));
                    i = end + 1;
                    continue;
                }
                w.append(inner);
                word = true;
                i = end + 1;
            } else if (c == '$' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                        || text.charAt(end) == '_')) {
                    end++;
                }
                List<String> v = vars.get(text.substring(i + 1, end));
                if (v == null) {
                    w.append(text, i, end);
                    word = true;
                } else if (v.size() == 1) {
                    w.append(v.get(0));
                    word = true;
                } else { // unquoted: split into words
                    if (word) {
                        out.add(w.toString());
                        w.setLength(0);
                        word = false;
                    }
                    out.addAll(v);
                }
                i = end;
            } else if (Character.isWhitespace(c)) {
                if (word) {
                    out.add(w.toString());
                    w.setLength(0);
                    word = false;
                }
                i++;
            } else if (c == ';' || text.startsWith("&&", i)) { // the next command: keep enisim's
                if (word) {
                    out.add(w.toString());
                    w.setLength(0);
                    word = false;
                }
                if (out.stream().anyMatch(x -> x.endsWith("enisim.jar") || x.equals("dev.enisim.cli.Main"))) {
                    break;
                }
                out.clear();
                i += c == ';' ? 1 : 2;
            } else if (!word && (c == '#' || c == '|' || c == '>')) { // morris|sobol is one word
                break;
            } else {
                w.append(c);
                word = true;
                i++;
            }
        }
        if (word) {
            out.add(w.toString());
        }
        return out;
    }
}
