package dev.enisim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that run the command line in a fresh {@link Scratch} working folder each. */
abstract class InScratch {

    @TempDir
    Path tmp;
    Scratch s;

    @BeforeEach
    void scratch() throws IOException {
        s = new Scratch(tmp);
    }
}
