package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A scratch working folder for command-line tests: a scenario, a user's files that must survive (sentinels), and
 * the command line run in it, in-process ({@link #run}) or as a real process started there ({@link #exec}).
 */
final class Scratch {

    /** A small, fast scenario (ten minutes, a few thousand invocations). */
    static final String SCENARIO = CliTest.GOOD.replace("name: cli-test", "name: scratch");

    final Path root;
    final Path work;

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** {@code root/sentinel.txt}, {@code root/work/} with the scenario, a user's notes and a scenarios folder. */
    Scratch(Path root) throws IOException {
        this.root = root;
        this.work = Files.createDirectories(root.resolve("work"));
        Files.writeString(root.resolve("sentinel.txt"), "the user's file above the working folder");
        Files.writeString(work.resolve("scenario.yaml"), SCENARIO);
        Files.writeString(work.resolve("notes.txt"), "the user's notes");
        Files.createDirectories(work.resolve("scenarios"));
        Files.writeString(work.resolve("scenarios/mine.yaml"), SCENARIO);
        Files.createDirectories(work.resolve("data"));
        Files.writeString(work.resolve("data/keep.csv"), "a,b\n1,2\n");
    }

    /** Every file and folder under the root with its content (folders: "/"), to compare before and after. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (p.equals(root.resolve("stderr.log"))) {
                    continue; // the test's own capture of a process's error stream
                }
                m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p,
                        StandardCharsets.ISO_8859_1));
            }
        }
        return m;
    }

    /** The snapshot without what an output folder may hold ({@code under}, relative to the root). */
    Map<String, String> snapshotOutside(String... under) throws IOException {
        Map<String, String> m = snapshot();
        m.keySet().removeIf(k -> {
            for (String u : under) {
                if (k.equals(u) || k.startsWith(u + "/")) {
                    return true;
                }
            }
            return false;
        });
        return m;
    }

    /** The command line, in-process, as if started in the working folder. */
    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(work, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The command line as a real process whose working folder is {@code work} (for paths such as '..'). */
    Result exec(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("enisim " + String.join(" ", args) + " did not end in 120 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                Files.readString(root.resolve("stderr.log")));
    }

    Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(work.toFile())
                .redirectError(root.resolve("stderr.log").toFile()).start();
    }

    static void assertExit(int expected, Result r) {
        assertEquals(expected, r.code(), r.all());
    }
}
