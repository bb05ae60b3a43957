package dev.enisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the scenario's {@code prices:} (every field optional, defaulting to {@link PriceTable#DEFAULT}). */
final class PricesReader {

    private PricesReader() {
    }

    static PriceTable read(Fields root) {
        Fields f = root.object("prices");
        PriceTable d = PriceTable.DEFAULT;
        if (f == null) {
            return d;
        }
        f.allowOnly("region", "date", "perMillionRequests", "x86_64", "arm64", "billInit", "natGatewayPerHour",
                "natGatewayPerGb");
        boolean billInit = d.billInit();
        if (f.has("billInit")) {
            JsonNode b = f.json().get("billInit");
            if (b.isBoolean()) {
                billInit = b.asBoolean();
            } else {
                f.problem("billInit", "expected true (INIT billed, since 2025-08-01) or false, got "
                        + Fields.describe(b));
            }
        }
        return new PriceTable(f.text("region", d.region()), f.text("date", d.date()),
                price(f, "perMillionRequests", d.perMillionRequests()), rates(f, "x86_64", d.x86_64()),
                rates(f, "arm64", d.arm64()), billInit, price(f, "natGatewayPerHour", d.natGatewayPerHour()),
                price(f, "natGatewayPerGb", d.natGatewayPerGb()));
    }

    private static PriceTable.Rates rates(Fields root, String name, PriceTable.Rates d) {
        Fields f = root.object(name);
        if (f == null) {
            return d;
        }
        f.allowOnly("perGbSecond", "provisionedPerGbSecond", "provisionedDurationPerGbSecond");
        return new PriceTable.Rates(price(f, "perGbSecond", d.perGbSecond()),
                price(f, "provisionedPerGbSecond", d.provisionedPerGbSecond()),
                price(f, "provisionedDurationPerGbSecond", d.provisionedDurationPerGbSecond()));
    }

    /**
     * The highest price of any unit: far above every list price (a NAT gateway hour is $0.045), and low enough
     * that no cost can overflow (1e308 per million requests made the summary's cost "Infinity").
     */
    static final double MAX_PRICE = 1_000_000;

    /** A price in US dollars: a number from 0 to {@link #MAX_PRICE}. */
    private static double price(Fields f, String name, double dflt) {
        if (!f.has(name)) {
            return dflt;
        }
        JsonNode n = f.json().get(name);
        if (!n.isNumber() || !(n.asDouble() >= 0 && n.asDouble() <= MAX_PRICE)) {
            f.problem(name, "expected a price in US dollars (a number from 0 to 1,000,000), got " + Fields.describe(n));
            return dflt;
        }
        return n.asDouble();
    }
}
