package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A value of a megabyte in a user's file or option, and what a command says of it: a bad-input line that names the
 * file and the field and quotes the value short ({@code 'xxxx...' (1,048,576 characters)}), not the megabyte (cut
 * only at the 4 KB safety net before).
 */
public final class LongValues {

    /** The value: a megabyte of one character. */
    public static final String BIG = "x".repeat(1 << 20);
    /** How the value is quoted. */
    public static final String QUOTED = "'" + "x".repeat(60) + "...' (1,048,576 characters)";

    private LongValues() {
    }

    /**
     * The standard error of {@code args}, asserted to be bad input (exit 2), shorter than 2 KB, quoting the value
     * short and naming each of {@code named} (the file, the field path).
     */
    public static String badInput(String[] args, String... named) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        String e = err.toString();
        String shown = e.substring(0, Math.min(600, e.length()));
        assertEquals(2, code, shown);
        assertTrue(e.length() < 2048, e.length() + " characters: " + shown);
        assertTrue(e.contains(QUOTED), shown);
        for (String n : named) {
            assertTrue(e.contains(n), n + " in: " + shown);
        }
        return e;
    }
}
