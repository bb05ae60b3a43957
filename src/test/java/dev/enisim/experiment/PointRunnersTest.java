package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class PointRunnersTest {

    @Test
    void withoutSparkOnTheClassPathTheSparkEngineSaysHowToGetIt() {
        ClassLoader noSpark = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        assertTrue(!PointRunners.sparkAvailable(noSpark));
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> PointRunners.create("spark", 1, null, 0, noSpark));
        assertEquals(PointRunners.NO_SPARK, e.getMessage());
        assertTrue(e.getMessage().contains("spark-submit --class dev.enisim.cli.Main"), e.getMessage());
        // the README's embedded way (Spark's jars copied by Maven) is said too: the message named only
        // $SPARK_HOME/jars, a distribution the README's embedded user never unpacks
        assertTrue(e.getMessage().contains("java -cp \"target/enisim.jar:target/spark-jars/*\""), e.getMessage());
        assertTrue(e.getMessage().contains("-DoutputDirectory=target/spark-jars"), e.getMessage());
        // a data scientist's review: the embedded command without the --add-opens flags fails on Java 17
        assertTrue(e.getMessage().contains("--add-opens flags Spark needs on Java 17 (java $OPENS -cp"), e.getMessage());
        assertTrue(PointRunners.sparkAvailable(), "the tests have Spark on their class path");
    }

    @Test
    void sparkThatDoesNotStartIsOneLineNamingItsRootCause() {
        // an experimenter's review: Spark jars of another version made "internal error: ... IllegalStateException:
        // cannot start Spark" with a stack trace and exit 1; it is the environment (exit 2, one line)
        Throwable thrown = new java.lang.reflect.InvocationTargetException(new IllegalStateException("wrapper",
                new NoSuchMethodError("'boolean PlatformDependent.isExplicitNoPreferDirect()'")));
        assertEquals("cannot start Spark: NoSuchMethodError: 'boolean PlatformDependent.isExplicitNoPreferDirect()'"
                + " (the Spark jars on the class path must be Spark 4.0 for Scala 2.13, with the netty and servlet"
                + " jars of that Spark: README, Experiments on Apache Spark)", PointRunners.sparkFailed(thrown));
        // Java 17's closed internals are not the jars' matter either: the flags are (a data scientist's review)
        assertEquals("cannot start Spark: IllegalAccessError: class org.apache.spark.storage.StorageUtils$ cannot"
                + " access class sun.nio.ch.DirectBuffer" + PointRunners.OPENS_HINT, PointRunners.sparkFailed(
                        new java.lang.reflect.InvocationTargetException(new IllegalAccessError("class"
                                + " org.apache.spark.storage.StorageUtils$ cannot access class"
                                + " sun.nio.ch.DirectBuffer"))));
        assertTrue(PointRunners.OPENS_HINT.contains("--add-opens"));
        // Spark's own refusal is not the jars' matter: the hint about them sent a user with a bad master the wrong way
        assertEquals("cannot start Spark: SparkException: Could not parse Master URL: 'foo' (Spark's log above says"
                + " more)", PointRunners.sparkFailed(new java.lang.reflect.InvocationTargetException(
                        new org.apache.spark.SparkException("Could not parse Master URL: 'foo'"))));
    }

    @Test
    void theDefaultEngineIsThisJvmAndAnUnknownOneIsNamed() {
        assertInstanceOf(InProcessRunner.class, PointRunners.create("in-process", 2, null, 0));
        assertEquals("in-process, 2 threads", PointRunners.create("in-process", 2, null, 0).describe());
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> PointRunners.create("ray", 1, null, 0));
        assertTrue(e.getMessage().contains("expected in-process or spark"), e.getMessage());
    }

    @Test
    void theInProcessEngineRunsNothingWhenThereIsNothingAndCountsItsThreads() {
        new InProcessRunner(2).run(new PointSpec("{}", "none", java.util.List.of("m"), 1), java.util.List.of(),
                line -> { throw new AssertionError(line); });
        assertEquals("in-process, 1 thread", new InProcessRunner(0).describe());
        assertEquals("in-process, 1 thread", new InProcessRunner(1).describe());
    }

    /** A task's RuntimeException comes back as it is, anything else wrapped; an interrupt is kept. */
    @Test
    void waitingRethrowsATasksFailureAndKeepsAnInterrupt() {
        IllegalArgumentException own = new IllegalArgumentException("bad point");
        assertEquals(own, assertThrows(IllegalArgumentException.class, () -> Tasks.await(() -> {
            throw new java.util.concurrent.ExecutionException(own);
        })));
        java.io.IOException io = new java.io.IOException("disk");
        assertEquals(io, assertThrows(IllegalStateException.class, () -> Tasks.await(() -> {
            throw new java.util.concurrent.ExecutionException(io);
        })).getCause());
        IllegalStateException stop = assertThrows(IllegalStateException.class, () -> Tasks.await(() -> {
            throw new InterruptedException();
        }));
        assertEquals("interrupted", stop.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        assertEquals("done", Tasks.await(() -> "done"));
    }

    /**
     * A task's Error comes back as it is, not wrapped: {@code run --replications 2 --parallel} out of heap (-Xmx64m,
     * diurnal-week at 1 s buckets) said "internal error: java.lang.IllegalStateException:
     * java.lang.OutOfMemoryError" with a stack trace, exit 1, where the command line says the heap in one line.
     */
    @Test
    void waitingRethrowsATasksErrorAsItIs() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertEquals(oom, assertThrows(OutOfMemoryError.class, () -> Tasks.await(() -> {
            throw new java.util.concurrent.ExecutionException(oom);
        })));
        StackOverflowError deep = new StackOverflowError();
        assertEquals(deep, assertThrows(StackOverflowError.class, () -> Tasks.await(() -> {
            throw new java.util.concurrent.ExecutionException(deep);
        })));
    }
}
