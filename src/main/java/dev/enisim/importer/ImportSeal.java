package dev.enisim.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The last line of every scenario {@code enisim import} writes: the SHA-256 of the lines above it. A file whose line
 * still matches is as the import wrote it, and a later import may replace it; one edited since (placeholders filled
 * in, as its header asks) is the user's, and is replaced only with {@code --force} (a safety review: re-running the
 * same import silently replaced a reviewed, hand-edited scenario).
 */
public final class ImportSeal {

    static final String PREFIX = "# enisim import's checksum of the lines above (edit the file and a later import"
            + " replaces it only with --force): sha256:";

    private ImportSeal() {
    }

    /** {@code yaml} with its seal line appended. */
    public static String seal(String yaml) {
        return yaml + PREFIX + sha256(yaml) + "\n";
    }

    /**
     * Whether {@code text} ends with a seal line that matches the lines above it (as the import wrote it), or is a
     * JSON scenario the import wrote whose seal member matches the text above it ({@link JsonScenario}).
     */
    public static boolean intact(String text) {
        return yamlIntact(text) || JsonScenario.intact(text);
    }

    private static boolean yamlIntact(String text) {
        int at = text.lastIndexOf(PREFIX);
        if (at < 0 || (at > 0 && text.charAt(at - 1) != '\n')) {
            return false;
        }
        String line = text.substring(at + PREFIX.length());
        String body = text.substring(0, at);
        return line.equals(sha256(body) + "\n");
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
