package dev.enisim.cli;

import dev.enisim.run.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Progress of a long run: simulated time reached (days, not hundreds of hours), the share done, events and
 * events/s, wall-clock time elapsed and an estimate of the time left. On a terminal, once the run has taken more than
 * a second: refreshed at most five times a second, on one line that always fits the terminal's width (the longest
 * form that fits, down to a short one), so it never wraps and piles up lines. Where the output is not a terminal (a
 * CI log, a file), one plain line every 30 seconds of wall-clock time, the first after 30 seconds, so a short run
 * prints nothing and a long one is never silent (a reviewer's 264 s run said nothing until its summary); and, after a
 * run that showed progress, a line before the report is written (a large account's report takes a while). Wall-clock
 * time is used here only, for display: it never reaches a result.
 */
final class ProgressBar implements Progress {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REFRESH_NANOS = 200_000_000L;
    /** Where the output is not a terminal: a line this often, the first after as long. */
    static final long LOG_EVERY_NANOS = 30_000_000_000L;

    /** How progress is shown: not at all ({@code --quiet}), redrawn on a terminal's line, or as lines of a log. */
    enum Mode { OFF, TERMINAL, LOG }

    private final PrintWriter err;
    private final Mode mode;
    private final int columns;
    private final java.util.function.LongSupplier clock;
    private final long started;
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled) {
        this(err, enabled, enabled ? terminalColumns() : 80);
    }

    ProgressBar(PrintWriter err, boolean enabled, int columns) {
        this(err, enabled ? Mode.TERMINAL : Mode.OFF, columns, System::nanoTime);
    }

    ProgressBar(PrintWriter err, Mode mode, int columns, java.util.function.LongSupplier clock) {
        this.err = err;
        this.mode = mode;
        this.columns = Math.max(20, columns);
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /** How progress is shown. */
    Mode mode() {
        return mode;
    }

    /**
     * A run's progress: none with {@code --quiet}, else redrawn on the terminal when standard error (where it goes) is
     * one, else as log lines.
     */
    static ProgressBar forRun(PrintWriter err, boolean quiet) {
        return forRun(err, quiet, stderrIsTerminal());
    }

    /** As above, {@code terminal}: whether standard error is a terminal. */
    static ProgressBar forRun(PrintWriter err, boolean quiet, boolean terminal) {
        Mode mode = quiet ? Mode.OFF : terminal ? Mode.TERMINAL : Mode.LOG;
        return new ProgressBar(err, mode, mode == Mode.TERMINAL ? terminalColumns() : 80, System::nanoTime);
    }

    /**
     * Whether standard error is a terminal. Progress goes there, and it was chosen by {@code System.console()}, which
     * is null when standard input or output is redirected: {@code 2> run.log} with standard output on a terminal put
     * 49 carriage-return redraws in the log, and {@code > out.txt} on a terminal showed no progress at all (a review's
     * r26). On Linux, what {@code /proc/self/fd/2} links to; elsewhere, {@code System.console()} as before.
     */
    static boolean stderrIsTerminal() {
        try {
            java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
            if (java.nio.file.Files.isSymbolicLink(fd)) {
                return isTerminal(java.nio.file.Files.readSymbolicLink(fd).toString());
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc: the fallback below
        }
        return System.console() != null;
    }

    /** Whether a file descriptor's link ({@code /dev/pts/3}, {@code /dev/tty1}) is a terminal's. */
    static boolean isTerminal(String link) {
        return link.matches("/dev/pts/[0-9]+") || link.matches("/dev/tty[0-9]*") || link.equals("/dev/console");
    }

    /**
     * The terminal's width: {@code COLUMNS} when the shell exports it (most shells do not), else what
     * {@code stty size} says of the controlling terminal, else the classic 80.
     */
    static int terminalColumns() {
        try {
            String c = System.getenv("COLUMNS");
            if (c != null) {
                return Integer.parseInt(c.trim());
            }
        } catch (NumberFormatException e) {
            return 80;
        }
        return sttyColumns();
    }

    private static int sttyColumns() {
        java.io.File tty = new java.io.File("/dev/tty");
        if (System.console() == null && !stderrIsTerminal() || !tty.exists()) {
            return 80;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 80;
            }
            return columnsOf(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return 80;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 80;
        }
    }

    /** The columns in {@code stty size}'s answer ({@code "24 60"}); 80 when it says nothing usable. */
    static int columnsOf(String sttySize) {
        String[] rowsColumns = sttySize.trim().split("\\s+");
        try {
            int c = rowsColumns.length == 2 ? Integer.parseInt(rowsColumns[1]) : 0;
            return c > 0 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public void update(long simulatedMicros, long totalMicros, long events) {
        show((elapsed, width) -> line(simulatedMicros, totalMicros, events, elapsed, width));
    }

    /**
     * The progress of replications ({@code run --replications N}, which was silent for 52 s with {@code --parallel}):
     * how many are done of {@code n}, where each one running has got to ({@code simulatedMicros} of {@code
     * totalMicros}: a {@link dev.enisim.experiment.Replications.Watch}), in the same styles as one run's. Called from
     * the replications' threads one at a time.
     */
    synchronized void replications(int done, int n, long[] simulatedMicros, long totalMicros, long events) {
        show((elapsed, width) -> replicationsLine(done, n, simulatedMicros, totalMicros, events, elapsed, width));
    }

    /** A line of progress: {@code line} given the seconds elapsed and the width to fill. */
    private interface Line {
        String of(double elapsedSeconds, int width);
    }

    private void show(Line line) {
        if (mode == Mode.OFF) {
            return;
        }
        long now = clock.getAsLong();
        if (mode == Mode.LOG) {
            if (now - started >= LOG_EVERY_NANOS && (!drawn || now - lastDrawn >= LOG_EVERY_NANOS)) {
                lastDrawn = now;
                drawn = true;
                err.println("enisim: " + line.of((now - started) / 1e9, 200).strip());
                err.flush();
            }
            return;
        }
        if (now - started < SHOW_AFTER_NANOS || now - lastDrawn < REFRESH_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        err.print("\r" + line.of((now - started) / 1e9, columns - 1));
        err.flush();
    }

    /**
     * The longest form that fits in {@code width} of the replications' progress line: the replications done of
     * {@code n}, the share of simulated time each running one has reached, and the share of all (done ones whole).
     */
    static String replicationsLine(int done, int n, long[] simulatedMicros, long totalMicros, long events,
            double elapsedSeconds, int width) {
        double sum = 0;
        List<String> running = new java.util.ArrayList<>();
        for (long s : simulatedMicros) {
            double share = totalMicros <= 0 ? 1 : Math.min(1, (double) s / totalMicros);
            sum += share;
            if (s > 0 && s < totalMicros) {
                running.add((int) (100 * share) + "%");
            }
        }
        double all = n <= 0 ? 1 : sum / n;
        String pct = String.format(Locale.ROOT, "%3d%%", (int) (100 * all));
        String eta = all <= 0 ? "ETA ?" : "ETA " + wall(elapsedSeconds * (1 - all) / all);
        String reps = String.format(Locale.ROOT, "replications %d of %d done", done, n);
        String now = running.isEmpty() ? "" : ", running at " + String.join(", ", running) + " of "
                + clock(totalMicros);
        String[] forms = {
            String.format(Locale.ROOT, "  %s%s (%s)  %,d events  %,.0f events/s  elapsed %s  %s", reps, now, pct,
                    events, events / Math.max(1e-9, elapsedSeconds), wall(elapsedSeconds), eta),
            String.format(Locale.ROOT, "  %s%s (%s)  elapsed %s  %s", reps, now, pct, wall(elapsedSeconds), eta),
            String.format(Locale.ROOT, "  %s%s (%s)  %s", reps, running.isEmpty() ? "" : ", running at "
                    + String.join(", ", running), pct, eta),
            String.format(Locale.ROOT, "  %s (%s)  elapsed %s  %s", reps, pct, wall(elapsedSeconds), eta),
            String.format(Locale.ROOT, " %s %d of %d replications  %s", pct, done, n, eta),
            String.format(Locale.ROOT, " %s %s", pct, eta),
        };
        for (String f : forms) {
            if (f.length() <= width) {
                return f + " ".repeat(width - f.length());
            }
        }
        return forms[forms.length - 1].substring(0, Math.max(0, width));
    }

    /**
     * Says the report is being written, where progress was shown (a run long enough for it has a report that takes a
     * while too): on the terminal's progress line, which {@link #done()} then clears, or as a log line.
     */
    void writing(String where) {
        if (!drawn) {
            return;
        }
        String text = "writing the report to " + where + " ...";
        if (mode == Mode.LOG) {
            err.println("enisim: " + text);
        } else {
            String l = "  " + text;
            err.print("\r" + (l.length() <= columns - 1 ? l + " ".repeat(columns - 1 - l.length())
                    : l.substring(0, columns - 1)));
        }
        err.flush();
    }

    /** The longest of the progress line's forms that fits in {@code width} characters, padded to it. */
    static String line(long simulatedMicros, long totalMicros, long events, double elapsedSeconds, int width) {
        double done = totalMicros <= 0 ? 1 : Math.min(1, (double) simulatedMicros / totalMicros);
        String pct = String.format(Locale.ROOT, "%3d%%", (int) (100 * done));
        String eta = done <= 0 ? "ETA ?" : "ETA " + wall(elapsedSeconds * (1 - done) / done);
        String sim = clock(simulatedMicros) + " of " + clock(totalMicros);
        String[] forms = {
            String.format(Locale.ROOT, "  simulated %s (%s)  %,d events  %,.0f events/s  elapsed %s  %s", sim, pct,
                    events, events / Math.max(1e-9, elapsedSeconds), wall(elapsedSeconds), eta),
            String.format(Locale.ROOT, "  simulated %s (%s)  elapsed %s  %s", sim, pct, wall(elapsedSeconds), eta),
            String.format(Locale.ROOT, " %s %s  %s", pct, sim, eta),
            String.format(Locale.ROOT, " %s %s", pct, eta),
        };
        for (String f : forms) {
            if (f.length() <= width) {
                return f + " ".repeat(width - f.length());
            }
        }
        return forms[forms.length - 1].substring(0, Math.max(0, width));
    }

    /** Simulated time: {@code 01:02:03}, or {@code 4d 01:02:03} past a day (never 97 hours). */
    static String clock(long micros) {
        long s = micros / 1_000_000;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", s % 86_400 / 3600, s % 3600 / 60, s % 60);
        return s >= 86_400 ? s / 86_400 + "d " + hms : hms;
    }

    /** Wall-clock seconds as {@code 42s}, {@code 3m05s} or {@code 1h02m}. */
    static String wall(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    void done() {
        if (drawn && mode == Mode.TERMINAL) {
            err.print("\r" + " ".repeat(columns - 1) + "\r");
            err.flush();
        }
    }

    /**
     * The heartbeat of a long {@code check} (r6, B9: a check printed nothing between its estimate and the verdicts,
     * and its output keeps the scenarios' order, so one long first scenario held back everything): a line on standard
     * error now and then, naming the scenario the verdicts wait for and how far its replications have got, with the
     * wall-clock time since the check began ({@code enisim: svc-payments: 45% (60 s)}). Every 5 seconds when standard
     * error is a terminal, every 30 when it is not (a CI log: enough for a job killed when silent), the first after as
     * long, so a short check prints none. Standard output (the verdicts) is untouched. Wall-clock time is for display
     * only: it never reaches a result.
     */
    static final class Heartbeat implements AutoCloseable {
        /** Between lines: on a terminal, and elsewhere. */
        static final long TERMINAL_EVERY_MILLIS = 5_000;
        static final long LOG_EVERY_MILLIS = 30_000;

        private final PrintWriter err;
        private final List<String> names;
        private final long[] totalMicros;
        private final java.util.concurrent.atomic.AtomicLongArray[] reached;
        private final java.util.function.LongSupplier clock;
        private final long started;
        private volatile int waitingFor;
        private final long everyMillis;
        private java.util.concurrent.ScheduledExecutorService timer;

        /**
         * For scenarios named {@code names}, each of {@code totalMicros} simulated time and run {@code replications}
         * times; {@code everyMillis} between lines (0: none, no thread), {@code clock} in nanoseconds.
         */
        Heartbeat(PrintWriter err, List<String> names, long[] totalMicros, int replications, long everyMillis,
                java.util.function.LongSupplier clock) {
            this.err = err;
            this.names = List.copyOf(names);
            this.totalMicros = totalMicros.clone();
            this.reached = new java.util.concurrent.atomic.AtomicLongArray[names.size()];
            for (int i = 0; i < reached.length; i++) {
                reached[i] = new java.util.concurrent.atomic.AtomicLongArray(Math.max(1, replications));
            }
            this.clock = clock;
            this.started = clock.getAsLong();
            this.everyMillis = everyMillis;
        }

        /**
         * Starts the lines at the pace given (none with a pace of 0), the first one pace after now; returns this. Not
         * in the constructor: a timer started there could beat before the caller had wired the progress it reports
         * (a heartbeat test under load saw "0%" where its update said 25%), and would see a half-built object.
         */
        synchronized Heartbeat start() {
            if (everyMillis > 0 && timer == null) {
                timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "enisim-check-heartbeat");
                    t.setDaemon(true);
                    return t;
                });
                timer.scheduleAtFixedRate(this::beat, everyMillis, everyMillis,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            return this;
        }

        /** A check's heartbeat, its pace by whether standard error is a terminal. */
        static Heartbeat forCheck(PrintWriter err, List<String> names, long[] totalMicros, int replications) {
            return new Heartbeat(err, names, totalMicros, replications, stderrIsTerminal() ? TERMINAL_EVERY_MILLIS
                    : LOG_EVERY_MILLIS, System::nanoTime).start();
        }

        /** The progress of replication {@code replication} of scenario {@code scenario}, for its run. */
        Progress of(int scenario, int replication) {
            return (simulated, total, events) -> reached[scenario].set(replication, simulated);
        }

        /** The verdicts now wait for scenario {@code i} (its index in {@code names}). */
        void waitingFor(int i) {
            waitingFor = i;
        }

        /** The line for now: the scenario waited for, the share of its replications' simulated time, the time. */
        String line() {
            int i = Math.min(waitingFor, names.size() - 1);
            double sum = 0;
            for (int r = 0; r < reached[i].length(); r++) {
                sum += totalMicros[i] <= 0 ? 1 : Math.min(1, (double) reached[i].get(r) / totalMicros[i]);
            }
            int pct = (int) (100 * sum / reached[i].length());
            long seconds = Math.round((clock.getAsLong() - started) / 1e9);
            return "enisim: " + names.get(i) + ": " + pct + "% (" + seconds + " s)" + (names.size() > 1
                    ? " [scenario " + (i + 1) + " of " + names.size() + "]" : "");
        }

        /** Prints the line (the timer's task). */
        void beat() {
            if (names.isEmpty()) {
                return;
            }
            err.println(line());
            err.flush();
        }

        @Override
        public synchronized void close() {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }
}
