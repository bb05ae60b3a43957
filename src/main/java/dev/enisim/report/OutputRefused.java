package dev.enisim.report;

/**
 * enisim will not write where it was asked to: the path names something enisim did not write (a user's file or
 * folder), the root, the working folder, a link. The user's to fix: exit code 2 with the message alone.
 */
public final class OutputRefused extends RuntimeException {
    public OutputRefused(String message) {
        super(message);
    }
}
