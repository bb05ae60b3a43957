package dev.enisim.scenario;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A run's instant in wall-clock words, from the scenario's {@code startsAt}: {@code Sun 23:10:00} (UTC), with the date
 * in a run longer than a week ({@code Mon 2 Mar 14:00:05}). The narrative, the page, the terminal and {@code plan}
 * say instants alike: plan said "at 70 min" where the run said "Sun 23:10:00".
 */
public final class WallClock {

    /** A week: runs longer than this give the date with the weekday. */
    public static final long WEEK_MICROS = 7 * 86_400_000_000L;

    private WallClock() {
    }

    /** Whether a run of {@code s} gives the date with the weekday (it is longer than a week). */
    public static boolean dated(Scenario s) {
        return s.durationMicros() > WEEK_MICROS;
    }

    /** {@code micros} after {@code start}, as {@code Sun 23:10:00} ({@code dated}: {@code Sun 6 Dec 23:10:00}). */
    public static String at(Instant start, long micros, boolean dated) {
        ZonedDateTime t = start.plusMillis(micros / 1000).atZone(ZoneOffset.UTC);
        return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
                + (dated ? t.getDayOfMonth() + " " + t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
                : "")
                + String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    }
}
