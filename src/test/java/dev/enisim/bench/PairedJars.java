package dev.enisim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of enisim measured against each other in one JVM, run by run: {@code .ci/pair BASE NEW WORKLOAD
 * [--rounds N] [--set PATH=VALUE]...}.
 *
 * <p>On a shared machine the same jar's rate moves by 10 to 35% between two runs minutes apart, more than most
 * single changes gain, and two JVMs started one after the other meet different neighbours. Here each build is
 * loaded by class loaders of its own (its own classes, its own statics, its own JIT profiles), and they run the
 * workload alternately in the same process: a slow minute slows both. A build loaded later can run a few per cent
 * faster or slower throughout (the JIT's choices differ from loader to loader), so each build is loaded twice, in
 * the order base, new, new, base, and a round runs the four in that order or its reverse (alternately); a build's
 * rate in a round is the geometric mean of its two runs. Each run is {@code enisim bench WORKLOAD --no-fork --no-references --repeat 1} of that build (a warm-up, then one
 * timed run) and gives its events per CPU second, whole and steady; a round's ratio is new over base. Both builds
 * warm up alike ({@link #warmupOfBoth}): tenths until the JIT is quiet where both builds have {@code --warmup} (pass
 * 15 on), else one tenth each. Printed:
 * every round, then the median ratio with its range and how many rounds the new build was ahead.
 *
 * <p>A build is a jar ({@code target/enisim.jar} is shaded: everything it needs) or a class path. The two builds'
 * classes never meet: each loader's parent is the platform loader, not this tool's.
 */
public class PairedJars {

    /** One build: its loader and its {@code Main.execute(PrintWriter, PrintWriter, String...)}. */
    static final class Build implements AutoCloseable {
        final String name;
        final URLClassLoader loader;
        final Method execute;
        /** Whether its bench has {@code --warmup} ({@link #knowsWarmup()}, asked once). */
        boolean knowsWarmup;

        Build(String name, List<Path> classPath) throws ReflectiveOperationException, IOException {
            this.name = name;
            URL[] urls = new URL[classPath.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = classPath.get(i).toUri().toURL();
            }
            this.loader = new URLClassLoader("enisim-" + name, urls, ClassLoader.getPlatformClassLoader());
            Class<?> main = Class.forName("dev.enisim.cli.Main", true, loader);
            this.execute = main.getMethod("execute", PrintWriter.class, PrintWriter.class, String[].class);
        }

        /** Runs {@code enisim args...} of this build and returns its exit code; its output goes to {@code log}. */
        int run(StringWriter log, String... args) throws ReflectiveOperationException {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try (PrintWriter w = new PrintWriter(log, true)) {
                return (Integer) execute.invoke(null, w, w, args);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(name + ": " + e.getCause(), e.getCause());
            } finally {
                thread.setContextClassLoader(before);
            }
        }

        /** Whether this build's bench has {@code --warmup} (pass 15 on): its help says so. */
        boolean knowsWarmup() throws ReflectiveOperationException {
            StringWriter help = new StringWriter();
            run(help, "bench", "--help");
            return help.toString().contains("--warmup");
        }

        @Override
        public void close() throws IOException {
            loader.close();
        }
    }

    /** One run's figures: events per CPU second, whole and steady (NaN where the build does not give it). */
    record Rate(double whole, double steady) {

        /** The geometric mean of two runs' figures (each build runs twice a round, loaded twice). */
        static Rate geometricMean(Rate a, Rate b) {
            return new Rate(Math.sqrt(a.whole() * b.whole()), Math.sqrt(a.steady() * b.steady()));
        }
    }

    /**
     * The command line: two builds, a workload, rounds, {@code --set}s and the warm-up ({@code --warmup auto|tenth};
     * null: auto where both builds have the option, else the one tenth both have).
     */
    record Options(List<Path> base, List<Path> candidate, String workload, int rounds, List<String> sets,
            String warmup) {

        static Options parse(String... args) {
            List<String> positional = new ArrayList<>();
            List<String> sets = new ArrayList<>();
            int rounds = 6;
            String warmup = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--rounds") || a.equals("--set") || a.equals("--warmup")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String v = args[++i];
                    if (a.equals("--set")) {
                        sets.add(v);
                    } else if (a.equals("--warmup")) {
                        if (!v.equals("auto") && !v.equals("tenth")) {
                            throw new IllegalArgumentException("--warmup needs auto or tenth, not '" + v + "'");
                        }
                        warmup = v;
                    } else {
                        try {
                            rounds = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--rounds needs a whole number, not '" + v + "'");
                        }
                        if (rounds < 1) {
                            throw new IllegalArgumentException("--rounds needs at least 1, not " + rounds);
                        }
                    }
                } else if (a.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + a);
                } else {
                    positional.add(a);
                }
            }
            if (positional.size() != 3) {
                throw new IllegalArgumentException("expected BASE NEW WORKLOAD, got " + positional.size()
                        + " argument(s)");
            }
            return new Options(classPath(positional.get(0)), classPath(positional.get(1)), positional.get(2),
                    rounds, List.copyOf(sets), warmup);
        }

        private static List<Path> classPath(String text) {
            List<Path> paths = new ArrayList<>();
            for (String part : text.split(java.io.File.pathSeparator)) {
                if (part.isEmpty()) {
                    continue;
                }
                Path p = Path.of(part);
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("no such jar or folder: " + p);
                }
                paths.add(p);
            }
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("a build needs a jar or a class path");
            }
            return paths;
        }
    }

    private final Options options;
    private final PrintWriter out;
    private final ObjectMapper mapper = new ObjectMapper();
    /** The warm-up every run makes: auto or tenth (builds before pass 15 make their one tenth untold). */
    String warmup;

    PairedJars(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pair: " + e.getMessage());
            System.err.println("usage: .ci/pair BASE NEW WORKLOAD [--rounds N] [--set PATH=VALUE]... [--warmup auto|tenth]");
            System.exit(2);
            return;
        }
        new PairedJars(options, out).run();
    }

    /** Runs the rounds and prints them and the summary; returns the rounds' ratios (new over base, whole). */
    double[] run() throws Exception {
        Path folder = Files.createTempDirectory("enisim-pair-");
        // ABBA: each build loaded twice, base, new, new, base, so that the order of loading (the JIT's choices differ
        // from loader to loader, by a few per cent) weighs on both builds alike
        try (Build base1 = new Build("base-1", options.base());
                Build new1 = new Build("new-1", options.candidate());
                Build new2 = new Build("new-2", options.candidate());
                Build base2 = new Build("base-2", options.base())) {
            for (Build b : new Build[] {base1, new1, new2, base2}) {
                b.knowsWarmup = b.knowsWarmup();
            }
            warmup = warmupOfBoth(options.warmup(), base1.knowsWarmup, new1.knowsWarmup);
            out.printf(Locale.ROOT, "%s, %d rounds, events per CPU second (whole run; steady); warm-up: %s, both "
                    + "builds%n", options.workload(), options.rounds(), warmup);
            double[] ratios = new double[options.rounds()];
            double[] steadyRatios = new double[options.rounds()];
            for (int r = 0; r < options.rounds(); r++) {
                // run in the order of loading, then the reverse: a trend within a round weighs on both alike too
                boolean forward = r % 2 == 0;
                Rate[] rates = new Rate[4];
                Build[] order = forward ? new Build[] {base1, new1, new2, base2}
                        : new Build[] {base2, new2, new1, base1};
                for (int i = 0; i < 4; i++) {
                    rates[forward ? i : 3 - i] = measure(order[i], folder);
                }
                Rate b = Rate.geometricMean(rates[0], rates[3]);
                Rate n = Rate.geometricMean(rates[1], rates[2]);
                ratios[r] = n.whole() / b.whole();
                steadyRatios[r] = n.steady() / b.steady();
                out.printf(Locale.ROOT, "round %d (%s): base %.2f M (%.2f M), new %.2f M (%.2f M): %.3f (%.3f)%n",
                        r + 1, forward ? "base, new, new, base" : "base, new, new, base reversed", b.whole() / 1e6,
                        b.steady() / 1e6, n.whole() / 1e6, n.steady() / 1e6, ratios[r], steadyRatios[r]);
            }
            out.println(summary("whole run", ratios));
            out.println(summary("steady", steadyRatios));
            return ratios;
        } finally {
            deleteOwn(folder);
        }
    }

    /** One run of the workload by {@code build}: its figures, read back from the JSON it wrote. */
    Rate measure(Build build, Path folder) throws Exception {
        Path json = folder.resolve(build.name + ".json");
        StringWriter log = new StringWriter();
        int code = build.run(log, arguments(build, json).toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException(build.name + " exited " + code + ":\n" + log);
        }
        JsonNode w = mapper.readTree(json.toFile()).get("workloads").get(0);
        double whole = w.get("eventsPerCpuSecond").asDouble();
        JsonNode steady = w.get("steadyEventsPerCpuSecond");
        Files.delete(json);
        return new Rate(whole, steady == null ? Double.NaN : steady.asDouble());
    }

    /** The bench command a run of {@code build} is: one timed run after the warm-up both builds make. */
    List<String> arguments(Build build, Path json) {
        List<String> args = new ArrayList<>(List.of("bench", options.workload(), "--no-fork", "--no-references",
                "--repeat", "1", "--json", json.toString()));
        if (build.knowsWarmup) {
            args.add("--warmup");
            args.add(warmup);
        }
        for (String s : options.sets()) {
            args.add("--set");
            args.add(s);
        }
        return args;
    }

    /**
     * The warm-up both builds run, so that they warm up alike: {@code asked} (auto by default) where both have
     * {@code --warmup}; else a tenth, a build before pass 15's only warm-up (the other build is given {@code
     * --warmup tenth}). Asking for auto of a build without it is an error.
     */
    static String warmupOfBoth(String asked, boolean baseKnows, boolean newKnows) {
        if (baseKnows && newKnows) {
            return asked == null ? "auto" : asked;
        }
        if (asked != null && !asked.equals("tenth")) {
            throw new IllegalArgumentException("--warmup " + asked + ": the " + (baseKnows ? "new" : "base")
                    + " build has no --warmup (before pass 15: one tenth)");
        }
        return "tenth";
    }

    /** "label: median r (min-max), new ahead in k of n rounds". */
    static String summary(String label, double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        int ahead = 0;
        for (double r : ratios) {
            if (r > 1) {
                ahead++;
            }
        }
        return String.format(Locale.ROOT, "%s: new / base median %.3f (%.3f-%.3f), new ahead in %d of %d rounds",
                label, median, sorted[0], sorted[n - 1], ahead, n);
    }

    /** Deletes the folder this tool created and the JSON files it wrote there, nothing else. */
    private static void deleteOwn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".json")) {
                    Files.delete(p);
                }
            }
        }
        Files.delete(folder);
    }
}
