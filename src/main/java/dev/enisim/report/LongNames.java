package dev.enisim.report;

/**
 * A long name (a metric's dotted path, a value's path, an exception's CamelCase name) as HTML that a narrow cell
 * breaks where a reader would: after a dot, an underscore or a plus, before a bracket and at a CamelCase hump
 * ({@code <wbr/>} there, XHTML-parsable as the pages are). Its text (the DOM's textContent) is the name as it is.
 * report.css's {@code overflow-wrap:anywhere} broke such names at whatever letter reached the cell's edge:
 * "ResourceConflictExceptio" over "n" on a phone.
 */
public final class LongNames {

    private LongNames() {
    }

    /** {@code name} escaped for HTML, {@code <wbr/>} where it may break. */
    public static String html(String name) {
        StringBuilder b = new StringBuilder(name.length() + 32);
        int from = 0;
        for (int i = 1; i < name.length(); i++) {
            char prev = name.charAt(i - 1);
            char c = name.charAt(i);
            if (prev == '.' || prev == '_' || prev == '+' || c == '['
                    || Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                b.append(HtmlReport.esc(name.substring(from, i))).append("<wbr/>");
                from = i;
            }
        }
        return b.append(HtmlReport.esc(name.substring(from))).toString();
    }
}
