package dev.enisim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.enisim.experiment.EnisimBuild;
import dev.enisim.scenario.TraceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sidecar that says what made an experiment's CSV files ({@code sweep.json} beside {@code sweep.csv},
 * {@code sensitivity.json} beside {@code sensitivity.csv} and {@code points.csv}): the enisim (version and build), the
 * scenario (file as given, its SHA-256, name, seed, the traces it reads with theirs), the {@code --set} overrides, the
 * design, the replications, the metrics, and each CSV's SHA-256 (a copied CSV is matched to its sidecar by it). A
 * sidecar and not {@code # key: value} lines atop the CSV: those would break the CSV's readers that do not skip
 * comments (pandas {@code read_csv} without {@code comment='#'}, Excel, Jackson CSV, R's {@code read.csv}), and users'
 * scripts read the CSV as it was. No date and no engine: the same experiment writes the same bytes, resumed or not, on
 * either engine.
 */
public final class Provenance {

    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Provenance() {
    }

    /**
     * The scenario's part: {@code file} as the command was given it, the SHA-256 of its bytes, the {@code name} and
     * {@code seed} the runs used (after --set), and the trace files {@code tree} (the scenario after --set) reads,
     * each with its SHA-256.
     */
    public static Map<String, Object> scenario(Path file, JsonNode tree, String name, long seed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", file.toString());
        s.put("sha256", sha256(file));
        s.put("name", name);
        s.put("seed", seed);
        Map<String, String> traces = new LinkedHashMap<>();
        for (String t : TraceFiles.named(tree)) {
            Path p = TraceFiles.resolve(file, t);
            traces.put(t, p == null ? "unreadable" : sha256(p));
        }
        if (!traces.isEmpty()) {
            s.put("traces", traces);
        }
        return s;
    }

    /**
     * The sidecar of {@code command} ("sweep", "sensitivity"): {@code fields} in their order after the enisim, then
     * each of {@code described} (name and bytes, as written beside it) with its SHA-256 and its data rows (lines
     * after the header).
     */
    public static byte[] render(String command, Map<String, Object> fields, Map<String, byte[]> described) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("madeBy", "enisim " + command);
        EnisimBuild b = EnisimBuild.current();
        Map<String, String> enisim = new LinkedHashMap<>();
        enisim.put("version", b.version());
        enisim.put("build", b.build());
        all.put("enisim", enisim);
        all.putAll(fields);
        Map<String, Object> files = new LinkedHashMap<>();
        described.forEach((name, bytes) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("sha256", HexFormat.of().formatHex(digest().digest(bytes)));
            f.put("rows", Math.max(0, lines(bytes) - 1));
            files.put(name, f);
        });
        all.put("files", files);
        try {
            return (JSON.writeValueAsString(all) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the sidecar of " + command, e);
        }
    }

    /** Lines of a CSV (a quoted value may hold a line break: those inside quotes are not counted). */
    private static int lines(byte[] csv) {
        int n = 0;
        boolean quoted = false;
        for (byte c : csv) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** The SHA-256 of a file's bytes, or "unreadable". */
    private static String sha256(Path file) {
        MessageDigest md = digest();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
