package dev.enisim.cli;

import java.util.Collection;

/**
 * Every problem of a command's input at once, each as the terminal says it on its own (a scenario's lines, or
 * "enisim: ..."): exit code 2. {@code check} of several files named only the first broken one.
 */
final class InputProblems extends RuntimeException {
    InputProblems(Collection<String> messages) {
        super(String.join("\n", messages));
    }
}
