package dev.enisim.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be run, with every problem found in it (not just the first). */
public final class ScenarioException extends Exception {

    private final String source;
    private final List<Problem> problems;
    /** Each source's problems when several sources have some (null: this one only). */
    private final List<ScenarioException> parts;
    /** The message, made when first asked for (it reads the file for its lines: only for a message shown). */
    private String message;

    public ScenarioException(String source, List<Problem> problems) {
        super((String) null);
        this.source = source;
        this.problems = List.copyOf(problems);
        this.parts = null;
    }

    /**
     * The problems of several sources at once (several input files, each with its own), in the order given: the
     * message has every source's lines; {@link #source()} and {@link #problems()} are the first source's, and
     * {@link #parts()} gives each.
     */
    public ScenarioException(List<ScenarioException> parts) {
        super((String) null);
        this.source = parts.get(0).source;
        this.problems = parts.get(0).problems;
        this.parts = parts.stream().flatMap(p -> p.parts().stream()).toList();
    }

    /** Each source's problems: this exception alone, or the sources it was made of. */
    public List<ScenarioException> parts() {
        return parts == null ? List.of(this) : parts;
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One line per problem: {@code source: path: message}, with the file's line after its name where the source is a
     * scenario file that has the path ({@code big.yaml:412: functions[57].memorySize: ...}, {@link SourceLines}). A
     * problem a {@code --set} made has no line: it is not the file's.
     */
    @Override
    public synchronized String getMessage() {
        if (message == null) {
            message = parts != null ? parts.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"))
                    : render(source, problems);
        }
        return message;
    }

    private static String render(String source, List<Problem> problems) {
        return located(source, problems).stream().map(l -> Problem.escape(source) + (l.line() != null ? ":"
                + l.line() : "") + ": " + l.problem()).collect(Collectors.joining("\n"));
    }

    /** The problems as said, each with its line ({@link SourceLines#locate}); without lines for a source not a file. */
    private static List<SourceLines.Located> located(String source, List<Problem> problems) {
        Path file = null;
        try {
            file = problems.stream().anyMatch(ScenarioException::fileOwn) ? Path.of(source) : null;
        } catch (java.nio.file.InvalidPathException e) {
            // a source that names no file ("many-functions", "--set")
        }
        return file == null ? problems.stream().map(p -> new SourceLines.Located(p, null)).toList()
                : SourceLines.locate(file, problems, ScenarioException::fileOwn);
    }

    /** A problem of the file's own text: with a field path, not made by a {@code --set}. */
    private static boolean fileOwn(Problem p) {
        return !p.path().isEmpty() && !p.path().startsWith("--") && !p.message().contains("(from --set ");
    }

}
