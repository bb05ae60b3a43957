package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's forks: a real child JVM, its exit code, its standard error, its folder and the options it gets. */
class ForkedJvmTest {

    @TempDir
    Path dir;

    /** The fork's main class: says where it runs and what it got, writes noise to stdout, exits with args[0]. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println("noise on stdout");
            System.err.println("args " + String.join(" ", args));
            System.err.println("dir " + Path.of("").toAbsolutePath());
            System.exit(Integer.parseInt(args[0]));
        }
    }

    @Test
    void runsTheMainClassInItsFolderAndReturnsItsExitCodeAndItsStandardError() throws Exception {
        List<String> lines = new ArrayList<>();
        int code = ForkedJvm.run(dir, Child.class.getName(), List.of("3", "two words"), lines::add);
        assertEquals(3, code);
        assertEquals(List.of("args 3 two words", "dir " + dir.toAbsolutePath()), lines, "stdout is not passed on");

        lines.clear();
        assertEquals(0, ForkedJvm.run(dir, Child.class.getName(), List.of("0"), lines::add));
        assertEquals("args 0", lines.get(0));
    }

    @Test
    void recordingsAndAgentsAreNotPassedOnTheRestIs() {
        List<String> kept = ForkedJvm.inheritedOptions(List.of("-Xmx2g",
                "-XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:FlightRecorderOptions=stackdepth=128", "-agentlib:jdwp=transport=dt_socket,server=y",
                "-agentpath:/opt/async/libasyncProfiler.so", "-javaagent:/tmp/jacoco.jar=destfile=x.exec",
                "-Djava.awt.headless=true", "-XX:+DebugNonSafepoints"));
        assertEquals(List.of("-Xmx2g", "-XX:+UnlockDiagnosticVMOptions", "-Djava.awt.headless=true",
                "-XX:+DebugNonSafepoints"), kept);
    }

    @Test
    void theClassPathIsMadeAbsoluteSoTheForkMayStartElsewhere() {
        String cp = String.join(File.pathSeparator, "target/enisim.jar", "", dir.toString());
        assertEquals(String.join(File.pathSeparator, Path.of("target/enisim.jar").toAbsolutePath().toString(),
                dir.toString()), ForkedJvm.absoluteClassPath(cp));
    }

    @Test
    void theCommandIsThisJavaWithThisJvmsOptionsAndClassPath() {
        List<String> cmd = ForkedJvm.command("some.Main", List.of("a", "b"));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cmd.get(0));
        assertEquals(List.of("some.Main", "a", "b"), cmd.subList(cmd.size() - 3, cmd.size()));
        int cp = cmd.indexOf("-cp");
        assertTrue(cp > 0, cmd.toString());
        assertEquals(ForkedJvm.absoluteClassPath(System.getProperty("java.class.path")), cmd.get(cp + 1));
    }
}
