package dev.enisim.report;

/**
 * The words every output whose figures are computed after a warm-up ({@code --warm-up}) says it with, made here only:
 * the run's page and terminal, compare's, sweep's and sensitivity's pages and terminals, and {@code run
 * --replications}' terminal table. The sensitivity page and the replicated run said nothing, so their figures read as
 * the whole runs'; the others each had a copy of their own. Not escaped: a duration and words.
 */
public final class WarmUpWords {

    private WarmUpWords() {
    }

    /** One run's: "statistics after a 10m warm-up (--warm-up)"; {@code warmUp} as said ("10m", "00:10:00"). */
    public static String statistics(String warmUp) {
        return "statistics after a " + warmUp.trim() + " warm-up (--warm-up)";
    }

    /** Several runs' (an experiment's points, compare's sides, replications): "... (--warm-up) in every run". */
    public static String everyRun(String warmUp) {
        return statistics(warmUp) + " in every run";
    }

    /** {@code words} opening a line or a sentence: "Statistics after a 10m warm-up (--warm-up) in every run". */
    public static String opening(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
