package dev.enisim.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Outputs do not depend on the JVM's default locale (a German one writes 1.200 for 1,200 and 4,97 for 4.97): every
 * call that formats numbers or changes case names its locale. {@code String.format}, {@code printf} and
 * {@code formatted} take {@code Locale.ROOT} first; {@code NumberFormat}, {@code DecimalFormatSymbols} and
 * JFreeChart's tick units are asked for a locale; a {@code DecimalFormat} is given its symbols; a chart's tick labels
 * come from {@code RootTickUnits}, not from {@code NumberAxis.createIntegerTickUnits()} or a bare
 * {@code NumberTickUnit(size)}.
 */
class LocaleTest {

    /** Each pattern: a call that uses the default locale. */
    private static final List<Pattern> DEFAULT_LOCALE = List.of(
            Pattern.compile("String\\.format\\(\\s*+(?!java\\.util\\.Locale\\.|Locale\\.)"),
            Pattern.compile("\\.printf\\(\\s*+(?!java\\.util\\.Locale\\.|Locale\\.)"),
            Pattern.compile("\\.formatted\\("),
            Pattern.compile("\\bnew (?:java\\.util\\.)?Formatter\\(\\s*\\)"),
            Pattern.compile("NumberFormat\\.get\\w*Instance\\(\\s*\\)"),
            Pattern.compile("DecimalFormatSymbols\\.getInstance\\(\\s*\\)"),
            Pattern.compile("new (?:java\\.text\\.)?DecimalFormat\\(\\s*\"[^\"]*\"\\s*\\)"),
            Pattern.compile("create(?:Integer|Standard)TickUnits\\(\\s*\\)"),
            Pattern.compile("new (?:org\\.jfree\\.chart\\.axis\\.)?NumberTickUnit\\(\\s*[^,()]+\\)"),
            Pattern.compile("\\.to(?:Upper|Lower)Case\\(\\s*\\)"));

    @Test
    void everyFormatNamesItsLocale() throws IOException {
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/dev/enisim");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                violations.addAll(defaultLocale(root.relativize(f).toString(), Files.readString(f)));
            }
        }
        assertTrue(violations.isEmpty(), "formatted with the JVM's default locale (name Locale.ROOT):\n"
                + String.join("\n", violations));
    }

    /** The locale check itself sees each kind of call that uses the default locale (so the test above can fail). */
    @Test
    void theLocaleCheckSeesADefaultLocale() {
        for (String call : List.of("String.format(\"%,d\", n)", "String.format(\n    \"%.2f\", x)",
                "out.printf(\"%d%n\", n)", "\"%d\".formatted(n)", "NumberFormat.getInstance()",
                "NumberFormat.getIntegerInstance()", "DecimalFormatSymbols.getInstance()",
                "new DecimalFormat(\"#,##0\")", "NumberAxis.createIntegerTickUnits()",
                "new org.jfree.chart.axis.NumberTickUnit(0.1)", "name.toLowerCase()")) {
            assertEquals(1, defaultLocale("X.java", "class X { void f() { " + call + "; } }").size(), call);
        }
        assertEquals(List.of(), defaultLocale("Y.java", "class Y { void f() {"
                + " String.format(java.util.Locale.ROOT, \"%,d\", n); String.format(Locale.ROOT, \"%d\", n);"
                + " out.printf(\n java.util.Locale.ROOT, \"%d\", n); NumberFormat.getIntegerInstance(Locale.ROOT);"
                + " new DecimalFormat(\"#,##0\", DecimalFormatSymbols.getInstance(Locale.ROOT));"
                + " NumberAxis.createIntegerTickUnits(Locale.ROOT); new NumberTickUnit(0.1, f);"
                + " s.toLowerCase(Locale.ROOT); // String.format(\"%d\", n) in a comment\n } }"));
    }

    /** The calls in {@code code} (comments left out) that format with the default locale, one line each. */
    private static List<String> defaultLocale(String file, String code) {
        String text = code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        List<String> out = new ArrayList<>();
        for (Pattern p : DEFAULT_LOCALE) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                out.add(file + ":" + line + ": " + m.group().strip());
            }
        }
        return out;
    }
}
