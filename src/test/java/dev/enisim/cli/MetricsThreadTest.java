package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code run --metrics-thread}: on from two cores by default, on or off when asked; the same files either way. */
class MetricsThreadTest extends InScratch {

    @Test
    void autoIsOnFromTwoCores() {
        assertFalse(MetricsThread.on(MetricsThread.When.auto, 1));
        assertTrue(MetricsThread.on(MetricsThread.When.auto, 2));
        assertTrue(MetricsThread.on(MetricsThread.When.on, 1));
        assertFalse(MetricsThread.on(MetricsThread.When.off, 64));
    }

    @Test
    void onAndOffWriteTheSameFiles() throws IOException {
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "on", "--metrics-thread", "on"));
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "off", "--metrics-thread", "off"));
        for (String f : new String[] {"summary.json", "timeseries.csv", "enis.csv", "narrative.txt"}) {
            assertEquals(Files.readString(s.work.resolve("off").resolve(f)),
                    Files.readString(s.work.resolve("on").resolve(f)), f);
        }
    }

    @Test
    void anUnknownValueIsBadInput() throws IOException {
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--metrics-thread", "sometimes");
        assertExit(2, r);
        assertTrue(r.err().contains("--metrics-thread"), r.err());
        assertFalse(r.all().contains("\tat "), r.all());
    }
}
