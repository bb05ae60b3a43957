package dev.enisim.model;

/** Spans of simulated time in words, for the actions and states the model tells (no dependency of its own). */
final class Spans {

    private Spans() {
    }

    /** A span as people say it in the narrative: whole days, hours or minutes when it is one, else to a tenth. */
    static String of(long micros) {
        long s = micros / 1_000_000;
        if (s >= 86_400) {
            return s % 86_400 == 0 ? s / 86_400 + (s == 86_400 ? " day" : " days")
                    : String.format(java.util.Locale.ROOT, "%.1f days", s / 86_400.0);
        }
        if (s >= 3_600) {
            return s % 3_600 == 0 ? s / 3_600 + " h" : String.format(java.util.Locale.ROOT, "%.1f h", s / 3_600.0);
        }
        return s >= 60 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
