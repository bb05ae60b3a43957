package dev.enisim.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Folds a Markdown paragraph or list item at spaces so that its lines fit {@link #WIDTH} columns, as a soft line
 * break renders as a space: a code span ({@code `--replications N`}), a link and a word are never split, and no
 * line after the first starts with what would begin another block (a list marker, a heading, a quote, HTML, a
 * thematic break or a fence) or follows a line ending in a backslash (a hard break). A word longer than the width
 * stays whole on its own line. Table rows and headings are not folded (a row is one line; a heading too).
 */
public final class Fold {

    /** Columns of a folded line: under GitHub's comment column, where a newline stays a line break. */
    static final int WIDTH = 100;

    /** What a line must not start with: it would open a block instead of continuing the paragraph. */
    private static final Pattern BLOCK_START = Pattern.compile("[-+*#>=<|~_]|`{3}|\\d{1,9}[.)]");

    private Fold() {
    }

    /**
     * A gate.md as the gate writes it: each paragraph and list item ({@code "- "}) folded, its other lines (table
     * rows, headings, the marker comment, blank lines) as they are. {@link Gate.Verdict#markdown()} keeps one line a
     * paragraph; the file is this.
     */
    public static String markdown(String md) {
        StringBuilder out = new StringBuilder();
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("- ")) {
                out.append(fold(line, "  "));
            } else if (line.isBlank() || line.startsWith("|") || line.startsWith("#") || line.startsWith("<!--")
                    || line.startsWith(" ")) {
                out.append(line);
            } else {
                out.append(fold(line, ""));
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /**
     * {@code text} (one line) folded; lines after the first start with {@code indent} (two spaces under a
     * {@code "- "} item, so that they stay in it).
     */
    static String fold(String text, String indent) {
        List<String> words = words(text);
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            boolean first = out.isEmpty();
            int margin = first ? 0 : indent.length();
            if (line.length() > 0 && margin + line.length() + 1 + w.length() > WIDTH && safeStart(w)
                    && line.charAt(line.length() - 1) != '\\') {
                out.append(first ? "" : indent).append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        out.append(out.isEmpty() ? "" : indent).append(line);
        return out.toString();
    }

    private static boolean safeStart(String word) {
        return !BLOCK_START.matcher(word).lookingAt();
    }

    /**
     * The text's words at single spaces, a code span ({@code `a b`}) or a link ({@code [a b](c)}) one word with
     * what is attached to it; runs of spaces kept inside a word (a folded line must read as the line did).
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') { // a code span: to the next run of as many backticks, whole
                int n = run(text, i, '`');
                int close = text.indexOf("`".repeat(n), i + n);
                while (close >= 0 && run(text, close, '`') != n) {
                    close = text.indexOf("`".repeat(n), close + run(text, close, '`'));
                }
                int end = close < 0 ? i + n : close + n;
                w.append(text, i, end);
                i = end;
            } else if (c == '[' && link(text, i) > 0) {
                int end = link(text, i);
                w.append(text, i, end);
                i = end;
            } else if (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) != ' ' && w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
                i++;
            } else {
                w.append(c);
                i++;
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static int run(String text, int from, char c) {
        int n = 0;
        while (from + n < text.length() && text.charAt(from + n) == c) {
            n++;
        }
        return n;
    }

    /** The end of a link {@code [text](target)} starting at {@code at}, else -1. */
    private static int link(String text, int at) {
        int close = text.indexOf("](", at);
        if (close < 0 || text.indexOf('\n', at) >= 0 && text.indexOf('\n', at) < close) {
            return -1;
        }
        int end = text.indexOf(')', close);
        return end < 0 ? -1 : end + 1;
    }
}
