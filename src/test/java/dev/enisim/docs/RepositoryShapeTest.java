package dev.enisim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every relative link and image of the READMEs points at a file in the repository, and none into docs/ (gone). */
class RepositoryShapeTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkOfTheReadmesResolves() throws Exception {
        List<String> broken = new ArrayList<>();
        for (Path readme : List.of(Path.of("README.md"), Path.of("scenarios/README.md"),
                Path.of("reports/mutation/README.md"), Path.of("reports/perf/HISTORY.md"))) {
            Matcher m = LINK.matcher(Files.readString(readme));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (target.startsWith("docs/") || !Files.exists(readme.resolveSibling(target))) {
                    broken.add(readme + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(Files.exists(Path.of("reports/screenshots/topology-player.png")));
        assertTrue(!Files.exists(Path.of("docs")), "docs/ moved under reports/");
    }
}
