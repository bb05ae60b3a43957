package dev.enisim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The line of a scenario file (YAML or JSON) that a problem's field path points at, so that an error in a file of
 * hundreds of functions reads {@code big.yaml:412: functions[57].vpcConfig.subnetIds[0]: unknown subnet ...}: the
 * form compilers print, which editors and CI logs turn into links. Read only when a message is shown, from the file
 * as it is on disk.
 *
 * <p>A path's line is its key's ({@code memorySize:}) or, for a list item, the item's first line. A field that is
 * missing ({@code functions[1].duration: is required}) is given the line of the object it is missing from, one level
 * up and no further (a "field" of a plain value gets none): a path that is not in the file at all (one a {@code --set} or a deployment added, a row of
 * another file) gets no line rather than a wrong one. A path through an alias ({@code *base}) or a merge key
 * ({@code <<:}) is its anchored value's, said there once for all its uses ({@link #locate}).
 */
public final class SourceLines {

    private SourceLines() {
    }

    /**
     * The line of each of {@code paths} that {@code file} has (see the class), or an empty map when the file is not a
     * readable YAML or JSON file within the scenario size limits, or cannot be parsed.
     */
    public static Map<String, Integer> of(Path file, Collection<String> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        String text = text(file);
        try {
            return text == null ? Map.of() : of(text, json(file), paths);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Map.of(); // a message without lines, never a failure of its own
        }
    }

    /** A problem as it is said, and its line in the file (null: none). */
    public record Located(Problem problem, Integer line) {
    }

    /**
     * {@code problems} as they are said for {@code file}, each with its line when {@code fileOwn} says it is the
     * file's own ({@link #of(Path, Collection)}): in a YAML file, the problems of a value reached through an alias or a
     * merge key are said once, at the anchored value's own path and line, naming the places that use it
     * ({@link AliasOrigins}). The problems as given, without lines, when the file cannot be read as one.
     */
    public static List<Located> locate(Path file, List<Problem> problems, Predicate<Problem> fileOwn) {
        String text = problems.stream().anyMatch(fileOwn) ? text(file) : null;
        List<Problem> shown = problems;
        Map<String, Integer> lines = Map.of();
        if (text != null) {
            try {
                if (!json(file)) {
                    shown = AliasOrigins.of(text).collapse(problems, fileOwn);
                }
                lines = of(text, json(file), shown.stream().filter(fileOwn).map(Problem::path).toList());
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // a message without lines, never a failure of its own
            }
        }
        List<Located> out = new ArrayList<>(shown.size());
        for (Problem p : shown) {
            out.add(new Located(p, fileOwn.test(p) ? lines.get(p.path()) : null));
        }
        return out;
    }

    private static boolean json(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** The text of a readable YAML or JSON file within the scenario size limits, else null. */
    private static String text(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json");
        if (!(json || name.endsWith(".yaml") || name.endsWith(".yml"))) {
            return null;
        }
        try {
            if (!Files.isRegularFile(file) || InputText.kernelFile(file)
                    || Files.size(file) > (json ? ScenarioLoader.MAX_JSON_BYTES : YamlTree.maxBytes())) {
                return null;
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@link #of(Path, Collection)} for the text of a file. */
    static Map<String, Integer> of(String text, boolean json, Collection<String> paths) throws IOException {
        if (InputText.longLine(text) > 0) {
            return Map.of();
        }
        Set<String> wanted = new HashSet<>();
        for (String p : paths) {
            wanted.add(p);
            String up = fieldParent(p);
            if (up != null) {
                wanted.add(up);
            }
        }
        Map<String, Integer> found = new HashMap<>();
        Set<String> objects = new HashSet<>();
        JsonFactory factory = json ? new JsonFactory() : YamlTree.factory(); // a file above 3 MB had no lines
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() != null) {
                walk(p, "", wanted, found, objects);
            }
        }
        Map<String, Integer> out = new HashMap<>();
        for (String p : paths) {
            Integer line = found.get(p);
            if (line == null && objects.contains(fieldParent(p))) {
                line = found.get(fieldParent(p));
            }
            if (line != null) {
                out.put(p, line);
            }
        }
        return out;
    }

    /**
     * The object a field belongs to ({@code functions[1].duration}: {@code functions[1]}); null for a list item, a
     * field at the top (whose object is the whole file: no line says more than the file's name) or no path.
     */
    static String fieldParent(String path) {
        if (path.isEmpty() || path.endsWith("]")) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        return dot <= 0 ? null : path.substring(0, dot);
    }

    /** Records the lines of the value at the parser's token, whose path is {@code path}, and of all inside it. */
    private static void walk(JsonParser p, String path, Set<String> wanted, Map<String, Integer> found,
            Set<String> objects) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            if (wanted.contains(path)) {
                objects.add(path); // a field can be missing from it
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                if (wanted.contains(child)) {
                    found.putIfAbsent(child, keyLine);
                }
                walk(p, child, wanted, found, objects);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String child = path + "[" + i++ + "]";
                if (wanted.contains(child)) {
                    found.putIfAbsent(child, p.currentTokenLocation().getLineNr());
                }
                walk(p, child, wanted, found, objects);
            }
        }
    }
}
