package dev.enisim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the example scenarios use (scenarios/*.yaml and the folders under it) is in scenarios/README.md, as
 * {@code `key`} or inside a documented form such as {@code {subnetIds: [...], ...}}: a reader who copies a field
 * from an example finds what it means.
 */
class ScenarioKeysDocumentedTest {

    @Test
    void everyKeyOfTheExampleScenariosIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("scenarios/README.md"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, String> used = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("scenarios"), 2)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() > 20, "the example scenarios: " + files);
        for (Path f : files) {
            collect(yaml.readTree(f.toFile()), "", f.toString(), used);
        }
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, String> e : used.entrySet()) {
            String k = Pattern.quote(e.getKey());
            boolean documented = Pattern.compile("`" + k + "[`:.\\[ =]").matcher(readme).find()
                    || Pattern.compile("[.{ ]" + k + "[`:]").matcher(readme).find();
            if (!documented) {
                undocumented.add(e.getKey() + " (" + e.getValue() + ")");
            }
        }
        assertEquals(List.of(), undocumented, "keys the example scenarios use that scenarios/README.md never names");
    }

    private static void collect(JsonNode node, String path, String file, Map<String, String> used) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                used.putIfAbsent(e.getKey(), file + ": " + p);
                if (!e.getKey().equals("expect")) {
                    collect(e.getValue(), p, file, used);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode v : node) {
                collect(v, path + "[]", file, used);
            }
        }
    }
}
