package dev.enisim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The line of a scenario file (YAML or JSON) that a problem's field path points at, so that an error in a file of
 * hundreds of functions reads {@code big.yaml:412: functions[57].vpcConfig.subnetIds[0]: unknown subnet ...}: the
 * form compilers print, which editors and CI logs turn into links. Read only when a message is shown, from the file
 * as it is on disk.
 *
 * <p>A path's line is its key's ({@code memorySize:}) or, for a list item, the item's first line. A field that is
 * missing ({@code functions[1].duration: is required}) is given the line of the object it is missing from, one level
 * up and no further (a "field" of a plain value gets none): a path that is not in the file at all (one a {@code --set} or a deployment added, a row of
 * another file) gets no line rather than a wrong one. Paths through an alias ({@code *base}) or a merge key
 * ({@code <<:}) get the alias's line, as the file shows it.
 */
public final class SourceLines {

    private SourceLines() {
    }

    /**
     * The line of each of {@code paths} that {@code file} has (see the class), or an empty map when the file is not a
     * readable YAML or JSON file within the scenario size limits, or cannot be parsed.
     */
    public static Map<String, Integer> of(Path file, Collection<String> paths) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json");
        if (paths.isEmpty() || !(json || name.endsWith(".yaml") || name.endsWith(".yml"))) {
            return Map.of();
        }
        try {
            if (!Files.isRegularFile(file) || InputText.kernelFile(file)
                    || Files.size(file) > (json ? ScenarioLoader.MAX_JSON_BYTES : YamlTree.maxBytes())) {
                return Map.of();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return of(text, json, paths);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Map.of(); // a message without lines, never a failure of its own
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
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
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
