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
        return (path.isEmpty() ? "" : escape(shownPath(path)) + ": ") + escape(shown(message));
    }

    /** The most characters of a value or key quoted in full in a problem ({@link #quote}). */
    public static final int QUOTED = 80;
    /** The characters shown of a longer one, before its length. */
    public static final int SHOWN_OF_LONG = 60;
    /**
     * The most characters of a problem's message printed: beyond, its first {@value #SHOWN_OF_MESSAGE} and its length.
     * A backstop for a message that quotes user text without {@link #quote}; no message of enisim's own is that long.
     */
    public static final int MESSAGE_LIMIT = 8_192;
    static final int SHOWN_OF_MESSAGE = 4_096;

    /**
     * {@code text}, a value or key of the user's, as a problem quotes it: {@code 'text'} in full up to {@value #QUOTED}
     * characters, else its first {@value #SHOWN_OF_LONG} and its length ({@code 'xxxx...' (1,048,576 characters)}).
     * A 1 MB value ({@code traffic: "xxxx..."}) was quoted whole: a megabyte of one line on the terminal, in the JUnit
     * file and in the step summary.
     */
    public static String quote(String text) {
        if (text == null) {
            return "'null'"; // as the messages quoted a missing value before (String.valueOf)
        }
        return "'" + shortened(text) + (text.length() > QUOTED ? "' (" + grouped(text.length()) + " characters)" : "'");
    }

    /**
     * {@code text}, the start of a file that should not be shown (a wrong file given where a data file was expected),
     * quoted as a trace's bad cell is: in full up to 8 characters, else its first 4 and its length.
     */
    public static String quoteBriefly(String text) {
        return TraceReader.quoted(text);
    }

    /** {@code text} in full up to {@value #QUOTED} characters, else its first {@value #SHOWN_OF_LONG} and "...". */
    public static String shortened(String text) {
        if (text.length() <= QUOTED) {
            return text;
        }
        return text.substring(0, cut(text, SHOWN_OF_LONG)) + "...";
    }

    /**
     * {@code path} as printed: each key longer than {@value #QUOTED} characters shortened as {@link #quote} does, with
     * its length ({@code x-a.xxxx...(1,048,576 characters).b}): an unknown key of a megabyte is a megabyte of path.
     */
    static String shownPath(String path) {
        if (path.length() <= QUOTED) {
            return path;
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '.' || path.charAt(i) == '[') {
                String key = path.substring(start, i);
                out.append(shortened(key)).append(key.length() > QUOTED ? "(" + grouped(key.length())
                        + " characters)" : "");
                if (i < path.length()) {
                    out.append(path.charAt(i));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    /** {@code message} up to {@link #MESSAGE_LIMIT} characters, else its first part and its length. */
    static String shown(String message) {
        return message.length() <= MESSAGE_LIMIT ? message : message.substring(0, cut(message, SHOWN_OF_MESSAGE))
                + "... (" + grouped(message.length()) + " characters)";
    }

    /** {@code n}, or one more where the {@code n}th character begins a pair (a code point is never cut in two). */
    private static int cut(String text, int n) {
        return Character.isHighSurrogate(text.charAt(n - 1)) ? n + 1 : n;
    }

    private static String grouped(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT).format(n);
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
