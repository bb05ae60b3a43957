package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate's account scenario may take a function's arrivals from a trace; one outside the scenario's folder is refused
 * unless the folder is allowed (--allow-read, as for run and check). gate read account scenarios without offering the
 * option the refusal names.
 */
class GateAllowReadTest {

    @TempDir
    Path dir;

    @Test
    void aTraceOutsideTheAccountsFolderIsRefusedThenAllowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("traces"));
        Files.writeString(outside.resolve("api.csv"), "timestamp\n1\n2\n3\n");
        Path acct = Files.createDirectories(dir.resolve("account"));
        String yaml = Files.readString(Path.of("src/test/resources/gate/account.yaml"))
                .replace("arrivals: { poisson: 20/s }", "arrivals: { trace: { file: ../traces/api.csv } }");
        assertTrue(yaml.contains("../traces/api.csv"), "the fixture's arrivals were replaced");
        Files.writeString(acct.resolve("account.yaml"), yaml);
        CliTest.Result refused = CliTest.run("gate", "--account", acct.resolve("account.yaml").toString(),
                "--template", "src/test/resources/gate/one-group.yaml", "--out", dir.resolve("g1").toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("outside the scenario's folder") && refused.err().contains("--allow-read"),
                refused.err());
        assertTrue(!Files.exists(dir.resolve("g1")), "nothing written");
        CliTest.Result allowed = CliTest.run("gate", "--account", acct.resolve("account.yaml").toString(),
                "--template", "src/test/resources/gate/one-group.yaml", "--allow-read", outside.toString(), "--out",
                dir.resolve("g2").toString());
        assertTrue(allowed.code() == 0 || allowed.code() == 1, "a verdict, not bad input: " + allowed.err());
        assertTrue(Files.exists(dir.resolve("g2").resolve("gate.md")), allowed.err());
    }
}
