package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's cluster command, tried: {@code spark-submit --master spark://... --deploy-mode client --class
 * dev.enisim.cli.Main target/enisim.jar sweep ... --engine spark} against a Spark standalone cluster (a master and a
 * worker, each a JVM of its own, started from Spark 4.0's jars as Maven serves them, laid out as a Spark
 * distribution's {@code jars/}). The executors are JVMs the worker starts, with Spark's jars only: enisim reaches them
 * as the application jar spark-submit ships, so a class missing from the shaded jar or a task that does not
 * serialise fails here, where {@code local[N]} (one JVM) cannot tell. The files are byte-identical to the in-process
 * engine's, and the terminal shows enisim's lines only: under spark-submit, whose launcher loads Spark's default
 * log4j profile before enisim starts, Spark's INFO lines followed enisim's progress.
 *
 * <p>Run by failsafe after {@code package} ({@code mvn verify}), which writes the provided class path it reads.
 */
class SparkClusterIT {

    /** Spark's dependencies that enisim also declares (so Maven lists them as enisim's): a distribution has them. */
    private static final List<String> ALSO_SPARKS = List.of("jackson-core-", "jackson-databind-",
            "jackson-annotations-", "commons-math3-", "snakeyaml-");

    @TempDir
    Path dir;

    private final List<Process> daemons = new ArrayList<>();

    @AfterEach
    void stopTheCluster() throws InterruptedException {
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // the worker's executors
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void aSweepSubmittedToAStandaloneClusterWritesTheInProcessBytesAndOnlyEnisimsLines() throws Exception {
        Path sparkHome = sparkHome();
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        Path masterLog = dir.resolve("master.log");
        start(sparkHome, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        awaitLine(masterLog, "I have been elected leader");
        Path workDir = dir.resolve("worker-work");
        Path workerLog = dir.resolve("worker.log");
        start(sparkHome, workerLog, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
                "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir", workDir.toString(),
                master);
        awaitLine(workerLog, "Successfully registered with master");

        Path f = EngineEquivalenceTest.scenario(dir);
        String[] sweep = {"sweep", f.toString(), "--vary", "traffic=1,2", "--metric", "enis.peak", "--replications",
            "2"};
        // in-process, from the same jar (the build sweep.json names is the jar's: a classes folder hashes otherwise)
        Path local = dir.resolve("in-process");
        List<String> plain = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        plain.addAll(List.of(EngineEquivalenceTest.concat(sweep, "--out", local.toString())));
        Process inProcess = new ProcessBuilder(plain).redirectError(dir.resolve("in-process.err").toFile()).start();
        String inProcessOut = new String(inProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, inProcess.waitFor(), Files.readString(dir.resolve("in-process.err")));

        Path onCluster = dir.resolve("cluster");
        List<String> submit = new ArrayList<>(java(sparkHome, "org.apache.spark.deploy.SparkSubmit"));
        submit.addAll(List.of("--master", master, "--deploy-mode", "client", "--class", Main.class.getName(),
                "--executor-memory", "512m", "--conf", "spark.ui.enabled=false",
                jar().toString()));
        submit.addAll(List.of(EngineEquivalenceTest.concat(sweep, "--out", onCluster.toString(), "--engine",
                "spark")));
        ProcessBuilder pb = new ProcessBuilder(submit).redirectOutput(dir.resolve("submit.out").toFile())
                .redirectError(dir.resolve("submit.err").toFile());
        environment(pb.environment(), sparkHome);
        Process p = pb.start();
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("spark-submit did not finish in 5 minutes: " + Files.readString(dir.resolve("submit.err")));
        }
        String out = Files.readString(dir.resolve("submit.out"));
        String err = Files.readString(dir.resolve("submit.err"));
        assertEquals(0, p.exitValue(), err);

        assertEquals(inProcessOut.replace(local.toString(), "DIR"), out.replace(onCluster.toString(), "DIR"),
                "the result as in-process, nothing else on stdout");
        List<String> lines = err.lines().toList();
        // the cluster's slots as its executors join (Spark's floor of 2 was said before any had; the worker's one
        // executor of 2 cores may have joined by then, or not)
        assertTrue(lines.get(0).equals("  2 points to run (spark " + master + ", no executor yet: the points start as"
                + " executors join)") || lines.get(0).equals("  2 points to run (spark " + master + ", 1 executor, 2"
                + " slots so far)"), err);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.matches("  [12] of 2 points done, 0 could not run, .*"), "only enisim's progress lines: " + err);
        }
        EngineEquivalenceTest.assertSameFiles(local, onCluster);

        // the points ran in an executor the worker started, which fetched enisim from the driver
        String executorLog;
        try (Stream<Path> s = Files.walk(workDir)) {
            List<Path> logs = s.filter(x -> x.getFileName().toString().equals("stderr")).toList();
            assertEquals(1, logs.size(), "one executor: " + logs);
            executorLog = Files.readString(logs.get(0));
        }
        assertTrue(executorLog.contains("enisim.jar"), "the executor fetched the application jar: " + executorLog);
        assertTrue(executorLog.contains("Finished task"), executorLog);
    }

    /**
     * A Spark home as a distribution lays it out: {@code jars/} (Spark's provided jars and the dependencies it shares
     * with enisim) and a RELEASE file, which tells Spark's launcher to take its class path from {@code jars/}.
     */
    private Path sparkHome() throws IOException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Path listed = Path.of(System.getProperty("enisim.sparkClasspath"));
        List<String> entries = new ArrayList<>(List.of(Files.readString(listed).strip().split(java.io.File.pathSeparator)));
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(e).getFileName().toString();
            if (ALSO_SPARKS.stream().anyMatch(name::startsWith)) {
                entries.add(e);
            }
        }
        for (String e : entries) {
            Path jar = Path.of(e);
            Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
        }
        Files.writeString(home.resolve("RELEASE"), "Spark 4.0 (Maven Central's jars, laid out for SparkClusterIT)\n");
        return home;
    }

    private void start(Path sparkHome, Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(java(sparkHome, mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(pb.environment(), sparkHome);
        daemons.add(pb.start());
    }

    /** target/enisim.jar, as {@code package} made it. */
    private static Path jar() {
        return Path.of(System.getProperty("enisim.jar"));
    }

    private static List<String> java(Path sparkHome, String mainClass) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xmx512m"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", mainClass));
        return cmd;
    }

    private static void environment(Map<String, String> env, Path sparkHome) {
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.remove("SPARK_CONF_DIR");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitLine(Path log, String line) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            for (Process d : daemons) {
                if (!d.isAlive()) {
                    fail("a cluster daemon stopped: " + Files.readString(log));
                }
            }
            Thread.sleep(200);
        }
        fail("no '" + line + "' in 2 minutes: " + Files.readString(log));
    }
}
