package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.InvalidPathException;
import org.junit.jupiter.api.Test;

/** A path the JVM cannot use is told in words, with the locale named when it is the cause. */
class PathRefusedTest {

    @Test
    void aNonAsciiNameUnderACLocaleNamesTheCure() {
        InvalidPathException e = new InvalidPathException("sc-??.yaml", "Malformed input or input contains unmappable"
                + " characters");
        assertEquals("'sc-ü.yaml' cannot be a file name here: this JVM encodes file names as ANSI_X3.4-1968 (the"
                + " locale, LANG/LC_ALL), which cannot write its non-ASCII letters; run with a UTF-8 locale, e.g."
                + " LANG=C.UTF-8 java -jar enisim.jar ...", Main.pathRefused("sc-ü.yaml", e, "ANSI_X3.4-1968"));
        assertEquals("'a\0b' cannot be a file name: Nul character not allowed", Main.pathRefused("a\0b",
                new InvalidPathException("a\0b", "Nul character not allowed"), "UTF-8"));
    }
}
