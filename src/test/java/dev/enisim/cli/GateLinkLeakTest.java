package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A security review committed {@code pr/plan.json -> ../home/.git-credentials} and ran {@code gate --plan
 * pr/plan.json --step-summary ss.md}: 60 characters of the credentials, a token in them, were quoted on the terminal,
 * in gate.md and in the step summary. The link is refused unread; the same file given as the plan itself is quoted
 * as a trace's bad cell is (8 characters, else 4 and the length).
 */
class GateLinkLeakTest {

    @TempDir
    Path dir;

    private static final String ACCOUNT = "src/test/resources/gate/account.yaml";
    private static final String CREDS = "https://octocat:ghp_16C7e42F292c6912E771@github.com\n";

    @Test
    void aPlanLinkedOutsideItsFolderIsRefusedAndAWrongPlanBarelyQuoted() throws Exception {
        Path creds = Files.writeString(Files.createDirectories(dir.resolve("home")).resolve(".git-credentials"), CREDS);
        Path pr = Files.createDirectories(dir.resolve("pr"));
        Path plan = Files.createSymbolicLink(pr.resolve("plan.json"), Path.of("../home/.git-credentials"));
        Path summary = dir.resolve("ss.md");
        CliTest.Result r = CliTest.run("gate", "--account", ACCOUNT, "--plan", plan.toString(), "--out",
                dir.resolve("g").toString(), "--step-summary", summary.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(plan + ": is a link leading outside its folder"), r.err());
        assertLeftOut(r, summary);

        CliTest.Result plain = CliTest.run("gate", "--account", ACCOUNT, "--plan", creds.toString(), "--out",
                dir.resolve("g2").toString(), "--step-summary", summary.toString());
        assertEquals(2, plain.code(), plain.out() + plain.err());
        assertTrue(plain.err().contains("not JSON: it starts with 'http...' (51 characters)"), plain.err());
        assertLeftOut(plain, summary);
    }

    /** Nothing of the credentials on the terminal, in the step summary or in any file gate wrote. */
    private void assertLeftOut(CliTest.Result r, Path summary) throws Exception {
        assertFalse((r.out() + r.err()).contains("octo"), r.out() + r.err());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !p.getFileName().toString().equals(".git-credentials")).toList()) {
                assertFalse(Files.readString(f).contains("octo"), f + ": " + Files.readString(f));
            }
        }
        assertTrue(Files.exists(summary), "the step summary is written, without them");
    }
}
