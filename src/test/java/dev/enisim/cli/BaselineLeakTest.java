package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A security review linked a baseline to {@code ~/.git-credentials}: its first 40 characters, a token in them, were
 * quoted in the errors, the JUnit file and the step summary. A link leading outside the --baseline folder is refused,
 * and a file that is not JSON is quoted as a trace's bad cell is (8 characters, else 4 and the length).
 */
class BaselineLeakTest {

    @TempDir
    Path dir;

    private static final String CREDS = "https://octocat:ghp_16C7e42F292c6912E771@github.com\n";

    @Test
    void aLinkOutsideTheFolderIsRefusedAndAWrongFileBarelyQuoted() throws Exception {
        Path scenario = Files.copy(Path.of("scenarios/quickstart.yaml"), dir.resolve("small.yaml"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path creds = Files.writeString(home.resolve(".git-credentials"), CREDS);
        Path bl = Files.createDirectories(dir.resolve("bl"));
        Files.createSymbolicLink(bl.resolve("quickstart.summary.json"), creds);
        Path junit = dir.resolve("j.xml");
        Path summary = dir.resolve("s.md");
        CliTest.Result r = CliTest.run("check", scenario.toString(), "--baseline", bl.toString(), "--junit",
                junit.toString(), "--step-summary", summary.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is a link leading outside its folder"), r.err());
        for (String text : new String[] {r.out() + r.err(), read(junit), read(summary)}) {
            assertFalse(text.contains("octocat"), text);
        }
        Files.delete(bl.resolve("quickstart.summary.json"));
        Files.writeString(bl.resolve("quickstart.summary.json"), CREDS);
        CliTest.Result plain = CliTest.run("check", scenario.toString(), "--baseline", bl.toString(), "--junit",
                junit.toString(), "--step-summary", summary.toString());
        assertEquals(2, plain.code(), plain.err());
        assertTrue(plain.err().contains("not JSON, it starts with 'http...' (51 characters)"), plain.err());
        for (String text : new String[] {plain.out() + plain.err(), read(junit), read(summary)}) {
            assertFalse(text.contains("octocat"), text);
        }
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
