package dev.enisim.experiment;

/** An experiment that cannot start or go on for a reason the user can fix (one line, no trace: exit 2). */
public class ExperimentException extends RuntimeException {

    public ExperimentException(String message) {
        super(message);
    }
}
