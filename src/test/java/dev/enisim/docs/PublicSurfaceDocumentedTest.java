package dev.enisim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's public surface as README.md and ARCHITECTURE.md tell it, against the code: README's count of the
 * package's public top-level types besides {@code LambdaService} (it said 19 where there were 23), and
 * ARCHITECTURE's list of them (it left out {@code EgressLimits}, {@code DeletionCancelled}, {@code RequestRateLimit},
 * {@code ScaleOutLimit} and {@code SpanParts}; a new contributor's review).
 */
class PublicSurfaceDocumentedTest {

    private static final Path MODEL = Path.of("src/main/java/dev/enisim/model");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|record|enum|interface|@interface) (\\w+)");
    private static final Pattern COUNT = Pattern.compile("\\((\\d+) top-level types besides it\\)");
    private static final Pattern TICKED = Pattern.compile("`([A-Z]\\w*)`");

    /** The simple names of the public top-level types of package {@code model} (its sub-packages apart). */
    static Set<String> publicModelTypes() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(MODEL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = PUBLIC_TYPE.matcher(Files.readString(f));
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The count README's design notes give, or -1 when it gives none. */
    static int readmeCount(String readme) {
        Matcher m = COUNT.matcher(readme.replaceAll("\\s+", " "));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** ARCHITECTURE's list of the public surface: from "The public surface" to the classes kept package-private. */
    static String architectureList(String architecture) {
        int start = architecture.indexOf("The public surface (`LayeringTest`)");
        int end = architecture.indexOf("Every other class", start);
        assertTrue(start >= 0 && end > start, "ARCHITECTURE.md lists the public surface");
        return architecture.substring(start, end);
    }

    /** The public types {@code list} leaves out, and the names it gives that are no public model type. */
    static List<String> listed(String list, Set<String> types) {
        List<String> wrong = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        Matcher m = TICKED.matcher(list);
        while (m.find()) {
            if (!m.group(1).endsWith("Test")) { // the tests that hold it
                named.add(m.group(1));
            }
        }
        types.stream().filter(t -> !named.contains(t)).forEach(t -> wrong.add(t + ": not in ARCHITECTURE's list"));
        named.stream().filter(t -> !types.contains(t)).forEach(t -> wrong.add(t + ": listed, no public model type"));
        return wrong;
    }

    @Test
    void readmeCountsTheModelsPublicTypes() throws IOException {
        Set<String> types = publicModelTypes();
        assertTrue(types.contains("LambdaService") && types.contains("WorldSnapshot"), types.toString());
        assertEquals(types.size() - 1, readmeCount(Files.readString(Path.of("README.md"))),
                "README's \"(N top-level types besides it)\" in its design notes; the types: " + types);
    }

    @Test
    void architectureListsEachPublicTypeAndNoOther() throws IOException {
        assertEquals(List.of(), listed(architectureList(Files.readString(Path.of("ARCHITECTURE.md"))),
                publicModelTypes()));
    }

    /** The checks above can fail: a count one short, a type left out and one that is gone. */
    @Test
    void theChecksSeeAWrongCountAndAWrongList() {
        assertEquals(19, readmeCount("the rest (19 top-level\n  types besides it) is"));
        assertEquals(-1, readmeCount("the rest (19 top-level types) is"));
        assertEquals(List.of("Port: not in ARCHITECTURE's list", "World: listed, no public model type"),
                listed("The public surface (`LayeringTest`): `Outcome`, `World`", Set.of("Outcome", "Port")));
    }
}
