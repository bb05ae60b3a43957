package dev.enisim.cli;

import dev.enisim.report.OutputRefused;
import dev.enisim.report.ReportWriter;
import dev.enisim.report.SafeOutput;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar enisim.jar COMMAND ...}. */
@Command(name = "enisim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Discrete-event simulator of AWS Lambda's Hyperplane ENIs: how functions attached to a VPC "
            + "share network interfaces, what they cost in IPs and ENI quota, and how invocations fail when they "
            + "run out.", ""},
        subcommands = {RunCommand.class, ValidateCommand.class, ExplainCommand.class, CheckCommand.class, CompareCommand.class,
            CompareNetworkModelsCommand.class, SweepCommand.class, SensitivityCommand.class, PlanCommand.class, ImportCommand.class, GateCommand.class, ValidateModelCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 a check/sweep/validate-model/gate verdict (an assertion failed, a rule was "
            + "crossed...) or a partial result of sensitivity (a --metric without an index), 2 bad input, usage or an environment error (a full disk, a read-only folder), 3 an internal "
            + "error (a bug in enisim: its stack trace on stderr).",
            "enisim replaces only files and folders it wrote itself (see README, Safety).",
            "Scenario format: scenarios/README.md",
            "('enisim' in help and messages: java -jar target/enisim.jar, or an alias of it: README)",
            "Example: enisim run scenarios/quickstart.yaml"})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit code for bad input or usage. */
    public static final int BAD_INPUT = 2;
    /**
     * Exit code for a verdict that failed: an assertion of {@code check}, a rule of {@code gate}, a point of {@code
     * sweep}, a case of {@code validate-model}.
     */
    public static final int FAILED = 1;
    /**
     * Exit code for an internal error: an unexpected exception, a bug in enisim. It was 1, the code of a failed
     * verdict too, so a CI job could not tell "your change made things worse" from "the tool broke" without reading
     * the log (r6, B8).
     */
    public static final int INTERNAL_ERROR = 3;
    /**
     * The exit code when standard output's reader stopped reading ({@code enisim explain F | head}): a Unix tool
     * killed by SIGPIPE exits 128 + 13, silently; the JVM ignores the signal, so enisim says nothing and returns it.
     */
    public static final int READER_GONE = 141;

    /** The folder relative paths are resolved against: the process's own, or a test's scratch folder. */
    private final Path workingDir;

    Main(Path workingDir) {
        this.workingDir = workingDir;
    }

    /** {@code enisim} alone: the usage, and exit 2 (a command is missing). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        // the same bytes as a PrintWriter over System.out (the default charset), but with the reason of a failure
        PrintWriter out = new StandardOutput(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(Path.of(""), out, err, args);
    }

    /**
     * Runs the command line as if started in {@code workingDir} (every relative path, given or default, is
     * resolved against it) and returns the exit code: the in-process entry point for tests.
     */
    /**
     * A command line picocli cannot read: its problem, picocli's suggestions for a misspelt option, and where the
     * options are, in a few lines (the whole usage, 40 lines for {@code run}, buried the one that mattered: an SRE's
     * review, session 49). {@code run --html}: run always writes report.html, so it says so.
     */
    static int badParameter(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        PrintWriter err = c.getErr();
        err.println(ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        String name = c.getCommandSpec().qualifiedName();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && name.equals("enisim run")
                && u.getUnmatched().contains("--html")) {
            err.println("enisim run always writes report.html into its report folder (--out DIR): no option needed.");
        }
        err.println("See '" + name + " --help' for its options.");
        return BAD_INPUT;
    }

    public static int execute(Path workingDir, PrintWriter out, PrintWriter err, String... args) {
        return execute(commandTree(workingDir), out, err, args);
    }

    /**
     * Runs {@code args} on the command tree {@code cl} ({@link #commandTree}, to which a test may add a command) with
     * the given streams, every failure mapped to its exit code as for the real command line.
     */
    static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> exitFor(ex, commandLine.getErr()));
        cl.setParameterExceptionHandler((ex, given) -> badParameter(ex));
        int code;
        estimatedNeed = 0;
        writingTo = null;
        reportWritten = null;
        if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
            // picocli reads no further than a help option: `enisim nosuchcmd --help` printed the main usage and
            // exited 0, not a word that nosuchcmd is no command (a new contributor's review)
            // (the same lines as picocli's own for an unknown command without a help option)
            return badParameter(new CommandLine.UnmatchedArgumentException(cl, java.util.List.of(args[0])));
        }
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the environment's limit, not a bug: 30 functions over two million one-minute buckets, each bucket's
            // figures kept per function, ran 48 s and ended in the JVM's own stack trace (an adversarial review)
            Path dir = writingTo;
            err.println(outOfMemory(Runtime.getRuntime().maxMemory(), estimatedNeed, dir, dir != null
                    && Files.exists(dir.resolve(SafeOutput.MARKER), LinkOption.NOFOLLOW_LINKS)));
            return BAD_INPUT;
        } catch (Error e) {
            // a StackOverflowError, an ExceptionInInitializerError...: a bug, as an unexpected exception is (picocli
            // passes an Error through; the JVM said its stack trace and exited 1, the code of a failed check)
            return internalError(e, err);
        }
        if (out.checkError()) { // flushes, then tells whether any write failed
            IOException why = out instanceof StandardOutput s ? s.failure() : null;
            if (readerGone(why)) {
                return READER_GONE; // `| head` had what it wanted: not an error to report
            }
            // > /dev/full after a whole run: the report was written, and the line alone read as if the run had failed
            // (an adversarial review); the report's files are written whole or not at all (SafeOutput)
            Path wrote = reportWritten;
            err.println("enisim: cannot write to standard output (" + (why == null ? "the stream reported an error"
                    : SafeOutput.reason(why)) + ")" + (wrote == null ? "" : "; the report in " + wrote
                    + " was written in full: only the lines for the terminal were lost"));
            return BAD_INPUT;
        }
        return code;
    }

    /**
     * The command tree {@link #execute} runs, relative paths resolved against {@code workingDir}: its
     * {@code parseArgs} checks a command line without running any command (the README's commands are checked so).
     */
    public static CommandLine commandTree(Path workingDir) {
        CommandLine cl = new CommandLine(new Main(workingDir));
        cl.registerConverter(Path.class, text -> {
            if (text.isBlank()) {
                // An empty path would resolve to the working folder itself: never what a user means.
                throw new CommandLine.TypeConversionException("a path is needed, not an empty string");
            }
            try {
                return workingDir.resolve(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException(pathRefused(text, e,
                        System.getProperty("sun.jnu.encoding", "")));
            }
        });
        cl.setHelpFactory(WholeWordsHelp.FACTORY); // every command's: file names and dotted paths wrap whole
        cl.setColorScheme(helpColours(CommandLine.Help.Ansi.AUTO));
        return cl;
    }

    /**
     * The help's styles: commands and options bold, their values italic, in the terminal's own colour. picocli's
     * default printed the options in yellow, hard to read on a light background (an accessibility review); bold and
     * italic read on any (an error stays red and bold, as picocli has it). {@code ansi} is {@code AUTO} for a run: no styles when the output is not a terminal or
     * {@code NO_COLOR} is set (picocli's rule).
     */
    static CommandLine.Help.ColorScheme helpColours(CommandLine.Help.Ansi ansi) {
        CommandLine.Help.Ansi.Style bold = CommandLine.Help.Ansi.Style.bold;
        CommandLine.Help.Ansi.Style italic = CommandLine.Help.Ansi.Style.italic;
        return new CommandLine.Help.ColorScheme.Builder(ansi).commands(bold).options(bold).parameters(italic)
                .optionParams(italic).errors(CommandLine.Help.Ansi.Style.fg_red, bold).stackTraces(italic).build();
    }

    /** Whether a write failed because the pipe's reader closed it (EPIPE: "Broken pipe"). */
    static boolean readerGone(IOException why) {
        return why != null && why.getMessage() != null && why.getMessage().contains("Broken pipe");
    }

    /**
     * Standard output that keeps why a write failed. A PrintWriter swallows the IOException and keeps only that
     * one happened ({@link PrintWriter#checkError}): {@code enisim check scenarios > /dev/full} printed nothing,
     * said nothing and exited 0, its verdict lost. {@link #execute} now checks it after every command.
     */
    static final class StandardOutput extends PrintWriter {
        private final Remembering stream;

        StandardOutput(OutputStream stream) {
            this(new Remembering(stream));
        }

        private StandardOutput(Remembering stream) {
            super(stream, true);
            this.stream = stream;
        }

        /** The first failure of a write, or null. */
        IOException failure() {
            return stream.failure;
        }
    }

    /** An output stream that remembers its first failure (and still throws it). */
    private static final class Remembering extends FilterOutputStream {
        private volatile IOException failure;

        Remembering(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    /**
     * The heap the run under way was estimated to need ({@link Budget#need}; 0: no estimate made), for the
     * out-of-memory line's advice; set by {@link Budget}'s check of one scenario, reset by {@link #execute}.
     */
    private static volatile double estimatedNeed;
    /** The report folder being written once the simulation had finished (null: not writing one). */
    private static volatile Path writingTo;

    /** The report folder the command wrote in full (null: none yet), for the standard output's failure line. */
    private static volatile Path reportWritten;

    /** Notes that the report in {@code dir} was written in full (said if the terminal's lines are then lost). */
    static void noteReportWritten(Path dir) {
        reportWritten = dir;
    }

    /** Notes the heap the run about to start was estimated to need (for the out-of-memory line). */
    static void noteEstimatedNeed(double bytes) {
        estimatedNeed = bytes;
    }

    /**
     * Notes that the simulation has finished and its report is being written into {@code dir}, or (null) that it
     * was written: running out of memory in between is said as writing the report's, the folder as it was left.
     */
    static void noteWritingReport(Path dir) {
        writingTo = dir;
    }

    /**
     * The one line a run that ran out of memory ends with (exit 2: the heap is the environment's), given the JVM's
     * maximum heap, the run's estimated need (0: none made), and the report folder being written when it happened
     * (null: the simulation had not finished) with whether an earlier report of enisim's was in it. Staging leaves
     * the folder as it was ({@code SafeOutput}: the new report replaces it only once whole). It advised {@code
     * -Xmx16g} whatever the estimate (1.6 GiB for an account's day) and did not say that the simulation had finished
     * (r4, r24: "writing the report", then out of memory, at 1 GiB of heap) nor what the folder held.
     */
    static String outOfMemory(long maxHeapBytes, double need, Path writing, boolean earlierReport) {
        String where = writing == null ? "" : "the simulation had finished; writing the report ran out of memory, and "
                + (earlierReport ? "the earlier report in " + writing + " was kept as it was"
                : "nothing was written to " + writing) + "; ";
        return "enisim: out of memory (Java's heap may grow to " + (maxHeapBytes >> 20) + " MiB" + (need > 0 && Double.isFinite(need)
                ? "; the run was estimated to need about " + Budget.size(need) : "") + "): " + where + "a run keeps "
                + "each time bucket's figures for every function, ENI key and subnet, so memory grows with functions x "
                + "buckets; give a longer bucket, a shorter duration or fewer functions, or run Java with more heap "
                + "(java -Xmx" + heapOption(advisedHeap(need, maxHeapBytes)) + " -jar enisim.jar ...)";
    }

    /**
     * The heap to advise after running out of it: the run's estimated need (0: none) or twice the heap that was
     * too small, whichever is more (an estimate below the heap that ran out was low), rounded up to the next 256
     * MiB below 1 GiB, to the next GiB from there.
     */
    static long advisedHeap(double need, long maxHeapBytes) {
        double want = Math.max(need > 0 && Double.isFinite(need) ? need : 0, 2.0 * maxHeapBytes);
        long step = want <= 1L << 30 ? 256L << 20 : 1L << 30;
        return (long) Math.ceil(want / step) * step;
    }

    /** A heap as -Xmx says it: whole GiB as {@code 2g}, else MiB as {@code 768m}. */
    static String heapOption(long bytes) {
        return bytes % (1L << 30) == 0 ? (bytes >> 30) + "g" : (bytes >> 20) + "m";
    }

    /**
     * What a command's failure prints and its exit code: the user's or the environment's to fix (bad input, an
     * output refused, an I/O failure, out of memory while drawing charts) one line and 2; anything else is a bug:
     * "internal error", the stack trace, and 3.
     */
    static int exitFor(Exception ex, PrintWriter err) {
        String message = userMessage(ex);
        if (message != null) {
            err.println(message);
            return BAD_INPUT;
        }
        if (ex instanceof ReportWriter.ChartsFailed cf && cf.outOfMemory()) {
            // the heap advised as a run's own out of memory advises it: its estimate, or twice this heap
            err.println("enisim: " + cf.message(heapOption(advisedHeap(estimatedNeed, Runtime.getRuntime()
                    .maxMemory()))));
            return BAD_INPUT; // the heap is the environment's, as a run's own out of memory (it was 1)
        }
        return internalError(ex, err);
    }

    /**
     * A bug in enisim: one line saying so and that its stack trace follows (kept for a bug report), the trace, and
     * exit 3 ({@link #INTERNAL_ERROR}), which no verdict and no bad input gives.
     */
    static int internalError(Throwable ex, PrintWriter err) {
        err.println("enisim: internal error: " + ex + " (a bug in enisim, not a problem of the input: exit "
                + INTERNAL_ERROR + "; its stack trace follows, for a bug report)");
        ex.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    /** The one-line message of a failure that is the user's or the environment's to fix, or null for a bug. */
    static String userMessage(Exception ex) {
        if (ex instanceof ScenarioException || ex instanceof InputProblems) {
            return ex.getMessage();
        }
        // control characters of a path or value the message quotes escaped (Problem.escape); a line feed of
        // enisim's own (a list under a message) kept: the ones of input are a scenario's, escaped in its problems
        if (ex instanceof UserInputException || ex instanceof OutputRefused) {
            return "enisim: " + Problem.escapeLines(ex.getMessage());
        }
        if (ex instanceof IOException io) {
            return "enisim: " + Problem.escapeLines(SafeOutput.reason(io));
        }
        if (ex instanceof UncheckedIOException io) {
            return "enisim: " + Problem.escapeLines(SafeOutput.reason(io.getCause()));
        }
        return null;
    }

    /**
     * Why a path cannot be used, in words: with a file-name encoding other than UTF-8 (a C or POSIX locale, as in many
     * containers) a name of non-ASCII letters cannot be a file name at all, and the cure is the locale.
     */
    static String pathRefused(String text, java.nio.file.InvalidPathException e, String encoding) {
        boolean ascii = text.chars().allMatch(c -> c < 128);
        if (!ascii && !encoding.equalsIgnoreCase("UTF-8")) {
            return Problem.quote(text) + " cannot be a file name here: this JVM encodes file names as " + encoding
                    + " (the locale, LANG/LC_ALL), which cannot write its non-ASCII letters; run with a UTF-8 locale,"
                    + " e.g. LANG=C.UTF-8 java -jar enisim.jar ...";
        }
        return Problem.quote(text) + " cannot be a file name: " + e.getReason();
    }

    /** The working folder of the command line that {@code spec} belongs to. */
    static Path workingDir(CommandLine.Model.CommandSpec spec) {
        return ((Main) spec.root().userObject()).workingDir;
    }
}
