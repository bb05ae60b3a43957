package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A tab in the indentation is reported where it is, not at the end of the line before (as SnakeYAML places it). */
class TabIndentationTest {

    @Test
    void aTabIsReportedAtItsOwnLineAndColumn() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("name: t\nduration: 1h\nfunctions:\n  \t- name: a\n", "t.yaml"));
        assertEquals("malformed YAML/JSON at line 4, column 3: a tab in the indentation: YAML indents with spaces"
                + " only", e.problems().get(0).toString());
    }
}
