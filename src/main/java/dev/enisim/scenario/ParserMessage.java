package dev.enisim.scenario;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON or YAML parser's complaint said as enisim's own one line: Jackson's message names its internals (a nesting
 * past its limit said "from `StreamReadConstraints.getMaxNestingDepth()`", a truncated file "[Source: REDACTED
 * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]"). Its "Source:" and "(through
 * reference chain ...)" parts are dropped, a location kept as "line L, column C", and the commonest complaints
 * reworded.
 */
public final class ParserMessage {

    private ParserMessage() {
    }

    private static final Pattern DEPTH = Pattern.compile(
            "Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*");
    private static final Pattern LIMIT = Pattern.compile(
            "(String value|Number value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*");
    private static final Pattern END_IN = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Object|Array)(.*)", Pattern.DOTALL);
    private static final Pattern END_STRING = Pattern.compile(
            "Unexpected end-of-input:? (was expecting closing quote for a string value|in a String value|in field name).*",
            Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile(
            "\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*;\\s*line: (\\d+), column: (\\d+)\\]");
    private static final Pattern SOURCE_BARE = Pattern.compile("\\s*\\[Source: [^\\]]*\\]");
    private static final Pattern CHAIN = Pattern.compile("\\s*\\(through reference chain[^)]*\\)");
    private static final Pattern INTERNAL = Pattern.compile(",?\\s*from `[^`]*`");
    /** SnakeYAML's own limits, as a template, plan or rules file read by it said them. */
    private static final Pattern YAML_DEPTH = Pattern.compile("Nesting Depth exceeded max (\\d+).*", Pattern.DOTALL);
    private static final Pattern YAML_ALIASES = Pattern.compile(
            "Number of aliases for non-scalar nodes exceeds the specified max=(\\d+).*", Pattern.DOTALL);
    private static final Pattern YAML_CODE_POINTS = Pattern.compile(
            "The incoming YAML document exceeds the limit: (\\d+) code points.*", Pattern.DOTALL);

    /** {@code message} (a parser's, maybe on several lines) as one plain line. */
    public static String clean(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        Matcher depth = DEPTH.matcher(m);
        if (depth.lookingAt()) {
            return "nested deeper than " + grouped(Long.parseLong(depth.group(2))) + " levels";
        }
        Matcher yamlDepth = YAML_DEPTH.matcher(m);
        if (yamlDepth.lookingAt()) {
            return "nested deeper than " + grouped(Long.parseLong(yamlDepth.group(1))) + " levels";
        }
        Matcher aliases = YAML_ALIASES.matcher(m);
        if (aliases.lookingAt()) {
            return "more than " + grouped(Long.parseLong(aliases.group(1))) + " aliases (*name) to lists or maps";
        }
        Matcher codePoints = YAML_CODE_POINTS.matcher(m);
        if (codePoints.lookingAt()) {
            return "longer than " + grouped(Long.parseLong(codePoints.group(1))) + " characters";
        }
        Matcher limit = LIMIT.matcher(m);
        if (limit.lookingAt()) {
            String what = switch (limit.group(1)) {
                case "String value" -> "a text";
                case "Number value" -> "a number";
                default -> "a key";
            };
            return what + " longer than " + grouped(Long.parseLong(limit.group(3))) + " characters";
        }
        Matcher endIn = END_IN.matcher(m);
        if (endIn.lookingAt()) {
            Matcher at = SOURCE.matcher(endIn.group(2));
            return "the file ends inside " + (endIn.group(1).equals("Object") ? "an object" : "a list")
                    + (at.find() ? " (opened at line " + at.group(1) + ", column " + at.group(2) + ")" : "");
        }
        if (END_STRING.matcher(m).lookingAt()) {
            return "the file ends inside a quoted text";
        }
        m = SOURCE.matcher(m).replaceAll("line $1, column $2");
        m = SOURCE_BARE.matcher(m).replaceAll("");
        m = CHAIN.matcher(m).replaceAll("");
        m = INTERNAL.matcher(m).replaceAll("");
        return String.join(" ", m.strip().split("\\s*\\n\\s*"));
    }

    private static String grouped(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }
}
