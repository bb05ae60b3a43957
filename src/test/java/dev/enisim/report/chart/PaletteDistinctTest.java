package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A teacher's review, C4: near-identical colours among the eight series of shared-eni-65k's "Execution environments"
 * (svc-06 and svc-03 two blues, #1565C0 and #5D8FC9, 15.5 apart in CIEDE2000; svc-12 and svc-14 two teals, #01665E
 * and #009E73, 22.2), and the functions past the palette's ten coloured chart by chart, so one could change colour
 * from one chart to the next. Any two series colours are at least {@value Palette#APART} apart in CIEDE2000 (CIE
 * Lab, D65), and {@value Palette#APART_FROM_LINES} from the other lines a chart draws; on a page, a function or a key
 * has one colour in every chart, and the named series of each chart are all apart.
 */
class PaletteDistinctTest {

    /** CIE L*a*b* (D65) of {@code #RRGGBB}. */
    static double[] lab(String hex) {
        java.awt.Color c = java.awt.Color.decode(hex);
        double r = Palette.linear(c.getRed());
        double g = Palette.linear(c.getGreen());
        double b = Palette.linear(c.getBlue());
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIEDE2000 (Sharma, Wu and Dalal 2005), kL = kC = kH = 1. */
    static double ciede2000(double[] p, double[] q) {
        double c1 = Math.hypot(p[1], p[2]);
        double c2 = Math.hypot(q[1], q[2]);
        double cb7 = Math.pow((c1 + c2) / 2, 7);
        double g = 0.5 * (1 - Math.sqrt(cb7 / (cb7 + Math.pow(25, 7))));
        double a1 = (1 + g) * p[1];
        double a2 = (1 + g) * q[1];
        double c1p = Math.hypot(a1, p[2]);
        double c2p = Math.hypot(a2, q[2]);
        double h1 = c1p == 0 ? 0 : (Math.toDegrees(Math.atan2(p[2], a1)) + 360) % 360;
        double h2 = c2p == 0 ? 0 : (Math.toDegrees(Math.atan2(q[2], a2)) + 360) % 360;
        double dl = q[0] - p[0];
        double dc = c2p - c1p;
        double dh = 0;
        if (c1p * c2p != 0) {
            dh = h2 - h1;
            dh = dh > 180 ? dh - 360 : dh < -180 ? dh + 360 : dh;
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lb = (p[0] + q[0]) / 2;
        double cbp = (c1p + c2p) / 2;
        double hb = c1p * c2p == 0 ? h1 + h2 : Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360
                ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hb - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hb))
                + 0.32 * Math.cos(Math.toRadians(3 * hb + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hb - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hb - 275) / 25, 2));
        double cbp7 = Math.pow(cbp, 7);
        double rc = 2 * Math.sqrt(cbp7 / (cbp7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lb - 50, 2) / Math.sqrt(20 + Math.pow(lb - 50, 2));
        double sc = 1 + 0.045 * cbp;
        double sh = 1 + 0.015 * cbp * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(Math.pow(dl / sl, 2) + Math.pow(dc / sc, 2) + Math.pow(dH / sh, 2) + rt * (dc / sc) * (dH / sh));
    }

    static double apart(String a, String b) {
        return ciede2000(lab(a), lab(b));
    }

    /** Sharma et al.'s test data, pairs 1, 7 and 17: the formula as published. */
    @Test
    void ciede2000IsThePublishedFormula() {
        assertEquals(2.0425, ciede2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}), 1e-4);
        assertEquals(2.3669, ciede2000(new double[] {50, 0, 0}, new double[] {50, -1, 2}), 1e-4);
        assertEquals(27.1492, ciede2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}), 1e-4);
    }

    @Test
    void anyTwoSeriesColoursAreApart() {
        List<String> near = new ArrayList<>();
        String[] s = Palette.SERIES;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < i; j++) {
                if (apart(s[i], s[j]) < Palette.APART) {
                    near.add(s[j] + " and " + s[i] + ": " + Math.round(apart(s[i], s[j]) * 10) / 10.0);
                }
            }
            for (String line : List.of(Palette.OTHERS, Palette.TOTAL, Palette.STATES.get("Failed"), Palette.THROTTLES)) {
                if (apart(s[i], line) < Palette.APART_FROM_LINES) {
                    near.add(s[i] + " and the line " + line + ": " + Math.round(apart(s[i], line) * 10) / 10.0);
                }
            }
        }
        assertEquals(List.of(), near, "series colours nearer than " + Palette.APART + " (CIEDE2000)");
    }

    /**
     * The extra colours, used only where no colouring from the ten keeps a chart file's series apart: each 3:1 on
     * white, {@value Palette#APART_EXTRA} from every series colour and every other extra, {@value
     * Palette#APART_FROM_LINES} from the other lines, and dashed, each with a dash of its own.
     */
    @Test
    void theExtraColoursAreApartFromTheTenAndEachOther() {
        List<String> near = new ArrayList<>();
        List<String> dashes = new ArrayList<>();
        for (String s : Palette.SERIES) {
            dashes.add(java.util.Arrays.toString(Palette.dash(s)));
        }
        String[] e = Palette.EXTRA;
        for (int i = 0; i < e.length; i++) {
            List<String> others = new ArrayList<>(List.of(Palette.SERIES));
            others.addAll(List.of(e).subList(0, i));
            for (String o : others) {
                if (apart(e[i], o) < Palette.APART_EXTRA) {
                    near.add(e[i] + " and " + o + ": " + Math.round(apart(e[i], o) * 10) / 10.0);
                }
            }
            for (String line : List.of(Palette.OTHERS, Palette.TOTAL, Palette.STATES.get("Failed"), Palette.THROTTLES)) {
                if (apart(e[i], line) < Palette.APART_FROM_LINES) {
                    near.add(e[i] + " and the line " + line + ": " + Math.round(apart(e[i], line) * 10) / 10.0);
                }
            }
            if (Palette.contrast(e[i], "#FFFFFF") < 3) {
                near.add(e[i] + " on white: " + Palette.contrast(e[i], "#FFFFFF"));
            }
            float[] dash = Palette.dash(e[i]);
            if (dash == null || dashes.contains(java.util.Arrays.toString(dash))) {
                near.add(e[i] + ": no dash of its own");
            }
            dashes.add(java.util.Arrays.toString(dash));
        }
        assertTrue(e.length >= 2, "shared-eni-65k needs two");
        assertEquals(List.of(), near);
    }

    /**
     * On shared-eni-65k's page (20 functions, eight of them per chart) and quota-500's (110 functions): a function or
     * key has one colour on the page, and the named series of each chart are all apart.
     */
    @Test
    void aPagesSeriesKeepTheirColourAndEachChartsAreApart() throws Exception {
        for (String scenario : List.of("shared-eni-65k", "quota-500", "quickstart")) {
            JsonNode charts = TeacherChartsTest.pageCharts(TeacherChartsTest.run(scenario)).get("charts");
            Map<String, String> colour = new HashMap<>();
            int checked = 0;
            for (JsonNode c : charts) {
                if (c.get("id").asText().equals("latency")) { // percentiles, as latency.png
                    continue;
                }
                Map<String, String> here = new HashMap<>();
                for (JsonNode x : c.get("series")) {
                    String scope = x.get("scope").asText();
                    if (!scope.equals("function") && !scope.equals("eniKey")) {
                        continue;
                    }
                    String name = scope + "/" + x.get("id").asText();
                    String col = x.get("color").asText();
                    String before = colour.putIfAbsent(name, col);
                    assertEquals(before == null ? col : before, col, scenario + " " + c.get("id").asText() + ": "
                            + name + "'s colour on the page");
                    here.put(name, col);
                }
                List<String> names = new ArrayList<>(here.keySet());
                for (int i = 0; i < names.size(); i++) {
                    for (int j = 0; j < i; j++) {
                        double d = apart(here.get(names.get(i)), here.get(names.get(j)));
                        assertTrue(d >= Palette.APART, scenario + " " + c.get("id").asText() + ": " + names.get(i)
                                + " " + here.get(names.get(i)) + " and " + names.get(j) + " " + here.get(names.get(j))
                                + " only " + Math.round(d) + " apart");
                        checked++;
                    }
                }
            }
            assertTrue(checked > 0 || !scenario.equals("shared-eni-65k"), scenario + ": pairs checked");
        }
    }
}
