package dev.enisim.gate;

import java.util.Locale;

/** Figures as the gate's reports print them. */
final class Format {

    private Format() {
    }

    /** 75 -> "1m15s"; infinite -> "not done by the end of the run". */
    static String seconds(double s) {
        if (Double.isInfinite(s)) {
            return "not done by the end of the run";
        }
        long t = Math.round(s);
        if (t < 60) {
            return t + "s";
        }
        return t >= 3600 ? t / 3600 + "h" + (t % 3600) / 60 + "m" : t / 60 + "m" + (t % 60 == 0 ? "" : t % 60 + "s");
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }
}
