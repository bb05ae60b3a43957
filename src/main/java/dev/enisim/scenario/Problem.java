package dev.enisim.scenario;

/** One thing wrong with a scenario: where ({@code functions[2].vpcConfig.subnetIds[0]}) and what was expected. */
public record Problem(String path, String message) {

    /**
     * As printed: path and message with their control characters escaped ({@link #escape}); a problem of the whole
     * file (not found, not readable, malformed) has no path: {@code nothere.yml: file not found}. It was shown at a
     * placeholder path, {@code (root)}, which read as the root user ({@code /root/.bashrc: (root): cannot read the
     * file}: an adversarial review).
     */
    @Override
    public String toString() {
        return (path.isEmpty() ? "" : escape(path) + ": ") + escape(message);
    }

    /**
     * {@code text} with every control character escaped, as a problem is printed: {@code \e} (ESC), {@code \n},
     * {@code \r}, {@code \t}, any other as {@code \}{@code uXXXX} (C0, DEL, C1, the line and paragraph separators and the
     * bidirectional overrides, which reorder what a terminal or a log viewer shows). A scenario from a pull request,
     * checked in CI, quoted its values, keys and trace lines raw into errors (an adversarial review): an ESC sequence
     * cleared or retitled the reader's terminal, and a newline began a line of its own, read by GitHub Actions as a
     * workflow command ({@code ::error ...::}). One line per problem, and the same text in the JUnit file and the step
     * summary. A backslash is left as it is (a Windows path stays readable).
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String e = c == 0x1b ? "\\e" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                    ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : null;
            if (e != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (e != null) {
                    out.append(e);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** As {@link #escape}, the line feeds kept: a message of several lines, each of them escaped. */
    public static String escapeLines(String text) {
        if (text == null || text.indexOf('\n') < 0) {
            return escape(text);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = escape(lines[i]);
        }
        return String.join("\n", lines);
    }
}
