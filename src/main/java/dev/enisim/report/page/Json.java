package dev.enisim.report.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON helpers for the page's embedded data: insertion-ordered objects, compact and HTML-safe output. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode obj() {
        return F.objectNode();
    }

    static ArrayNode arr() {
        return F.arrayNode();
    }

    /**
     * Compact JSON that can sit inside a {@code <script>} element of a page that is also well-formed XML:
     * {@code <}, {@code >} and {@code &} are written as JSON escapes, so neither {@code </script>} nor an XML
     * entity can appear.
     */
    static String inScript(Object node) {
        try {
            return MAPPER.writeValueAsString(node).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
