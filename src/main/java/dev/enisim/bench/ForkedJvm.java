package dev.enisim.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Interrupted (SIGINT, SIGTERM), this JVM's shutdown hook stops every fork still running (SIGTERM, then SIGKILL
 * after {@link #GRACE_MILLIS}: the fork's own hook removes what it was writing) and then removes every folder made by
 * {@link #temporaryFolder} and not yet removed, without following a link out of it; once it ran, no fork is started
 * and no folder is made. Until the sixtieth pass a SIGTERM to {@code enisim bench} left its fork measuring on and
 * its {@code enisim-bench-PID-...} folder behind.
 */
public final class ForkedJvm {

    /** How long an interrupted fork is given to end on SIGTERM before it is killed. */
    static final long GRACE_MILLIS = 2_000;

    private static final Object LOCK = new Object();
    /** Forks running now, and temporary folders not yet removed (both guarded by {@link #LOCK}). */
    private static final Set<Process> RUNNING = new LinkedHashSet<>();
    private static final Set<Path> FOLDERS = new LinkedHashSet<>();
    private static boolean hooked;
    private static boolean closing;

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
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, args))
                .directory(workingDir.toAbsolutePath().toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p;
        synchronized (LOCK) {
            openAndHooked();
            p = builder.start();
            RUNNING.add(p);
        }
        try {
            return waitFor(p, errLines);
        } finally {
            synchronized (LOCK) {
                RUNNING.remove(p);
            }
        }
    }

    private static int waitFor(Process p, Consumer<String> errLines) throws IOException {
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

    /**
     * A new folder in the temporary folder ({@code java.io.tmpdir}) named {@code prefix...}, removed by
     * {@link #removeFolder} or, if this JVM is interrupted first, by its shutdown hook.
     */
    public static Path temporaryFolder(String prefix) throws IOException {
        synchronized (LOCK) {
            openAndHooked();
            Path folder = Files.createTempDirectory(prefix);
            FOLDERS.add(folder);
            return folder;
        }
    }

    /** Removes a folder made by {@link #temporaryFolder} and what is in it (links as links, never followed). */
    public static void removeFolder(Path folder) throws IOException {
        try {
            deleteTree(folder);
        } finally {
            synchronized (LOCK) {
                FOLDERS.remove(folder);
            }
        }
    }

    /** Refuses to start a fork or make a folder once the shutdown hook ran; installs the hook the first time. */
    private static void openAndHooked() throws IOException {
        if (closing) {
            throw new IOException("enisim is shutting down (SIGINT or SIGTERM): no JVM is forked");
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ForkedJvm::stopAll, "enisim-fork-cleanup"));
            hooked = true;
        }
    }

    /**
     * The shutdown hook: stops the forks still running (SIGTERM, and SIGKILL for one still running after
     * {@link #GRACE_MILLIS}), then removes the temporary folders left.
     */
    private static void stopAll() {
        List<Process> forks;
        List<Path> folders;
        synchronized (LOCK) {
            closing = true;
            forks = new ArrayList<>(RUNNING);
            folders = new ArrayList<>(FOLDERS);
        }
        for (Process p : forks) {
            p.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (Process p : forks) {
            try {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly().waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (Path f : folders) {
            try {
                removeFolder(f);
            } catch (IOException e) {
                // best effort: the JVM is ending
            }
        }
    }

    /** Deletes {@code root} and everything under it; a link is deleted as a link, never followed. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed meanwhile (the hook and the bench's own clean-up)
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
