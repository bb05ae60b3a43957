package dev.enisim.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fresh JVM running a main class of this one's class path, with this JVM's options: what JMH calls a fork. A
 * benchmark measured in a JVM that already ran another one inherits its JIT profiles (a call site compiled for the
 * first workload's classes and branches is slower for the next: {@code loss-100} ran at 5.4 M events/s after
 * {@code loss} in one JVM and 7.7 M alone); a user runs one scenario per JVM, so the bench measures each workload
 * in a JVM of its own.
 *
 * <p>The child's standard output is discarded (it reports through a file the caller names); its standard error is
 * passed line by line to a consumer (progress and error messages). Options that would make two JVMs fight over
 * one resource are not passed on: a flight recording's file ({@code -XX:StartFlightRecording}), agents
 * ({@code -agentlib}, {@code -agentpath}, {@code -javaagent}: a debugger's port, a coverage agent's file).
 */
public final class ForkedJvm {

    private ForkedJvm() {
    }

    /** This JVM's options worth passing to a fork: all but recordings and agents (see the class comment). */
    public static List<String> inheritedOptions(List<String> options) {
        List<String> kept = new ArrayList<>();
        for (String o : options) {
            if (o.startsWith("-XX:StartFlightRecording") || o.startsWith("-XX:FlightRecorderOptions")
                    || o.startsWith("-agentlib:") || o.startsWith("-agentpath:") || o.startsWith("-javaagent:")) {
                continue;
            }
            kept.add(o);
        }
        return kept;
    }

    /**
     * The command line of a fork: this JVM's {@code java}, its inherited options, its class path with every entry
     * made absolute (the fork may start in another folder), the main class and its arguments.
     */
    public static List<String> command(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(inheritedOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        cmd.add("-cp");
        cmd.add(absoluteClassPath(System.getProperty("java.class.path")));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Each entry of a class path made absolute against this process's working folder. */
    static String absoluteClassPath(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Runs {@code mainClass} with {@code args} in a fork started in {@code workingDir}, passing each line of its
     * standard error to {@code errLines}, and returns its exit code once it ends.
     */
    public static int run(Path workingDir, String mainClass, List<String> args, Consumer<String> errLines)
            throws IOException {
        Process p = new ProcessBuilder(command(mainClass, args))
                .directory(workingDir.toAbsolutePath().toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                errLines.accept(line);
            }
        } catch (UncheckedIOException e) {
            p.destroyForcibly();
            throw e.getCause();
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the forked JVM", e);
        }
    }
}
