package dev.enisim.scenario;

import java.util.Collection;

/** "Did you mean ...?": the closest known name by edit distance, when it is close enough to be a typo. */
public final class Suggest {

    private Suggest() {
    }

    /**
     * The closest candidate within edit distance max(1, length / 3), or null. Short words get one edit at most,
     * and never a whole rewrite: 'g' is not a typo of 'f', nor 'zzz' of 'az'.
     */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        boolean close = bestDistance <= Math.max(1, word.length() / 3) && bestDistance < word.length();
        return close ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
