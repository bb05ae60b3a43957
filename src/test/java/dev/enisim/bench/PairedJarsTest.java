package dev.enisim.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code .ci/pair}: two builds in one JVM, each in a loader of its own, alternated run by run. */
class PairedJarsTest {

    @TempDir
    Path dir;

    /** This test's own class path: a build of enisim (target/classes and its dependencies). */
    private static String ownClassPath() {
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!p.isEmpty() && Files.exists(Path.of(p))) {
                parts.add(p);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    @Test
    void runsBothBuildsAlternatelyAndPrintsEachRoundAndTheMedian() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, BenchTest.TINY_LOSS);
        String cp = ownClassPath();
        StringWriter text = new StringWriter();
        PairedJars.Options options = PairedJars.Options.parse(cp, cp, scenario.toString(), "--rounds", "3",
                "--set", "duration=2000s");
        double[] ratios = new PairedJars(options, new PrintWriter(text, true)).run();

        String out = text.toString();
        assertEquals(3, ratios.length);
        for (double r : ratios) {
            assertTrue(r > 0 && Double.isFinite(r), out);
        }
        assertTrue(out.contains("round 1 (base, new, new, base):"), out);
        assertTrue(out.contains("round 2 (base, new, new, base reversed):"), out);
        assertTrue(out.contains("round 3 (base, new, new, base):"), out);
        assertTrue(out.contains("whole run: new / base median"), out);
        assertTrue(out.contains("steady: new / base median"), out);
        assertTrue(out.contains("of 3 rounds"), out);
        assertTrue(out.contains("warm-up: auto, both builds"), out);
        // the tool's temporary folder is gone, and it wrote nothing beside the scenario
        try (var files = Files.list(dir)) {
            assertEquals(List.of(scenario), files.toList());
        }
    }

    @Test
    void eachBuildHasItsOwnClassesAndRunsTheBenchOfThatBuild() throws Exception {
        List<Path> cp = new ArrayList<>();
        for (String p : ownClassPath().split(File.pathSeparator)) {
            cp.add(Path.of(p));
        }
        try (PairedJars.Build a = new PairedJars.Build("a", cp); PairedJars.Build b = new PairedJars.Build("b", cp)) {
            Class<?> mainA = a.execute.getDeclaringClass();
            Class<?> mainB = b.execute.getDeclaringClass();
            assertEquals("dev.enisim.cli.Main", mainA.getName());
            assertNotSame(mainA, mainB, "one class per build");
            assertNotSame(dev.enisim.cli.Main.class, mainA, "not this tool's own");
            assertTrue(mainA.getClassLoader() == a.loader);

            StringWriter log = new StringWriter();
            assertEquals(2, a.run(log, "bench", "no-such-workload"), "the build's own exit code comes back");
            assertTrue(log.toString().contains("no-such-workload"), log.toString());
            assertEquals(Thread.currentThread().getContextClassLoader(),
                    PairedJarsTest.class.getClassLoader(), "the context loader is put back");
        }
    }

    @Test
    void measureReadsTheRatesTheBuildWrote() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, BenchTest.TINY_LOSS);
        String cp = ownClassPath();
        PairedJars.Options options = PairedJars.Options.parse(cp, cp, scenario.toString(), "--set",
                "duration=2000s");
        PairedJars tool = new PairedJars(options, new PrintWriter(new StringWriter()));
        List<Path> paths = new ArrayList<>();
        for (String p : cp.split(File.pathSeparator)) {
            paths.add(Path.of(p));
        }
        try (PairedJars.Build a = new PairedJars.Build("a", paths)) {
            PairedJars.Rate rate = tool.measure(a, dir);
            assertTrue(rate.whole() > 0, "events per CPU second: " + rate);
            assertTrue(rate.steady() > 0, "steady: " + rate);
            assertFalse(Files.exists(dir.resolve("a.json")), "its JSON is deleted once read");
        }
    }

    @Test
    void eachBuildIsLoadedTwiceAndRunsInTheOrderBaseNewNewBaseThenReversed() throws Exception {
        String cp = ownClassPath();
        List<String> calls = new ArrayList<>();
        PairedJars.Options options = PairedJars.Options.parse(cp, cp, "tiny.yaml", "--rounds", "2");
        StringWriter text = new StringWriter();
        PairedJars tool = new PairedJars(options, new PrintWriter(text, true)) {
            @Override
            Rate measure(Build build, Path folder) {
                calls.add(build.name);
                // whole: base 4 and 1 (mean 2), new 9 and 4 (mean 6); steady: base 1 and 1, new 4 and 1 (mean 2)
                return switch (build.name) {
                    case "base-1" -> new Rate(4, 1);
                    case "new-1" -> new Rate(9, 4);
                    case "new-2" -> new Rate(4, 1);
                    case "base-2" -> new Rate(1, 1);
                    default -> throw new AssertionError(build.name);
                };
            }
        };
        double[] ratios = tool.run();
        assertEquals(List.of("base-1", "new-1", "new-2", "base-2", "base-2", "new-2", "new-1", "base-1"), calls);
        assertEquals(3.0, ratios[0], 1e-12, "geometric means: 6 over 2");
        assertEquals(3.0, ratios[1], 1e-12, "the same figures, run in reverse");
        String out = text.toString();
        assertTrue(out.contains("round 1 (base, new, new, base): base 0.00 M (0.00 M), new 0.00 M (0.00 M): 3.000 (2.000)"),
                out);
        assertTrue(out.contains("steady: new / base median 2.000 (2.000-2.000), new ahead in 2 of 2 rounds"), out);
    }

    @Test
    void bothBuildsWarmUpAlikeAutoWhereBothHaveTheOptionElseOneTenth() {
        assertEquals("auto", PairedJars.warmupOfBoth(null, true, true), "auto by default");
        assertEquals("tenth", PairedJars.warmupOfBoth("tenth", true, true));
        assertEquals("auto", PairedJars.warmupOfBoth("auto", true, true));
        assertEquals("tenth", PairedJars.warmupOfBoth(null, false, true), "a build before pass 15: its one tenth");
        assertEquals("tenth", PairedJars.warmupOfBoth(null, true, false));
        assertEquals("tenth", PairedJars.warmupOfBoth("tenth", false, false));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedJars.warmupOfBoth("auto", false, true))
                .getMessage().contains("the base build has no --warmup"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedJars.warmupOfBoth("auto", true, false))
                .getMessage().contains("the new build has no --warmup"));
    }

    @Test
    void aBuildWithTheOptionIsToldTheWarmUpAndOneWithoutIsNot() throws Exception {
        String cp = ownClassPath();
        List<Path> paths = new ArrayList<>();
        for (String p : cp.split(File.pathSeparator)) {
            paths.add(Path.of(p));
        }
        PairedJars tool = new PairedJars(PairedJars.Options.parse(cp, cp, "loss", "--set", "a=1"),
                new PrintWriter(new StringWriter()));
        tool.warmup = "tenth";
        try (PairedJars.Build b = new PairedJars.Build("b", paths)) {
            assertTrue(b.knowsWarmup(), "this build's bench has --warmup");
            Path json = dir.resolve("b.json");
            assertEquals(List.of("bench", "loss", "--no-fork", "--no-references", "--repeat", "1", "--json",
                    json.toString(), "--set", "a=1"), tool.arguments(b, json), "not yet asked: told nothing");
            b.knowsWarmup = true;
            assertEquals(List.of("bench", "loss", "--no-fork", "--no-references", "--repeat", "1", "--json",
                    json.toString(), "--warmup", "tenth", "--set", "a=1"), tool.arguments(b, json));
        }
    }

    @Test
    void aRatesGeometricMean() {
        PairedJars.Rate m = PairedJars.Rate.geometricMean(new PairedJars.Rate(2, 9), new PairedJars.Rate(8, 1));
        assertEquals(4.0, m.whole(), 1e-12);
        assertEquals(3.0, m.steady(), 1e-12);
    }

    @Test
    void summaryGivesTheMedianRangeAndRoundsAhead() {
        assertEquals("x: new / base median 1.100 (0.900-1.300), new ahead in 2 of 3 rounds",
                PairedJars.summary("x", new double[] {1.3, 0.9, 1.1}));
        // an even count: the mean of the middle two; exactly 1 is not ahead
        assertEquals("y: new / base median 1.050 (1.000-1.200), new ahead in 2 of 4 rounds",
                PairedJars.summary("y", new double[] {1.0, 1.2, 1.1, 1.0}));
    }

    @Test
    void badArgumentsAreNamed() {
        String cp = ownClassPath();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedJars.Options.parse(cp, cp))
                .getMessage().contains("expected BASE NEW WORKLOAD, got 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairedJars.Options.parse(cp, cp, "loss", "--rounds", "x")).getMessage()
                .contains("--rounds needs a whole number, not 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairedJars.Options.parse(cp, cp, "loss", "--rounds", "0")).getMessage()
                .contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairedJars.Options.parse(cp, cp, "loss", "--set")).getMessage().contains("--set needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairedJars.Options.parse(cp, cp, "loss", "--fast")).getMessage().contains("unknown option --fast"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairedJars.Options.parse(dir.resolve("none.jar").toString(), cp, "loss")).getMessage()
                .contains("no such jar or folder"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairedJars.Options.parse(cp, cp, "loss", "--warmup", "long")).getMessage()
                .contains("--warmup needs auto or tenth, not 'long'"));
        assertEquals("tenth", PairedJars.Options.parse(cp, cp, "loss", "--warmup", "tenth").warmup());
        assertEquals("auto", PairedJars.Options.parse(cp, cp, "loss", "--warmup", "auto").warmup());
        PairedJars.Options o = PairedJars.Options.parse(cp, cp, "loss", "--set", "a=1", "--set", "b=2");
        assertEquals(null, o.warmup(), "chosen by the builds");
        assertEquals(6, o.rounds(), "six rounds by default");
        assertEquals(List.of("a=1", "b=2"), o.sets());
        assertEquals("loss", o.workload());
    }
}
