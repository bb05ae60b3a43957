package dev.enisim.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Layout;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The help of every command, wrapped between words only. picocli wraps its columns where
 * {@link java.text.BreakIterator#getLineInstance()} allows a break, and the JDK's line rules allow one after every
 * '.' followed by a letter: {@code check --help} printed "DIR/&lt;scenario name&gt;." and "summary.json" on two
 * lines, and ".gitlab-ci.yml" as "." and "gitlab-ci.yml" (picocli guards '-' the same way for itself, not '.').
 * Here each table of the help keeps a '.' followed by a letter or digit as a private-use character while it wraps
 * (a letter to the BreakIterator, one column wide) and puts the '.' back in what it prints: a file name, a dotted
 * path ({@code enis.peak}) or "e.g." moves to the next line whole. Sentences still break after their full stop
 * and its space.
 */
final class WholeWordsHelp extends CommandLine.Help {

    /** The factory every command's help comes from ({@link Main#execute}). */
    static final CommandLine.IHelpFactory FACTORY = WholeWordsHelp::new;

    /** What a '.' inside a word is while a table wraps: a private-use character, never in enisim's own text. */
    static final char KEPT_DOT = '\uE000';

    private WholeWordsHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    /** The options' and parameters' table: picocli's columns, wrapped between words. */
    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
            ColorScheme scheme) {
        Layout layout = super.createDefaultLayout(options, positionals, scheme);
        return new Layout(scheme, Table.like(layout.textTable(), scheme), layout.optionRenderer(),
                layout.parameterRenderer());
    }

    @Override
    public String description(Object... params) {
        return join(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return join(commandSpec().usageMessage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return join(commandSpec().usageMessage().footer(), params);
    }

    /** picocli's {@code Help.join}: one column as wide as the help, a row per line given, nothing indented. */
    private String join(String[] lines, Object... params) {
        if (lines == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Table table = new Table(colorScheme(), new Column(width(), 0, Column.Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        table.indentWrappedLines = 0;
        for (String line : lines) {
            table.addRowValues(format(line, params));
        }
        return table.toString(out).toString();
    }

    /** The list of subcommands: picocli's two columns (name, first line of its header or description). */
    @Override
    public String commandList(Map<String, CommandLine.Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int nameWidth = Math.min(maxLength(subcommands.keySet()), width() / 2);
        Table table = new Table(colorScheme(), new Column(nameWidth + 2, 2, Column.Overflow.SPAN),
                new Column(width() - (nameWidth + 2), 2, Column.Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        for (Map.Entry<String, CommandLine.Help> entry : subcommands.entrySet()) {
            CommandLine.Help help = entry.getValue();
            CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
            String description = !isEmpty(usage.header()) ? usage.header()[0]
                    : !isEmpty(usage.description()) ? usage.description()[0] : "";
            Text[] lines = colorScheme().text(format(description)).splitLines();
            for (int i = 0; i < lines.length; i++) {
                table.addRowValues(i == 0 ? help.commandNamesText(", ") : colorScheme().text(""),
                        lines[i]);
            }
        }
        return table.toString();
    }

    private static boolean isEmpty(String[] lines) {
        return lines == null || lines.length == 0;
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }

    private static int maxLength(java.util.Collection<String> names) {
        int max = 0;
        for (String name : names) {
            max = Math.max(max, name.length());
        }
        return max;
    }

    /** picocli's formatting of a help line: {@code %n} and the like, the line as given if it is no format. */
    private static String format(String line, Object... params) {
        if (line == null) {
            return "";
        }
        try {
            return String.format(java.util.Locale.ROOT, line, params);
        } catch (java.util.IllegalFormatException e) {
            return line;
        }
    }

    /** A text table that wraps a '.' inside a word as part of the word. */
    static final class Table extends TextTable {

        private final ColorScheme scheme;

        Table(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        /** A table with the columns and settings of picocli's own. */
        static Table like(TextTable picocli, ColorScheme scheme) {
            Table table = new Table(scheme, picocli.columns());
            table.setAdjustLineBreaksForWideCJKCharacters(picocli.isAdjustLineBreaksForWideCJKCharacters());
            table.indentWrappedLines = picocli.indentWrappedLines;
            return table;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            return super.putValue(row, col, keepDots(value, scheme));
        }

        @Override
        public StringBuilder toString(StringBuilder out) {
            int from = out.length();
            super.toString(out);
            for (int i = from; i < out.length(); i++) {
                if (out.charAt(i) == KEPT_DOT) {
                    out.setCharAt(i, '.');
                }
            }
            return out;
        }
    }

    /**
     * The text with each '.' (or run of dots) followed by a letter, digit or '_' replaced by {@link #KEPT_DOT},
     * its styles kept.
     */
    static Text keepDots(Text value, ColorScheme scheme) {
        String plain = value.plainString();
        int n = plain.length();
        Text kept = null;
        int copied = 0;
        for (int i = 0; i < n; i++) {
            if (plain.charAt(i) != '.') {
                continue;
            }
            int end = i;
            while (end < n && plain.charAt(end) == '.') {
                end++;
            }
            if (end < n && isWordChar(plain.charAt(end))) {
                Text dots = scheme.text(String.valueOf(KEPT_DOT).repeat(end - i));
                kept = (kept == null ? value.substring(0, i) : kept.concat(value.substring(copied, i))).concat(dots);
                copied = end;
            }
            i = end - 1;
        }
        return kept == null ? value : kept.concat(value.substring(copied, n));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
