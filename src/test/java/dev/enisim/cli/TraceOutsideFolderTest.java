package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.scenario.OneSubnetYaml;
import dev.enisim.scenario.ReadScope;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario may make enisim read only files in or below its own folder, symbolic links followed, unless the
 * command line allows another folder ({@code --allow-read DIR}). An adversarial review: a pull request's scenario,
 * checked in CI, named {@code trace: {file: /etc/shadow}} (or a {@code ~/.aws/credentials}) and enisim read it,
 * quoting its lines into errors, the JUnit file and the step summary. The old code read every one of these files.
 */
class TraceOutsideFolderTest {

    /** A line of the file outside: never to be shown. */
    private static final String SECRET = "aws_secret_access_key = wJalrXUtnFEMI";

    @TempDir
    Path dir;

    private Path scenarios;
    private Path elsewhere;

    @BeforeEach
    void files() throws Exception {
        scenarios = Files.createDirectories(dir.resolve("repo/scenarios"));
        elsewhere = Files.createDirectories(dir.resolve("home/.aws"));
        Files.writeString(elsewhere.resolve("credentials"), "[default]\n" + SECRET + "\n");
        Files.writeString(elsewhere.resolve("day.csv"), "seconds,count\n0,5\n60,7\n");
        Files.createDirectories(scenarios.resolve("traces"));
        Files.writeString(scenarios.resolve("traces/day.csv"), "seconds,count\n0,5\n60,7\n");
    }

    @AfterEach
    void only() {
        ReadScope.reset(); // as the next command line does
    }

    private Path scenario(String trace) throws Exception {
        return Files.writeString(scenarios.resolve("s.yaml"), OneSubnetYaml.traced("name: s\nduration: 2m\n"
                + "expect:\n  - invocations.total > 0", trace));
    }

    private static void refused(Result r, String trace, String leadsTo, Path folder) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("functions[0].arrivals.trace.file: the trace " + trace + leadsTo
                + " outside the scenario's folder ("), r.err());
        assertTrue(r.err().contains("a scenario may name only a file in or below its own folder; if you trust this"
                + " scenario, allow the folder with --allow-read " + folder), r.err());
        assertFalse(r.err().contains("wJalr"), "the file outside is not read: " + r.err());
    }

    @Test
    void aFileOutsideTheScenariosFolderIsRefusedUnread() throws Exception {
        Path creds = elsewhere.resolve("credentials");
        refused(CliTest.run("validate", scenario(creds.toString()).toString()), creds.toString(), " is", elsewhere);
        refused(CliTest.run("validate", scenario("../../home/.aws/credentials").toString()),
                "../../home/.aws/credentials", " is", elsewhere);
        // whether a file outside exists is not told either
        refused(CliTest.run("validate", scenario("../nothere.csv").toString()), "../nothere.csv", " is",
                dir.resolve("repo"));
    }

    @Test
    void aLinkInTheFolderIsFollowed() throws Exception {
        Files.createSymbolicLink(scenarios.resolve("traces/creds.csv"), elsewhere.resolve("credentials"));
        refused(CliTest.run("validate", scenario("traces/creds.csv").toString()), "traces/creds.csv",
                " leads to " + elsewhere.resolve("credentials").toRealPath() + " (a symbolic link),",
                elsewhere.toRealPath());
        // and a folder on the way that is a link
        Files.createSymbolicLink(scenarios.resolve("home"), elsewhere);
        Result viaFolder = CliTest.run("validate", scenario("home/day.csv").toString());
        assertEquals(2, viaFolder.code(), viaFolder.err());
        assertTrue(viaFolder.err().contains("leads to " + elsewhere.resolve("day.csv").toRealPath()), viaFolder.err());
    }

    @Test
    void aFileInOrBelowItsFolderIsRead() throws Exception {
        Result r = CliTest.run("validate", scenario("traces/day.csv").toString());
        assertEquals(0, r.code(), r.err());
        Files.writeString(scenarios.resolve("here.csv"), "seconds,count\n0,5\n60,7\n");
        assertEquals(0, CliTest.run("validate", scenario(scenarios.resolve("here.csv").toString()).toString())
                .code());
    }

    @Test
    void aFolderTheUserAllowsIsRead() throws Exception {
        String s = scenario(elsewhere.resolve("day.csv").toString()).toString();
        for (String command : new String[] {"validate", "run", "explain", "check", "compare", "sweep"}) {
            String[] args = switch (command) {
                case "run" -> new String[] {"run", s, "--quiet", "--out", dir.resolve("out").toString(),
                    "--allow-read", elsewhere.toString()};
                case "compare" -> new String[] {"compare", s, "--replications", "2", "--allow-read",
                    elsewhere.toString()};
                case "sweep" -> new String[] {"sweep", s, "--vary", "functions[0].memoryMb=128,256", "-q", "--out",
                    dir.resolve("sweep").toString(), "--allow-read", elsewhere.toString()};
                default -> new String[] {command, s, "--allow-read", elsewhere.toString()};
            };
            Result allowed = CliTest.run(args);
            assertEquals(0, allowed.code(), command + ": " + allowed.err());
            // the next command line allows nothing it does not say
            refused(CliTest.run(command.equals("compare") || command.equals("sweep") ? "validate" : command, s),
                    elsewhere.resolve("day.csv").toString(), " is", elsewhere);
        }
    }

    @Test
    void anAllowedFolderMustBeOne() throws Exception {
        String s = scenario("traces/day.csv").toString();
        Result missing = CliTest.run("validate", s, "--allow-read", dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("--allow-read " + dir.resolve("nope") + ": no such folder"),
                missing.err());
        Result file = CliTest.run("run", s, "--allow-read", elsewhere.resolve("day.csv").toString());
        assertEquals(2, file.code());
        assertTrue(file.err().startsWith("--allow-read " + elsewhere.resolve("day.csv") + ": not a folder (give"
                + " the folder the files are in)"), file.err());
    }
}
