package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest;
import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enisim gate} as CI runs it: exit 0 passed, 1 a rule crossed, 2 bad input; never a user's file touched. */
class GateCommandTest {

    static final String DIR = "src/test/resources/gate";

    @TempDir
    Path dir;

    /** Runs a command; a gate without --step-summary is kept off $GITHUB_STEP_SUMMARY when CI sets it. */
    /** The files a gate of one-group.yaml writes into its folder. */
    static final java.util.List<String> ONE_GROUP_FILES = java.util.List.of("gate.md", "junit.xml", "gate.html",
            "after.yaml");

    /** `gate` of account.yaml and one-group.yaml into {@code out}, with {@code more} options. */
    static Result oneGroupInto(java.nio.file.Path out, String... more) {
        return gate(java.nio.file.Path.of(DIR, "account.yaml"), java.nio.file.Path.of(DIR, "one-group.yaml"), out,
                more);
    }

    /** {@code gate} of {@code account} against {@code template} into {@code out}, with {@code more} options. */
    static Result gate(java.nio.file.Path account, java.nio.file.Path template, java.nio.file.Path out,
            String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("gate", "--account",
                account.toString(), "--template", template.toString(), "--out", out.toString()));
        args.addAll(java.util.List.of(more));
        return run(args.toArray(String[]::new));
    }

    static Result run(String... args) {
        if (args.length > 0 && args[0].equals("gate") && !java.util.Arrays.asList(args).contains("--step-summary")) {
            String[] more = java.util.Arrays.copyOf(args, args.length + 2);
            more[args.length] = "--step-summary";
            more[args.length + 1] = "";
            return ImportCommandTest.run(more);
        }
        return ImportCommandTest.run(args);
    }

    @Test
    void exitCodesAndReports() throws Exception {
        Path out = dir.resolve("gate");
        Result failed = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/ten-groups.yaml",
                "--out", out.toString());
        assertEquals(1, failed.code(), failed.err());
        assertTrue(failed.out().startsWith("FAILED: 1 of 3 rule(s) crossed; " + out.resolve("gate.md")), failed.out());
        assertTrue(failed.out().contains("no function Failed: 4 Failed"), failed.out());
        for (String f : new String[] {"gate.md", "junit.xml", "gate.html", "after.yaml"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("gate.html")).contains("Before and after, side by side"));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("failures=\"1\""));
        Result afterRuns = run("run", out.resolve("after.yaml").toString(), "--out", dir.resolve("r").toString());
        assertEquals(0, afterRuns.code(), "after.yaml is a scenario: " + afterRuns.err());

        Result passed = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--out", out.toString(), "--max-pending", "10m", "--min-free-ips", "5");
        assertEquals(0, passed.code(), passed.out() + passed.err());
        assertTrue(passed.out().startsWith("PASSED"), passed.out());

        Path rules = Files.writeString(dir.resolve("rules.yaml"), "gate:\n  - \"every subnet keeps 20% of its IPs at"
                + " the peak\"\n");
        Result strict = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--out", out.toString(), "--rules", rules.toString());
        assertEquals(1, strict.code(), strict.out());
        assertTrue(strict.out().contains("every subnet keeps 20% of its IPs at the peak: subnet-0f1e2d3c4b5a69788"
                + " (10.40.1.0/24): 5 of 251 IPs free"), strict.out());
    }

    @Test
    void badInputIsExitTwoWithFileAndPath() throws Exception {
        Path out = dir.resolve("gate");
        Result broken = run("gate", "--account", DIR + "/account.yaml", "--template",
                "src/test/resources/iac/broken-subnet.yaml", "--out", out.toString());
        assertEquals(2, broken.code());
        assertTrue(broken.err().startsWith("src/test/resources/iac/broken-subnet.yaml:12:"
                + " Resources.OrdersApi.Properties.VpcConfig.SubnetIds[1]: subnet 'subnet-123'"), broken.err());
        assertFalse(broken.err().contains("Exception"), broken.err());
        assertFalse(Files.exists(out), "nothing written on bad input");

        Path rules = Files.writeString(dir.resolve("rules.yaml"), "gate:\n  - \"no function Pending longer than"
                + " soon\"\n  - \"the subnets look fine\"\n");
        Result badRules = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--rules", rules.toString(), "--out", out.toString());
        assertEquals(2, badRules.code());
        assertTrue(badRules.err().startsWith(rules + ":2: gate[0]: 'no function Pending longer than soon': expected a"
                + " duration"), badRules.err());
        assertTrue(badRules.err().contains(rules + ":3: gate[1]: 'the subnets look fine' is not a gate rule (no"
                + " function Failed;"), badRules.err());

        Result late = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--deploy-at", "2h", "--out", out.toString());
        assertEquals(2, late.code());
        assertTrue(late.err().contains("duration: the run ends at 3600 s, before the deployment at 7200 s"),
                late.err());
        Result overlap = run("gate", "--account", DIR + "/account.yaml", "--template", DIR
                + "/overlapping-subnet.yaml", "--out", out.toString());
        assertEquals(2, overlap.code());
        assertTrue(overlap.err().contains("overlaps subnet-0f1e2d3c4b5a69788 (10.40.1.0/24) (in the account after the"
                + " change is applied)"), overlap.err());
        assertFalse(Files.exists(out));

        Result help = run("gate", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("every subnet keeps 20% of its IPs") && !help.err().contains("WARN"),
                help.out() + help.err());

        Result none = run("gate", "--account", DIR + "/account.yaml");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("give the change: --template FILE and/or --plan FILE"), none.err());
    }

    @Test
    void aFolderEnisimDidNotMakeIsNotWrittenInto() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(mine.resolve("gate.md"), "my notes\n");
        Result r = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml", "--out",
                mine.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a folder enisim wrote") && r.err().contains("pass --force"), r.err());
        assertEquals("my notes\n", Files.readString(mine.resolve("gate.md")));
        Path file = Files.writeString(dir.resolve("gate-file"), "mine\n");
        Result onFile = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--out", file.toString());
        assertEquals(2, onFile.code(), "a file named as --out is refused");
        assertEquals("mine\n", Files.readString(file));

        // --force writes into the folder, beside the user's files, never over them (review 31, finding 3: it
        // replaced the user's gate.md): refused while the user's gate.md is there, written once it is moved away
        Result refused = run("gate", "--force", "--account", DIR + "/account.yaml", "--template",
                DIR + "/one-group.yaml", "--out", mine.toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertEquals("my notes\n", Files.readString(mine.resolve("gate.md")));
        Files.move(mine.resolve("gate.md"), mine.resolve("notes.md"));
        Result forced = run("gate", "--force", "--account", DIR + "/account.yaml", "--template",
                DIR + "/one-group.yaml", "--out", mine.toString());
        assertTrue(forced.code() == 0 || forced.code() == 1, forced.err());
        assertTrue(Files.readString(mine.resolve("gate.md")).contains("enisim"), "--force writes into the folder");
        assertEquals("my notes\n", Files.readString(mine.resolve("notes.md")));
        Path own = dir.resolve("gate-own");
        Result first = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--out", own.toString());
        Result again = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--out", own.toString());
        assertEquals(first.code(), again.code(), "the gate replaces its own folder: " + again.err());
        assertTrue(Files.exists(own.resolve("after.yaml")));
    }

    @Test
    void aStackDeletionWaitsForTeardownAndTheStepSummaryIsAppendedTo() throws Exception {
        Path summary = Files.writeString(dir.resolve("step_summary_1"), "# earlier step\n");
        Path out = dir.resolve("gate");
        Result r = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/delete-stack.yaml",
                "--delete-stack", "--max-teardown-wait", "1m", "--step-summary", summary.toString(), "--out",
                out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("teardown wait <= 1m: orders-api waits "), r.out());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("# earlier step\n<!-- enisim step summary -->\n<!-- enisim gate -->\n## enisim gate: FAILED"), md);
        assertTrue(Files.readString(out.resolve("after.yaml")).contains("action: \"deleteFunction\""));

        Result kept = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/delete-stack.yaml",
                "--out", out.toString(), "--step-summary", "");
        assertEquals(0, kept.code(), kept.out() + kept.err());
        String after = Files.readString(out.resolve("after.yaml"));
        assertTrue(after.contains("action: \"setOtherUsedIps\"") && after.contains("otherUsedIps: 21"),
                "the EFS mount target takes an address in subnet-09a8b7c6d5e4f3a21 (20 used before): " + after);
        assertTrue(Files.readString(out.resolve("gate.md")).contains("orders-api: updated, but its VpcConfig is"
                + " unchanged: no new ENI"));
    }

    @Test
    void anEfsMountTargetTakesTheLastSlotOfTheVpcsEniQuota() throws Exception {
        // 1 existing + 1 mount target + 1 new key = 3 > 2: the quota is shared with other services such as EFS [doc]
        // (a planner's review: the gate passed with headroom 0, counting the mount target's address but no slot)
        Path out = dir.resolve("efs");
        Result r = run("gate", "--account", DIR + "/efs-quota-account.yaml", "--template", DIR + "/efs-quota.yaml",
                "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("no function Failed: 1 Failed"), r.out());
        String md = Files.readString(out.resolve("gate.md"));
        assertTrue(md.contains("efs-reader") && md.contains("EniLimitExceeded"), md);
        assertTrue(md.contains("1 EFS mount target(s) or other interfaces in vpc-lab: one slot each of its ENI quota"),
                md);
        assertTrue(Files.readString(out.resolve("after.yaml")).contains("otherUsedEnis: 1"));
        assertTrue(md.contains("| vpc-lab | 2 | 1 | 1 | 1 | 0 |"), "quota 2, 1 EFS, Lambda 1 and 1: " + md);
    }

    @Test
    void aStepSummaryThatCannotBeAppendedToIsOneClearLineAndLeavesNothing() throws Exception {
        Path missing = dir.resolve("no-such-folder/summary.md");
        Result r = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/delete-stack.yaml",
                "--out", dir.resolve("g1").toString(), "--step-summary", missing.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--step-summary " + missing + ": no such folder: " + missing.getParent())
                && !r.err().contains("java.nio"), r.err());
        // said before the runs (a planner's review: both simulations ran, the four files were written, then exit 2)
        assertFalse(Files.exists(dir.resolve("g1")), "nothing written");
        assertEquals("", r.out(), "no verdict printed: nothing ran");
        Result proc = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/delete-stack.yaml",
                "--out", dir.resolve("g3").toString(), "--step-summary", "/proc/enisim-summary.md");
        assertEquals(2, proc.code(), proc.err());
        assertTrue(proc.err().contains("--step-summary /proc/enisim-summary.md: /proc is on the kernel's proc file"
                + " system"), proc.err());
        assertFalse(Files.exists(dir.resolve("g3")), "nothing written");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Result f = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/delete-stack.yaml",
                "--out", dir.resolve("g2").toString(), "--step-summary", folder.toString());
        assertEquals(2, f.code(), f.err());
        assertTrue(f.err().contains("expected a file to append the gate's summary to"), f.err());
    }

    /**
     * --force writes four files into any folder, but never over an input (it replaced the --account scenario with
     * after.yaml), and checks all four before the runs (a link among them was refused after, gate.md replaced).
     */
    @Test
    void forceNeverReplacesAnInputAndChecksItsFourFilesFirst() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("work"));
        Path account = Files.copy(Path.of(DIR + "/account.yaml"), folder.resolve("after.yaml"));
        String before = Files.readString(account);
        Result r = run("gate", "--account", account.toString(), "--template", DIR + "/one-group.yaml", "--out",
                folder.toString(), "--force");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("would replace " + account + ", an input of this gate, with its after.yaml"),
                r.err());
        assertEquals(before, Files.readString(account));

        Path out = Files.createDirectories(dir.resolve("ci"));
        Path gateMd = Files.writeString(out.resolve("gate.md"), "an earlier gate.md\n");
        Files.createSymbolicLink(out.resolve("junit.xml"), Files.writeString(dir.resolve("elsewhere.xml"), "x"));
        Result linked = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--out", out.toString(), "--force");
        assertEquals(2, linked.code(), linked.out() + linked.err());
        assertTrue(linked.err().contains("is a symbolic link"), linked.err());
        assertEquals("an earlier gate.md\n", Files.readString(gateMd), "refused before anything was written");
    }

    /**
     * The account's trace is an input too: --force into the trace's folder, the trace named as one of the four files,
     * would have replaced the recorded traffic (tested before only through check's shared refusal).
     */
    @Test
    void forceNeverReplacesTheAccountsTrace() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("recorded"));
        String counts = "0,1200\n60,1180\n";
        Path trace = Files.writeString(folder.resolve("junit.xml"), counts);
        Path account = Files.writeString(folder.resolve("account.yaml"), Files.readString(Path.of(DIR
                + "/account.yaml")).replace("arrivals: { poisson: 20/s }",
                "arrivals: { trace: { file: junit.xml, format: counts, interval: 1m } }"));
        assertTrue(Files.readString(account).contains("file: junit.xml"), "the account reads the trace");
        Result r = run("gate", "--account", account.toString(), "--template", DIR + "/one-group.yaml", "--out",
                folder.toString(), "--force");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("would replace " + trace + ", an input of this gate, with its junit.xml"),
                r.err());
        assertEquals(counts, Files.readString(trace), "the trace is untouched");
        assertFalse(Files.exists(folder.resolve("gate.md")), "refused before anything was written");
    }

    /**
     * A rule option's bad value is named as the option, every one at once: {@code --max-pending abc} was told as
     * "gate rules: rules[3]: ..." and {@code --min-free-ips-percent NaN} as a sentence that "is not a gate rule".
     */
    @Test
    void aRuleOptionsBadValueIsNamedAsTheOption() throws Exception {
        Result r = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml", "--out",
                dir.resolve("g").toString(), "--max-pending", "abc", "--max-teardown-wait", "-1m",
                "--min-free-ips-percent", "NaN");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("gate options: --max-pending abc: expected a duration"), r.err());
        assertTrue(r.err().contains("gate options: --max-teardown-wait -1m: a duration cannot be negative"), r.err());
        assertTrue(r.err().contains("gate options: --min-free-ips-percent NaN: expected a percentage from 0 to 100"),
                r.err());
        assertFalse(r.err().contains("rules["), r.err());
        assertFalse(Files.exists(dir.resolve("g")), "nothing written");
    }

    /** A template that is a device was read whole (/dev/zero: out of memory, a stack trace). */
    @Test
    void aTemplateThatIsADeviceIsRefusedUnread() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero");
        Result r = run("gate", "--account", DIR + "/account.yaml", "--template", "/dev/zero", "--out",
                dir.resolve("g").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("/dev/zero: is not a regular file (a device or a pipe)"), r.err());
    }
}
