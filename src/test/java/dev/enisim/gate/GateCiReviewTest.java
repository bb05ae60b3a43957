package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate as a CI team met it (review 31: findings 3, 4, 6, 7, 10, 17). */
class GateCiReviewTest {

    static final String DIR = GateCommandTest.DIR;

    @TempDir
    Path dir;

    private static Result gate(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("gate", "--account", DIR + "/account.yaml"));
        args.addAll(List.of(more));
        return GateCommandTest.run(args.toArray(String[]::new));
    }

    /**
     * Finding 3: {@code --force}, which the refusal advised, replaced the user's own junit.xml and gate.md without a
     * word. It writes beside a folder's files, never over one enisim did not write: refused in one line naming them.
     */
    @Test
    void forceNeverReplacesAUsersFilesNamedAsTheGates() throws Exception {
        Path uf = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(uf.resolve("junit.xml"), "my junit\n");
        Files.writeString(uf.resolve("gate.md"), "my notes\n");
        Result refused = gate("--template", DIR + "/one-group.yaml", "--out", uf.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("or move gate.md and junit.xml away (enisim did not write them, and --force"
                + " replaces none such) and pass --force"), refused.err());
        Result forced = gate("--template", DIR + "/one-group.yaml", "--out", uf.toString(), "--force");
        assertEquals(2, forced.code(), forced.out() + forced.err());
        assertEquals(1, forced.err().strip().lines().count(), forced.err());
        assertTrue(forced.err().contains("--force would replace gate.md and junit.xml, which enisim did not write"),
                forced.err());
        assertEquals("my junit\n", Files.readString(uf.resolve("junit.xml")));
        assertEquals("my notes\n", Files.readString(uf.resolve("gate.md")));
        assertFalse(Files.exists(uf.resolve("gate.html")), "refused before anything was written");

        // beside the user's other files: written, and known again as enisim's by the next --force
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("notes.txt"), "mine\n");
        for (int i = 0; i < 2; i++) {
            Result r = gate("--template", DIR + "/one-group.yaml", "--out", notes.toString(), "--force");
            assertEquals(0, r.code(), r.out() + r.err());
        }
        assertEquals("mine\n", Files.readString(notes.resolve("notes.txt")));
        assertTrue(Files.readString(notes.resolve("gate.md")).startsWith("<!-- enisim gate -->\n## enisim gate: "));
        // a folder enisim wrote, a file of the user's added since: its own files still enisim's under --force
        Path own = dir.resolve("own");
        assertEquals(0, gate("--template", DIR + "/one-group.yaml", "--out", own.toString()).code());
        Files.writeString(own.resolve("notes.txt"), "mine\n");
        Result again = gate("--template", DIR + "/one-group.yaml", "--out", own.toString(), "--force");
        assertEquals(0, again.code(), again.out() + again.err());
        assertEquals("mine\n", Files.readString(own.resolve("notes.txt")));
    }

    /**
     * Finding 4: bad input (exit 2) left the previous run's gate.md (PASSED) and junit.xml (all pass) in --out, for
     * the pull request's comment and the JUnit publisher. In a folder of enisim's they now say bad input, and the
     * step summary gets it too; a user's folder is not touched.
     */
    @Test
    void badInputReplacesTheStaleReportInEnisimsFolderAndSaysItInTheStepSummary() throws Exception {
        Path out = dir.resolve("gate");
        Result passed = gate("--template", DIR + "/one-group.yaml", "--out", out.toString());
        assertEquals(0, passed.code(), passed.out() + passed.err());
        Path rules = Files.writeString(dir.resolve("bad-rules.yml"), "gate:\n  - \"quota headroom >= fifty\"\n");
        Path summary = Files.writeString(dir.resolve("summary.md"), "");
        Result bad = gate("--template", DIR + "/one-group.yaml", "--out", out.toString(), "--rules", rules.toString(),
                "--step-summary", summary.toString());
        assertEquals(2, bad.code(), bad.err());
        String md = Files.readString(out.resolve("gate.md"));
        assertTrue(md.startsWith("<!-- enisim gate -->\n## enisim gate: bad input\n"), md);
        assertTrue(md.contains("'quota headroom >= fifty' is not a gate rule"), md);
        assertFalse(md.contains("PASSED"), md);
        String junit = Files.readString(out.resolve("junit.xml"));
        assertTrue(junit.contains("type=\"BadInput\"") && junit.contains("errors=\"1\""), junit);
        assertFalse(Files.exists(out.resolve("gate.html")), "the previous run's page is gone with its folder");
        assertEquals("<!-- enisim step summary -->\n" + md, Files.readString(summary), "the step summary says it too");
        for (String line : md.split("\n")) {
            assertTrue(line.length() < 1000, "one line a paragraph, as written: " + line);
        }
        // and the next good run replaces it again: the folder is still enisim's
        assertEquals(0, gate("--template", DIR + "/one-group.yaml", "--out", out.toString()).code());

        Path users = Files.createDirectories(dir.resolve("users"));
        Files.writeString(users.resolve("gate.md"), "## enisim gate: PASSED (my copy)\n");
        Result theirs = gate("--template", DIR + "/one-group.yaml", "--out", users.toString(), "--rules",
                rules.toString(), "--force");
        assertEquals(2, theirs.code(), theirs.err());
        assertEquals("## enisim gate: PASSED (my copy)\n", Files.readString(users.resolve("gate.md")));
        assertFalse(Files.exists(users.resolve("junit.xml")), "nothing new made in a user's folder");
    }

    /**
     * Finding 6: a rules file dropped "no function Failed", which the README says is on unless --allow-failed: a
     * change whose functions end Failed passed.
     */
    @Test
    void aRulesFileKeepsNoFunctionFailedUnlessAllowFailed() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), "gate:\n  - \"new ENIs <= 100\"\n");
        Result r = gate("--template", DIR + "/ten-groups.yaml", "--rules", rules.toString(), "--out",
                dir.resolve("g1").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("no function Failed: 4 Failed"), r.out());
        Result allowed = gate("--template", DIR + "/ten-groups.yaml", "--rules", rules.toString(), "--allow-failed",
                "--out", dir.resolve("g2").toString());
        assertFalse(allowed.out().contains("no function Failed"), allowed.out());
        // listed by the file: once, where the file puts it
        Path listed = Files.writeString(dir.resolve("listed.yml"), "gate:\n  - \"new ENIs <= 100\"\n  - \"No function"
                + " failed\"\n");
        Result once = gate("--template", DIR + "/ten-groups.yaml", "--rules", listed.toString(), "--out",
                dir.resolve("g3").toString());
        assertEquals(1, once.code(), once.out() + once.err());
        String md = Files.readString(dir.resolve("g3/gate.md"));
        assertEquals(1, md.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("| no function failed"))
                .count(), md);
    }

    /**
     * Finding 7: "keeps 3 of its IPs" (a % left out) was read as 3 addresses. Refused as not a rule, both documented
     * forms named.
     */
    @Test
    void keepsNOfItsIpsIsNotARule() throws Exception {
        ScenarioException x = assertThrows(ScenarioException.class, () -> Gate.rules(List.of(
                "every subnet keeps 3 of its IPs at the peak"), "rules.yml", "gate"));
        assertTrue(x.getMessage().contains("rules.yml: gate[0]: 'every subnet keeps 3 of its IPs at the peak' is not a"
                + " gate rule"), x.getMessage());
        assertTrue(x.getMessage().contains("`every subnet keeps 3% of its IPs at the peak`"), x.getMessage());
        assertTrue(x.getMessage().contains("`every subnet keeps 3 IPs at the peak`"), x.getMessage());
        ScenarioException unknown = assertThrows(ScenarioException.class, () -> Gate.rules(List.of(
                "quota headroom >= fifty"), "rules.yml", "gate"));
        assertTrue(unknown.getMessage().contains("every subnet keeps P% of its IPs at the peak; every subnet keeps N"
                + " IPs at the peak"), unknown.getMessage());
        Gate.rules(List.of("every subnet keeps 3% of its IPs at the peak", "every subnet keeps 3 IPs at the peak",
                "every subnet keeps 3 IPs free at the peak"), "rules.yml", "gate"); // the documented forms
    }

    /**
     * Finding 10: a rules file's problem hid a --traffic for an unknown function, and a bad rate hid it too: every
     * problem of the gate's input is said at once.
     */
    @Test
    void everyProblemOfTheOptionsRulesAndTrafficAtOnce() throws Exception {
        Path rules = Files.writeString(dir.resolve("bad-rules.yml"), "gate:\n  - \"quota headroom >= fifty\"\n");
        Result r = gate("--template", DIR + "/one-group.yaml", "--traffic", "nosuch=5/s", "--traffic",
                "order-worker-01=5", "--rules", rules.toString(), "--out", dir.resolve("g").toString());
        assertEquals(2, r.code(), r.err());
        for (String s : new String[] {"--traffic order-worker-01=5: expected a positive rate",
            "bad-rules.yml:2: gate[0]: 'quota headroom >= fifty' is not a gate rule",
            "--traffic nosuch=5/s: the change creates no function nosuch"}) {
            assertTrue(r.err().contains(s), s + " in " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("g")), "nothing written");
    }

    /**
     * Finding 17: deployed ten seconds before the run ends, every created function is still Pending: "no function
     * Failed" passed although whether they fail was never simulated. It fails for them, and gate.md says it.
     */
    @Test
    void aFunctionStillPendingAtTheEndIsNotAPass() throws Exception {
        Path out = dir.resolve("late");
        Result r = gate("--template", DIR + "/one-group.yaml", "--deploy-at", "59m50s", "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("no function Failed: 10 still Pending (or updating their VpcConfig) when the run"
                + " ends (order-worker-01, order-worker-02, "), r.out());
        assertTrue(r.out().contains("order-worker-10): cannot tell whether they end Failed"), r.out());
        String md = Files.readString(out.resolve("gate.md"));
        assertTrue(md.contains("- Not judged: 10 function(s) of the change still Pending when the run ended, 10s after"
                + " the deployment (order-worker-01, order-worker-02, "), md);
        Result early = gate("--template", DIR + "/one-group.yaml", "--out", dir.resolve("early").toString());
        assertEquals(0, early.code(), early.out() + early.err());
        assertFalse(Files.readString(dir.resolve("early/gate.md")).contains("Not judged"));
    }
}
