package dev.enisim.scenario;

import dev.enisim.workload.ArrivalSpec;

/** Reads a function's {@code arrivals}: {@code {poisson: RATE}}, {@code {constant: RATE}} or {@code {none: true}}. */
final class Arrivals {

    private static final String[] KINDS = {"poisson", "constant", "none"};

    private Arrivals() {
    }

    static ArrivalSpec read(Fields fn) {
        if (!fn.has("arrivals")) {
            fn.problem("arrivals", "is required, e.g. {poisson: 50/s}");
            return null;
        }
        Fields f = fn.object("arrivals");
        if (f == null) {
            return null;
        }
        f.allowOnly("poisson", "constant", "none", "from", "until");
        int kinds = 0;
        for (String k : KINDS) {
            kinds += f.has(k) ? 1 : 0;
        }
        if (kinds != 1) {
            f.problem("expected exactly one of poisson: RATE, constant: RATE or none: true");
            return null;
        }
        long from = f.duration("from", 0);
        long until = f.duration("until", Long.MAX_VALUE);
        if (until <= from) {
            f.problem("until", "must be after from");
            return null;
        }
        if (f.has("none")) {
            return new ArrivalSpec.None();
        }
        String kind = f.has("poisson") ? "poisson" : "constant";
        double rate = f.rate(kind);
        if (Double.isNaN(rate)) {
            return null;
        }
        return kind.equals("poisson") ? new ArrivalSpec.Poisson(rate, from, until)
                : new ArrivalSpec.Constant(rate, from, until);
    }
}
