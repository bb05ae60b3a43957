package dev.enisim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be run, with every problem found in it (not just the first). */
public final class ScenarioException extends Exception {

    private final String source;
    private final List<Problem> problems;
    /** Each source's problems when several sources have some (null: this one only). */
    private final List<ScenarioException> parts;

    public ScenarioException(String source, List<Problem> problems) {
        super(render(source, problems));
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
        super(parts.stream().map(Throwable::getMessage).collect(Collectors.joining("\n")));
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

    private static String render(String source, List<Problem> problems) {
        return problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n"));
    }
}
