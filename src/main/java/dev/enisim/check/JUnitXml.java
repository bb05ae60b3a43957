package dev.enisim.check;

import java.util.List;

/**
 * The JUnit XML report CI systems read: one {@code testsuite} per scenario, one {@code testcase} per assertion,
 * a {@code failure} element with expected and actual when it fails. No timestamps: the same results give the
 * same bytes.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static String render(List<Checker.ScenarioCheck> checks) {
        int tests = 0;
        int failures = 0;
        for (Checker.ScenarioCheck c : checks) {
            tests += c.results().size();
            failures += (int) c.results().stream().filter(r -> !r.passed()).count();
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"enisim check\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\">\n");
        for (Checker.ScenarioCheck c : checks) {
            long failed = c.results().stream().filter(r -> !r.passed()).count();
            b.append("  <testsuite name=\"").append(esc(c.name())).append("\" tests=\"")
                    .append(c.results().size()).append("\" failures=\"").append(failed).append("\" errors=\"0\">\n");
            b.append("    <properties><property name=\"file\" value=\"").append(esc(c.file()))
                    .append("\"/><property name=\"replications\" value=\"").append(c.replications())
                    .append("\"/></properties>\n");
            for (Checker.Result r : c.results()) {
                b.append("    <testcase classname=\"").append(esc(c.name())).append("\" name=\"")
                        .append(esc(r.expectation().text())).append("\"");
                if (r.passed()) {
                    b.append("/>\n");
                } else {
                    b.append(">\n      <failure message=\"expected ").append(esc(r.expectation().text()))
                            .append(", actual ").append(esc(r.actual())).append("\" type=\"AssertionFailure\">")
                            .append("expected: ").append(esc(r.expectation().text())).append("\nactual: ")
                            .append(esc(r.actual())).append("</failure>\n    </testcase>\n");
                }
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
