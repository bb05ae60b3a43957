package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code check} ran its scenarios one after another, whatever the cores of the CI runner: they run on a pool now
 * ({@code --threads N}, default one per core), and everything a user sees is what one thread gives, byte for byte.
 */
class CheckThreadsTest extends InScratch {

    /** The first scenario is the longest: on several threads the others finish before it. */
    private void suite(boolean withBad) throws IOException {
        Path suite = Files.createDirectories(s.work.resolve("suite"));
        Files.writeString(suite.resolve("a-long.yaml"), Scratch.SCENARIO.replace("name: scratch", "name: long")
                .replace("duration: 10m", "duration: 40m") + "expect:\n  - \"enis.peak >= 1\"\n"
                + "  - \"invocations.total > 0\"\n");
        Files.writeString(suite.resolve("b-failing.yaml"), Scratch.SCENARIO.replace("name: scratch", "name: failing")
                + "expect:\n  - \"enis.peak > 1000\"\n  - \"functions.api.finalState == Active\"\n");
        Files.writeString(suite.resolve("c-short.yaml"), Scratch.SCENARIO.replace("name: scratch", "name: short")
                .replace("duration: 10m", "duration: 2m") + "expect:\n  - \"invocations.total > 0\"\n");
        if (withBad) { // bad input only the run can tell: a list element the run does not have
            Files.writeString(suite.resolve("d-bad.yaml"), Scratch.SCENARIO.replace("name: scratch", "name: bad")
                    + "expect:\n  - \"teardowns[3].waitSeconds < 5\"\n");
        }
    }

    /** What a check leaves: exit code, terminal, and every file it wrote, by name. */
    private record Seen(int code, String out, String err, Map<String, byte[]> files) {
    }

    private Seen check(String threads, String... more) throws IOException {
        for (String f : List.of("junit.xml", "summary.md")) {
            Files.deleteIfExists(s.work.resolve(f));
        }
        List<String> args = new java.util.ArrayList<>(List.of("check", "suite", "--threads", threads, "--junit",
                "junit.xml", "--step-summary", "summary.md"));
        args.addAll(List.of(more));
        Scratch.Result r = s.run(args.toArray(String[]::new));
        Map<String, byte[]> files = new TreeMap<>();
        for (Path dir : List.of(s.work, s.work.resolve("base"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                for (Path f : list.filter(Files::isRegularFile).toList()) {
                    files.put(s.work.relativize(f).toString(), Files.readAllBytes(f));
                }
            }
        }
        return new Seen(r.code(), r.out(), r.err(), files);
    }

    private static void assertSame(Seen one, Seen many) {
        assertEquals(one.code(), many.code(), many.err());
        assertEquals(one.out(), many.out());
        assertEquals(one.err(), many.err());
        assertEquals(one.files().keySet(), many.files().keySet());
        for (String f : one.files().keySet()) {
            assertArrayEquals(one.files().get(f), many.files().get(f), f);
        }
    }

    @Test
    void oneThreadAndSeveralGiveTheSameBytesInTheScenariosOrder() throws Exception {
        suite(false);
        Seen one = check("1");
        assertExit(1, new Scratch.Result(one.code(), one.out(), one.err()));
        Seen three = check("3");
        assertSame(one, three);
        List<String> heads = three.out().lines().filter(l -> !l.startsWith(" ") && l.contains(" (")).toList();
        assertEquals(List.of("long (suite/a-long.yaml)", "short (suite/c-short.yaml)", "failing (suite/b-failing.yaml)")
                .stream().map(h -> h.replace("suite/", s.work.resolve("suite") + "/")).sorted().toList(),
                heads.stream().sorted().toList());
        assertTrue(heads.get(0).startsWith("long ") && heads.get(1).startsWith("failing ")
                && heads.get(2).startsWith("short "), "the scenarios' order, not the order they finish in: " + heads);
        assertTrue(one.files().containsKey("junit.xml") && one.files().containsKey("summary.md"), one.files().keySet()
                .toString());

        // replications, and the baselines written and compared
        assertSame(check("1", "--replications", "2", "--baseline", "base", "--update-baseline"),
                check("4", "--replications", "2", "--baseline", "base", "--update-baseline"));
        Seen compared = check("2", "--replications", "2", "--baseline", "base");
        assertSame(check("1", "--replications", "2", "--baseline", "base"), compared);
        assertTrue(compared.out().contains("PASS  baseline"), compared.out());
    }

    @Test
    void badInputFoundByTheRunsIsSaidAllAtOnceTheSameWay() throws Exception {
        suite(true);
        Files.writeString(s.work.resolve("suite/b-failing.yaml"), Scratch.SCENARIO.replace("name: scratch",
                "name: failing") + "expect:\n  - \"teardowns[5].waitSeconds < 5\"\n");
        Seen one = check("1");
        assertEquals(2, one.code(), one.err());
        assertTrue(one.err().contains("b-failing.yaml:14: expect[0]: unknown metric 'teardowns[5].waitSeconds'")
                && one.err().contains("d-bad.yaml:14: expect[0]: unknown metric 'teardowns[3].waitSeconds'"), one.err());
        assertFalse(one.err().contains("Exception"), one.err());
        assertSame(one, check("3"));
    }

    @Test
    void theThreadsOptionIsCheckedWithTheOtherOptions() throws Exception {
        suite(false);
        Scratch.Result r = s.run("check", "suite", "--threads", "0", "--replications", "0");
        assertExit(2, r);
        assertTrue(r.err().contains("enisim: --threads must be at least 1, got 0"), r.err());
        assertTrue(r.err().contains("enisim: --replications must be at least 1, got 0"), "said at once: " + r.err());
        assertEquals("", r.out());
        Scratch.Result words = s.run("check", "suite", "--threads", "many");
        assertExit(2, words);
        assertTrue(words.err().contains("--threads"), words.err());
        assertFalse(words.err().contains("Exception"), words.err());
    }

    /** Older scripts' {@code check --parallel} (replications on all cores) still runs: every check does so now. */
    @Test
    void parallelIsStillTaken() throws Exception {
        suite(false);
        Seen parallel = check("2", "--parallel");
        assertSame(check("2"), parallel);
    }
}
