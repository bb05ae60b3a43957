package dev.enisim.cli;

import dev.enisim.scenario.ScenarioException;
import java.io.PrintWriter;
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
            CompareNetworkModelsCommand.class, SweepCommand.class, PlanCommand.class, ImportCommand.class, GateCommand.class, ValidateModelCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 internal error, 2 bad input or usage.",
            "Scenario format: scenarios/README.md", "Example: enisim run scenarios/quickstart.yaml"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit code for bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an internal error. */
    public static final int INTERNAL_ERROR = 1;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ScenarioException se) {
                commandLine.getErr().println(se.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof UserInputException ue) {
                commandLine.getErr().println("enisim: " + ue.getMessage());
                return BAD_INPUT;
            }
            commandLine.getErr().println("enisim: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
    }
}
