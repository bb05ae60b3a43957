package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void disabledProgressPrintsNothing() {
        StringWriter err = new StringWriter();
        ProgressBar p = new ProgressBar(new PrintWriter(err), false);
        for (int i = 0; i < 1000; i++) {
            p.update(i, 1000, i);
        }
        p.done();
        assertEquals("", err.toString());
    }

    @Test
    void aShortRunShowsNoProgressEvenOnATerminal() {
        StringWriter err = new StringWriter();
        ProgressBar p = new ProgressBar(new PrintWriter(err), true);
        p.update(500, 1000, 10);
        p.done();
        assertEquals("", err.toString(), "nothing before the first second");
    }

    @Test
    void aLongRunShowsSimulatedTimeAndEventsPerSecond() throws Exception {
        StringWriter err = new StringWriter();
        ProgressBar p = new ProgressBar(new PrintWriter(err), true);
        Thread.sleep(1100);
        p.update(3_600_000_000L, 7_200_000_000L, 123_456);
        assertTrue(err.toString().contains("simulated 01:00:00 of 02:00:00 ( 50%)"), err.toString());
        assertTrue(err.toString().contains("123,456 events"), err.toString());
    }
}
