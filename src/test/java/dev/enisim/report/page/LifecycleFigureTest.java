package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The state timeline on the page: inline and scaled when small enough, linked when large, absent without one. */
class LifecycleFigureTest {

    private static final String SVG = "<?xml version=\"1.0\"?>\n<svg xmlns='http://www.w3.org/2000/svg' "
            + "width='1000.0' height='428.0'><rect/></svg>";

    @Test
    void aTimelineIsDrawnInlineWithItsSizeAsTheViewBox() {
        String html = Page.lifecycleFigure(SVG.getBytes(StandardCharsets.UTF_8));
        assertTrue(html.startsWith("<section id=\"lifecycle\">"), html);
        assertTrue(html.contains("<svg class=\"lifecycle-svg\""), html);
        assertTrue(html.contains("viewBox='0 0 1000.0 428.0'"), html);
        assertFalse(html.contains("width='1000.0'"), "scaled by the page's CSS, not fixed: " + html);
        assertFalse(html.contains("<?xml"), "no XML declaration inside HTML");
    }

    @Test
    void aLargeTimelineIsLinkedAndNoneGivesNothing() {
        String big = SVG.replace("<rect/>", "<rect/>".repeat(Page.MAX_INLINE_SVG_CHARS / 7 + 1));
        String html = Page.lifecycleFigure(big.getBytes(StandardCharsets.UTF_8));
        assertFalse(html.contains("<svg"), "not inline");
        assertTrue(html.contains("<a href=\"charts/timeline.svg\">"), html);
        assertEquals("", Page.lifecycleFigure(null));
    }
}
