package dev.enisim.experiment;

/**
 * An engine that stopped before every point was back (Spark stopped, a Spark job failed): the experiment says, after
 * its message, what the progress file keeps ({@link Experiment#run}).
 */
public final class EngineStopped extends ExperimentException {

    public EngineStopped(String message) {
        super(message);
    }
}
