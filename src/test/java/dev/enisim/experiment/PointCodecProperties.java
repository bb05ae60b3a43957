package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A point's result line decodes to the same point: its index, its values in their order, every statistic to the
 * same bits (NaN, infinities and -0.0 included) and its problem. A line that is not a whole result decodes to null.
 */
class PointCodecProperties {

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2));
    }

    @Provide
    Arbitrary<Sweep.Point> points() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<MetricStats> stats = Combinators.combine(Arbitraries.longs().between(0, 1000), doubles(), doubles(),
                doubles(), doubles()).as(MetricStats::new);
        Arbitrary<Map<String, String>> values = Arbitraries.maps(text, text).ofMaxSize(4).map(LinkedHashMap::new);
        Arbitrary<Map<String, MetricStats>> metrics = Arbitraries.maps(text, stats).ofMaxSize(4)
                .map(LinkedHashMap::new);
        return Combinators.combine(values, metrics, text.injectNull(0.5)).as(Sweep.Point::new);
    }

    @Property(tries = 300)
    void aLineDecodesToTheSamePoint(@ForAll("points") Sweep.Point p, @ForAll int index) {
        PointCodec.Indexed back = PointCodec.decode(PointCodec.encode(index, p));
        assertEquals(index, back.index());
        assertEquals(p, back.point(), "records compare doubles bit for bit");
        assertEquals(List.copyOf(p.values().keySet()), List.copyOf(back.point().values().keySet()), "in order");
        assertEquals(List.copyOf(p.metrics().keySet()), List.copyOf(back.point().metrics().keySet()));
    }

    @Example
    void aLineMissingAPartIsNotAResult() {
        String whole = PointCodec.encode(3, new Sweep.Point(Map.of("x", "1"), Map.of(), null));
        assertEquals("{\"i\":3,\"values\":{\"x\":\"1\"},\"metrics\":{},\"problem\":null}", whole);
        for (String part : new String[] {"\"i\":3,", "\"values\":{\"x\":\"1\"},", "\"metrics\":{},",
            ",\"problem\":null"}) {
            assertNull(PointCodec.decode(whole.replace(part, "")), part);
        }
        assertNull(PointCodec.decode(""));
        assertNull(PointCodec.decode("{\"i\":3,\"val"));
    }
}
