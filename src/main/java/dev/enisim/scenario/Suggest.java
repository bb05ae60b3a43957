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

    /**
     * AWS's own spelling of a field (Lambda's API FunctionConfiguration, CloudFormation's AWS::Lambda::Function, SAM's
     * AWS::Serverless::Function, EC2's subnets) and enisim's key of the same meaning, with what differs in
     * its value: a scenario written from a template named {@code MemorySize} and got only the list of allowed keys,
     * {@code memorysize} being no typo of {@code memoryMb}. A name whose key is not allowed where it stands suggests
     * nothing; the case does not matter ({@code memorySize} too).
     */
    private static final java.util.Map<String, String[]> AWS = awsNames(
            "MemorySize", "memoryMb", "the same number of MB",
            "Timeout", "timeout", "a number of seconds there, a duration here, e.g. 30s",
            "ReservedConcurrentExecutions", "reservedConcurrency", null,
            "ProvisionedConcurrentExecutions", "provisionedConcurrency", null,
            "ProvisionedConcurrencyConfig", "provisionedConcurrency", "its ProvisionedConcurrentExecutions, the number itself here, e.g. 10",
            "Architectures", "architecture", "a list of one there, the value itself here: x86_64 or arm64",
            "FunctionName", "name", null,
            "CidrBlock", "cidr", null,
            "Ipv6CidrBlock", "ipv6Cidr", null,
            "AvailabilityZone", "az", null,
            "MaximumEventAgeInSeconds", "maximumEventAge", "a number of seconds there, a duration here, e.g. 6h");

    private static java.util.Map<String, String[]> awsNames(String... triples) {
        java.util.Map<String, String[]> out = new java.util.HashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            out.put(triples[i].toLowerCase(java.util.Locale.ROOT), new String[] {triples[i], triples[i + 1],
                triples[i + 2]});
        }
        return out;
    }

    /**
     * The hint for an unknown key {@code word} among the {@code allowed} keys, or null: "did you mean 'memoryMb'?
     * (AWS's MemorySize; the same number of MB)" for AWS's own name of an allowed key, else the allowed key of the same
     * letters in another case, else the {@link #closest} one.
     */
    public static String key(String word, Collection<String> allowed) {
        String[] aws = AWS.get(word.toLowerCase(java.util.Locale.ROOT));
        if (aws != null && allowed.contains(aws[1])) {
            return "did you mean '" + aws[1] + "'? (AWS's " + aws[0] + (aws[2] == null ? "" : "; " + aws[2]) + ")";
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(word)) {
                return "did you mean '" + a + "'?";
            }
        }
        String close = closest(word, allowed);
        return close == null ? null : "did you mean '" + close + "'?";
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
