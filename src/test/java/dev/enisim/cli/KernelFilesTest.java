package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.scenario.InputText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of the kernel's own file systems ({@code /proc}, {@code /sys}) is refused unread, as an input and as an
 * output to replace: it passes for a regular file, and {@code /proc/kmsg}, read as root, waits for the kernel's next
 * message for ever, taking what it reads from the kernel's log (a hostile user's review: {@code validate
 * /proc/kmsg}, a scenario's {@code trace: {file: /proc/kmsg}}, {@code import --subnets /proc/kmsg} and {@code check
 * --junit /proc/kmsg} hung). The tests name {@code /proc/self/status}, which answers at once: the old code read it,
 * and said it was malformed YAML, a bad trace, not the CLI's output or not enisim's file.
 */
class KernelFilesTest {

    private static final Path STATUS = Path.of("/proc/self/status");

    @TempDir
    Path dir;

    @BeforeEach
    void linux() {
        assumeTrue(Files.isRegularFile(STATUS), "a Linux /proc");
    }

    private Path scenario(String arrivals) throws Exception {
        return Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 2m\nexpect:\n  - invocations.total > 0", "name: f\nduration: 100ms\n"
                + "arrivals: " + arrivals));
    }

    private static void refused(Result r, String what) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("is one of the kernel's own files (/proc, /sys"), what + ": " + r.err());
    }

    @Test
    void kmsgIsKnownWithoutReadingIt() {
        assumeTrue(Files.exists(Path.of("/proc/kmsg")), "a /proc/kmsg");
        assertTrue(InputText.kernelFile(Path.of("/proc/kmsg")));
        assertFalse(InputText.kernelFile(dir), "a folder of files");
        assertFalse(InputText.kernelFile(dir.resolve("missing")));
    }

    @Test
    void aScenarioATraceAnImportAndABaselineThereAreRefusedUnread() throws Exception {
        refused(CliTest.run("validate", STATUS.toString()), "a scenario");
        // a trace outside the scenario's folder is refused as that (TraceOutsideFolderTest); allowed, as a kernel file
        Result trace = CliTest.run("validate", scenario("{ trace: { file: " + STATUS + " } }").toString(),
                "--allow-read", "/proc");
        refused(trace, "a trace");
        assertTrue(trace.err().contains("arrivals.trace.file"), trace.err());
        refused(CliTest.run("import", "--subnets", STATUS.toString(), "--functions", STATUS.toString(), "-o",
                dir.resolve("account.yaml").toString()), "AWS CLI output");
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.createSymbolicLink(base.resolve("small.summary.json"), STATUS);
        Result check = CliTest.run("check", scenario("{ poisson: 1/s }").toString(), "--baseline", base.toString());
        assertEquals(2, check.code(), check.err());
        assertTrue(check.err().contains("baseline " + base.resolve("small.summary.json") + " is one of the kernel's"
                + " own files"), check.err());
    }

    @Test
    void anOutputThereIsRefusedUnread() throws Exception {
        refused(CliTest.run("check", scenario("{ poisson: 1/s }").toString(), "--junit", STATUS.toString()),
                "--junit");
        refused(CliTest.run("explain", scenario("{ poisson: 1/s }").toString(), "--trace", STATUS.toString()),
                "--trace");
    }

    /** gate --rules /proc/kmsg said "not a scenario file": the message names the role the file was given as. */
    @Test
    void gateRulesThereAreCalledARulesFile() throws Exception {
        Result r = CliTest.run("gate", "--account", scenario("{ poisson: 1/s }").toString(), "--template",
                dir.resolve("missing.yaml").toString(), "--rules", STATUS.toString());
        refused(r, "--rules");
        assertTrue(r.err().contains(STATUS + ": is one of the kernel's own files (/proc, /sys: not a file"
                + " anyone saved), not a rules file"), r.err());
        assertFalse(r.err().contains("scenario file"), r.err());
    }
}
