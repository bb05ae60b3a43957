package dev.enisim.report.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * JFreeChart's tick sizes (1, 2, 5 x 10^n, the {@link NumberTickUnitSource} a {@code NumberAxis} has by default) with
 * its labels' patterns, but written with {@link Locale#ROOT}'s digits and separators: the library's own source formats
 * with the JVM's default locale, so a German default drew "1.000" where a chart must say "1,000" whatever the machine.
 */
public final class RootTickUnits implements TickUnitSource {
    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private final NumberTickUnitSource sizes;
    // the library's patterns by power of ten (NumberTickUnitSource.getTickLabelFormat), one instance per axis
    private final DecimalFormat neg4 = new DecimalFormat("0.0000", ROOT);
    private final DecimalFormat neg3 = new DecimalFormat("0.000", ROOT);
    private final DecimalFormat neg2 = new DecimalFormat("0.00", ROOT);
    private final DecimalFormat neg1 = new DecimalFormat("0.0", ROOT);
    private final DecimalFormat whole = new DecimalFormat("#,##0", ROOT);
    private final DecimalFormat other = new DecimalFormat("#.######E0", ROOT);

    private RootTickUnits(boolean integers) {
        sizes = new NumberTickUnitSource(integers);
    }

    /** Any tick size, as {@code NumberAxis}'s default. */
    public static TickUnitSource standard() {
        return new RootTickUnits(false);
    }

    /** Whole-number tick sizes only, as {@code NumberAxis.createIntegerTickUnits()}. */
    public static TickUnitSource integers() {
        return new RootTickUnits(true);
    }

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        // the library's own step compares units with their formats, which differ here: by size instead
        TickUnit t = sizes.getCeilingTickUnit(unit.getSize());
        return rooted(t.getSize() > unit.getSize() ? t : sizes.getCeilingTickUnit(Math.nextUp(t.getSize())));
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return rooted(sizes.getCeilingTickUnit(unit));
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        return rooted(sizes.getCeilingTickUnit(size));
    }

    private TickUnit rooted(TickUnit u) {
        return new NumberTickUnit(u.getSize(), format(u.getSize()), u.getMinorTickCount());
    }

    /** The pattern the library picks for a size of 1, 2 or 5 x 10^power. */
    NumberFormat format(double size) {
        int power = (int) Math.floor(Math.log10(size) + 1e-9);
        return switch (power) {
            case -4 -> neg4;
            case -3 -> neg3;
            case -2 -> neg2;
            case -1 -> neg1;
            default -> power >= 0 && power <= 6 ? whole : other;
        };
    }
}
