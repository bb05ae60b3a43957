package dev.enisim.experiment;

/** The engines by name: {@code in-process} (default) and {@code spark}. */
public final class PointRunners {

    /** What a user without Spark is told. */
    public static final String NO_SPARK = "--engine spark needs Apache Spark 4.0 on the class path, which"
            + " target/enisim.jar does not bundle: run it with spark-submit (spark-submit --class dev.enisim.cli.Main"
            + " target/enisim.jar ...), or embedded with Spark's jars beside it: java -cp"
            + " \"target/enisim.jar:target/spark-jars/*\" dev.enisim.cli.Main ..., the jars copied once by mvn"
            + " dependency:copy-dependencies -DincludeScope=provided -DoutputDirectory=target/spark-jars (or a Spark"
            + " 4.0 distribution's $SPARK_HOME/jars/*), with the --add-opens flags Spark needs on Java 17 (java"
            + " $OPENS -cp ...: README, Experiments on Apache Spark, lists them)";

    /** What a Spark stopped by Java 17's closed internals is told (the flags are not a jar problem). */
    static final String OPENS_HINT = " (Java 17 keeps the JDK's internals Spark uses closed: run java with the"
            + " --add-opens flags, java $OPENS -cp ...: README, Experiments on Apache Spark, lists them)";

    private PointRunners() {
    }

    /** Is Spark on the class path? */
    public static boolean sparkAvailable() {
        return sparkAvailable(PointRunners.class.getClassLoader());
    }

    static boolean sparkAvailable(ClassLoader loader) {
        try {
            Class.forName("org.apache.spark.SparkConf", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The engine {@code name}: in-process on {@code threads} threads, or Spark ({@code master} null: spark-submit's
     * or local[*]; {@code batch} points per Spark task, 0 for automatic).
     */
    public static PointRunner create(String name, int threads, String master, int batch) {
        return create(name, threads, master, batch, PointRunners.class.getClassLoader());
    }

    /**
     * As above, the in-process engine starting a point only when its {@code need} (the heap one run of its scenario
     * is estimated to take) fits beside those running in {@code heapBytes} ({@link HeapPool}).
     */
    public static PointRunner create(String name, int threads, String master, int batch,
            java.util.function.ToDoubleFunction<dev.enisim.scenario.Scenario> need, double heapBytes) {
        return name.equals("in-process") ? new InProcessRunner(threads, need, heapBytes)
                : create(name, threads, master, batch);
    }

    /** Why Spark did not start, in one line: the innermost cause, and what to check. */
    static String sparkFailed(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String said = "cannot start Spark: " + root.getClass().getSimpleName() + (root.getMessage() == null ? ""
                : ": " + root.getMessage().strip().lines().findFirst().orElse(""));
        if (root instanceof IllegalAccessError || root instanceof java.lang.reflect.InaccessibleObjectException) {
            // "StorageUtils$ cannot access class sun.nio.ch.DirectBuffer": the module flags, not the jars
            return said + OPENS_HINT;
        }
        if (!(root instanceof LinkageError || root instanceof ClassNotFoundException)) {
            // Spark's own refusal (a master it cannot use, a port it cannot bind, YARN without HADOOP_CONF_DIR):
            // the jars were not the matter, and the hint about them sent the user the wrong way
            return said + " (Spark's log above says more)";
        }
        return said + " (the Spark jars on the class path must be Spark 4.0 for Scala 2.13,"
                + " with the netty and servlet jars of that Spark: README, Experiments on Apache Spark)";
    }

    /** As above, looking for Spark in {@code loader} (a test passes one without Spark). */
    static PointRunner create(String name, int threads, String master, int batch, ClassLoader loader) {
        switch (name) {
            case "in-process":
                return new InProcessRunner(threads);
            case "spark":
                if (!sparkAvailable(loader)) {
                    throw new ExperimentException(NO_SPARK);
                }
                try {
                    return (PointRunner) Class.forName("dev.enisim.experiment.SparkRunner")
                            .getDeclaredConstructor(String.class, int.class).newInstance(master, batch);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    if (e.getCause() instanceof ExperimentException said) {
                        throw said; // enisim's own word on the engine (a master it cannot reach)
                    }
                    throw new ExperimentException(sparkFailed(e));
                } catch (ReflectiveOperationException | LinkageError e) {
                    // Spark is there but does not start: most often jars of another Spark (or netty) than the one
                    // enisim is built against, which fail with a NoSuchMethodError; an environment error (exit 2)
                    throw new ExperimentException(sparkFailed(e));
                }
            default:
                throw new ExperimentException("--engine: expected in-process or spark, got '" + name + "'");
        }
    }
}
