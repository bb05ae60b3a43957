package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input files read by enisim's other readers than the scenario's (a gate's rules file, a template or plan, a
 * check's baseline, saved AWS CLI output) are said in enisim's words, naming the file by the role it was given as:
 * one line, exit 2, none of Jackson's or SnakeYAML's internals (an adversarial review, session 41).
 */
class ReaderRolesTest {

    @TempDir
    Path dir;

    private static final String ACCOUNT = "src/test/resources/gate/account.yaml";
    private static final String TEMPLATE = "src/test/resources/gate/one-group.yaml";

    /** What a user would never see: a parser's or Java's internals. */
    private static final List<String> INTERNALS = List.of("Source:", "reference chain", "StreamReadConstraints",
            "Nesting Depth", "Exception", "\tat ", "com.fasterxml", "org.yaml", "(code 65533", "Unexpected character",
            "JSON String, Number, Array");

    private static void clean(CliTest.Result r, String what) {
        assertEquals(2, r.code(), what + ": " + r.out() + r.err());
        for (String s : INTERNALS) {
            assertFalse((r.out() + r.err()).contains(s), what + " says '" + s + "': " + r.out() + r.err());
        }
    }

    private CliTest.Result gateRules(Path rules) {
        return CliTest.run("gate", "--account", ACCOUNT, "--template", TEMPLATE, "--rules", rules.toString(), "--out",
                dir.resolve("g").toString());
    }

    /** A rules file that is a list, or two JSON values, was said to be expected "a scenario". */
    @Test
    void aRulesFileOfTheWrongShapeIsCalledARulesFile() throws Exception {
        CliTest.Result list = gateRules(Files.writeString(dir.resolve("rules.yml"), "- no function Failed\n"));
        clean(list, "a list");
        assertTrue(list.err().contains("rules.yml: expected a rules file (key: value pairs at the top level)"),
                list.err());
        CliTest.Result two = gateRules(Files.writeString(dir.resolve("rules.json"), "{\"gate\": []} {\"x\": 1}"));
        clean(two, "two values");
        assertTrue(two.err().contains("text after the rules file's value"), two.err());
        assertFalse((list.err() + two.err()).contains("scenario"), list.err() + two.err());
    }

    /** Read again as UTF-16 (PowerShell's {@code >}), it was said to be expected "a template, plan or parameters". */
    @Test
    void aUtf16OrBinaryRulesFileIsCalledARulesFile() throws Exception {
        Path utf16 = Files.write(dir.resolve("rules16.yml"), "- no function Failed\n".getBytes(StandardCharsets.UTF_16));
        CliTest.Result list = gateRules(utf16);
        clean(list, "a UTF-16 list");
        assertTrue(list.err().contains("expected a rules file"), list.err());
        Path binary = Files.write(dir.resolve("rules.bin.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xd8});
        CliTest.Result bin = gateRules(binary);
        clean(bin, "a binary file");
        assertTrue(bin.err().contains("expected a rules file"), bin.err());
        assertFalse((list.err() + bin.err()).contains("template"), list.err() + bin.err());
        Path good = Files.write(dir.resolve("good16.yml"), "gate:\n  - no function Failed\n".getBytes(
                StandardCharsets.UTF_16));
        assertFalse(gateRules(good).err().contains("good16.yml"), "a UTF-16 rules file is still read");
    }

    /** A rules file above the YAML limit was "above the 64.0 MiB limit for YAML scenarios". */
    @Test
    void theSizeLimitNamesTheRulesFileAsOne() throws Exception {
        Path big = dir.resolve("big-rules.yml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(64L * 1024 * 1024 + 1);
        }
        CliTest.Result r = gateRules(big);
        clean(r, "a big rules file");
        assertTrue(r.err().contains("big-rules.yml: the file is 64.0 MiB, above the 64.0 MiB limit for YAML"
                + " rules files (YAML is read whole into memory)"), r.err());
    }

    /**
     * A template (or plan) nested past SnakeYAML's limit said "Nesting Depth exceeded max 100". A plan is read as JSON
     * only since session 46 (terraform show -json's output; its text and binary forms are said for what they are), so
     * the YAML reader's depth is checked through a template, and the same file given as a plan is said not JSON.
     */
    @Test
    void aDeepYamlTemplateSaysHowDeepIsAllowed() throws Exception {
        String nested = "a: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n";
        Path deep = Files.writeString(dir.resolve("deep-template.yaml"), nested);
        CliTest.Result r = CliTest.run("gate", "--account", ACCOUNT, "--template", deep.toString(), "--out",
                dir.resolve("g").toString());
        clean(r, "a deep template");
        assertTrue(r.err().contains("deep-template.yaml: malformed YAML: nested deeper than 100 levels"),
                r.err());
        Path plan = Files.writeString(dir.resolve("deep-plan.yaml"), nested);
        CliTest.Result p = CliTest.run("gate", "--account", ACCOUNT, "--template", TEMPLATE, "--plan",
                plan.toString(), "--out", dir.resolve("g2").toString());
        clean(p, "a deep YAML plan");
        assertTrue(p.err().contains("deep-plan.yaml: not JSON: it starts with 'a: [...' (4003 characters)"), p.err());
    }

    /** A baseline that is not UTF-8 was decoded with replacement characters and said in Jackson's words. */
    @Test
    void aBinaryBaselineIsSaidNotToBeText() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.yaml"), CliTest.GOOD.replace("cli-test", "small"));
        Path base = Files.createDirectories(dir.resolve("baseline"));
        Files.write(base.resolve("small.summary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x7b});
        CliTest.Result r = CliTest.run("check", scenario.toString(), "--baseline", base.toString());
        clean(r, "a binary baseline");
        assertTrue((r.out() + r.err()).contains("small.summary.json is not a summary.json: not UTF-8 text"),
                r.out() + r.err());
    }

    /** A scenario (YAML) given as a baseline was said in Jackson's words ("Unexpected character ('#' (code 35))"). */
    @Test
    void aScenarioGivenAsABaselineIsSaidToBeNotJson() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.yaml"), "# the small one\n"
                + CliTest.GOOD.replace("cli-test", "small"));
        Path base = Files.createDirectories(dir.resolve("baseline"));
        Files.copy(scenario, base.resolve("small.summary.json"));
        CliTest.Result r = CliTest.run("check", scenario.toString(), "--baseline", base.toString());
        clean(r, "a scenario as a baseline");
        assertTrue((r.out() + r.err()).contains("small.summary.json is not a summary.json: not JSON, it starts with '#"
                + " th...' (15 characters) (a scenario? a scenario is given as SCENARIO; --baseline DIR holds the summaries"
                + " check --update-baseline wrote)"), r.out() + r.err());
        assertFalse((r.out() + r.err()).contains("code 35"), r.out() + r.err());
    }

    /** Another of enisim's files given as a scenario is named in one line: a summary.json said twenty lines. */
    @Test
    void anotherRolesFileGivenAsAScenarioIsNamedInOneLine() throws Exception {
        String[][] files = {
            {"summary.json", "{\"scenario\": \"small\", \"seed\": 1, \"replication\": 0, \"simulatedSeconds\":"
                + " 600, \"events\": {}, \"invocations\": {}, \"functions\": {}, \"vpcs\": {}}",
                "this is the summary.json of a run of 'small' (enisim run writes it), not a scenario: give the scenario"
                + " file that was run"},
            {"replicated.json", "{\"scenario\": \"small\", \"seed\": 1, \"replications\": 2, \"metrics\": {}}",
                "this is the summary.json of a run of 'small'"},
            {"template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n",
                "this is a CloudFormation template, not a scenario: enisim gate --template reads it"},
            {"plan.json", "{\"format_version\": \"1.2\", \"resource_changes\": []}",
                "this is a Terraform plan (terraform show -json), not a scenario: enisim gate --plan reads it"},
            {"rules.yml", "gate:\n  - no function Failed\n",
                "this is a rules file (a list under `gate:`), not a scenario: enisim gate --rules reads it"},
            {"subnets.json", "{\"Subnets\": []}",
                "this is saved AWS CLI output (its 'Subnets'), not a scenario: enisim import builds a scenario from it"}};
        for (String[] f : files) {
            Path p = Files.writeString(dir.resolve(f[0]), f[1]);
            for (String command : new String[] {"validate", "run"}) {
                CliTest.Result r = CliTest.run(command, p.toString());
                clean(r, command + " " + f[0]);
                assertTrue(r.err().contains(p + ": " + f[2]), r.err());
                assertEquals(1, r.err().lines().filter(l -> l.contains(p.toString())).count(), r.err());
            }
        }
        // a scenario with faults of its own is still read as one
        Path faulty = Files.writeString(dir.resolve("faulty.yaml"), "name: x\nResources: {}\n");
        assertTrue(CliTest.run("validate", faulty.toString()).err().contains("unknown key 'Resources'"));
    }

    /** Each reader, given a truncated file, a 2,000-deep nesting and a wrong type, answers in enisim's words. */
    @Test
    void everyReaderSaysTruncatedDeepAndWrongFilesInItsOwnWords() throws Exception {
        String[][] files = {{"trunc.json", "{\"a\": [1, 2"}, {"deep.json", "[".repeat(2_000) + "]".repeat(2_000)},
            {"deepobj.json", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)}, {"wrong.json", "[1, 2, 3]"},
            {"text.json", "\"hello\""}, {"deep.yaml", "a: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n"}};
        Path scenario = Files.writeString(dir.resolve("small.yaml"), CliTest.GOOD.replace("cli-test", "small"));
        Path base = Files.createDirectories(dir.resolve("baseline"));
        for (String[] f : files) {
            Path p = Files.writeString(dir.resolve(f[0]), f[1]);
            Files.writeString(base.resolve("small.summary.json"), f[1]);
            String g = dir.resolve("g").toString();
            clean(CliTest.run("validate", p.toString()), "scenario " + f[0]);
            clean(CliTest.run("check", scenario.toString(), "--baseline", base.toString()), "baseline " + f[0]);
            clean(gateRules(p), "rules " + f[0]);
            clean(CliTest.run("gate", "--account", p.toString(), "--template", TEMPLATE, "--out", g), "account "
                    + f[0]);
            for (String option : new String[] {"--template", "--plan", "--parameters", "--exports"}) {
                List<String> args = new java.util.ArrayList<>(List.of("gate", "--account", ACCOUNT, "--out", g));
                if (!option.equals("--template")) {
                    args.addAll(List.of("--template", TEMPLATE));
                }
                args.addAll(List.of(option, p.toString()));
                clean(CliTest.run(args.toArray(String[]::new)), option + " " + f[0]);
            }
            clean(CliTest.run("import", "--subnets", p.toString(), "--functions", p.toString(), "-o",
                    dir.resolve("imported.yaml").toString()), "import " + f[0]);
            clean(CliTest.run("compare", ACCOUNT, p.toString(), "--replications", "2"), "compare B " + f[0]);
        }
    }
}
