package dev.enisim.iac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the readers find, file by file; problems are kept per file and thrown for the first file that has
 * any, all of its problems at once.
 */
final class Builder {

    final ChangeReader.Inputs in;
    final Map<String, Change.Function> functions = new LinkedHashMap<>();
    final List<Change.Vpc> vpcs = new ArrayList<>();
    final List<Change.Subnet> subnets = new ArrayList<>();
    final List<Change.Group> groups = new ArrayList<>();
    final List<Change.Interface> interfaces = new ArrayList<>();
    final List<Change.Placeholder> placeholders = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> sources = new ArrayList<>();
    final List<String> unsimulated = new ArrayList<>();
    private final Map<Path, List<Problem>> problems = new LinkedHashMap<>();

    Builder(ChangeReader.Inputs in) {
        this.in = in;
    }

    List<Problem> problems(Path file) {
        return problems.computeIfAbsent(file, k -> new Problems());
    }

    /**
     * Every file's problems at once (a template's, and those of the parameters files its values came from), each file
     * once.
     */
    void throwIfProblems() throws ScenarioException {
        List<ScenarioException> all = new ArrayList<>();
        for (Map.Entry<Path, List<Problem>> e : problems.entrySet()) {
            if (!e.getValue().isEmpty()) {
                all.add(new ScenarioException(e.getKey().toString(), asWritten(e.getKey(), e.getValue())));
            }
        }
        if (!all.isEmpty()) {
            throw ChangeReader.merge(all);
        }
    }

    /** A key of a long-form intrinsic that a YAML template may write as a short-form tag ({@code !Ref X}). */
    private static final java.util.regex.Pattern SHORT_FORM = java.util.regex.Pattern.compile(
            "\\.(?:Ref|Condition|Fn::[A-Za-z0-9]+)(?=[.\\[]|$)");

    /**
     * A YAML template's problems, each at a path its file has: a path through a short-form tag ({@code SubnetIds:
     * [!Ref Nope]}) names the long form's key ({@code SubnetIds[0].Ref}), which the file does not have, so its
     * problem had no line while its neighbours had theirs (review 54, r7 section 8); such a path is said as the file
     * writes it ({@code SubnetIds[0]}, the tag's line), when that one is in the file. Others are left as they are.
     */
    static List<Problem> asWritten(Path file, List<Problem> problems) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            return problems;
        }
        List<String> paths = problems.stream().map(Problem::path).filter(p -> !p.isEmpty()).toList();
        Map<String, Integer> lines = dev.enisim.scenario.SourceLines.of(file, paths);
        Map<String, String> written = new LinkedHashMap<>();
        for (String p : paths) {
            String shorter = SHORT_FORM.matcher(p).replaceAll("");
            if (!lines.containsKey(p) && !shorter.equals(p) && !shorter.isEmpty()) {
                written.put(p, shorter);
            }
        }
        if (written.isEmpty()) {
            return problems;
        }
        Map<String, Integer> found = dev.enisim.scenario.SourceLines.of(file, written.values());
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            String w = written.get(p.path());
            out.add(w != null && found.containsKey(w) ? new Problem(w, p.message()) : p);
        }
        return out;
    }

    /**
     * A file's problems; each added one passed through {@link #annotate} (a template's problem made from a parameter's
     * value says where that value was given).
     */
    static final class Problems extends ArrayList<Problem> {

        private transient java.util.function.UnaryOperator<Problem> annotate = p -> p;

        void annotate(java.util.function.UnaryOperator<Problem> with) {
            this.annotate = with;
        }

        @Override
        public boolean add(Problem p) {
            return super.add(annotate.apply(p));
        }
    }

    void placeholder(Path file, String path, JsonNode unresolved) {
        placeholders.add(new Change.Placeholder(file + ": " + path, unresolved.path(Intrinsics.UNRESOLVED).asText(),
                unresolved.path(Intrinsics.HOW).asText()));
    }

    void function(Change.Function f) {
        Change.Function before = functions.put(f.name(), f);
        if (before != null) { // one name, two functions: Lambda refuses the second (the name is taken)
            notes.add("function " + f.name() + " is defined twice (" + before.where() + ", " + f.where()
                    + "): two functions cannot share a name, so deploying both would fail (the second stack's"
                    + " creation of it is refused: it already exists); the last is used");
        }
    }

    /** A subnet id is usable when the account or the change defines it. */
    boolean knownSubnet(String id) {
        return in.subnetVpc().containsKey(id) || subnets.stream().anyMatch(s -> s.id().equals(id));
    }

    Change build() {
        return new Change(new ArrayList<>(functions.values()), vpcs, subnets, groups, interfaces, placeholders, notes,
                sources, unsimulated);
    }
}
