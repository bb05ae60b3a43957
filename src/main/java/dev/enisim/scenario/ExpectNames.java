package dev.enisim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expect block's sentences that name a function, subnet or VPC the scenario does not have
 * ({@code functions.chekout.finalState}): a typo that no run can satisfy. Said by every command's warnings (run,
 * sweep and plan read no expect block, and said nothing), and by {@code check} before its runs. {@code validate} said
 * "ok" for such a path with a list element ({@code functions.chekout.transitions[0].state}), which its probe run
 * cannot tell, and {@code check} refused it only after the whole run (an SRE team's wish, session 49).
 */
public final class ExpectNames {

    /** A sentence's metric path: its first word, or what {@code mean(...)} / {@code ci(...)} holds. */
    private static final Pattern PATH = Pattern.compile("^\\s*(?:(?:mean|ci)\\(\\s*)?([^\\s()]+)");
    /** An ENI key's account, when the scenario has several: {@code 222222222222:subnet-a+[sg-app]}. */
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]+:");
    private static final int LISTED = 5;

    private ExpectNames() {
    }

    /** The problem of each sentence of {@code s.expect()} that names what the scenario lacks, by its index. */
    public static Map<Integer, String> problems(Scenario s) {
        Map<Integer, String> out = new LinkedHashMap<>();
        Names names = new Names(s);
        for (int i = 0; i < s.expect().size(); i++) {
            Matcher m = PATH.matcher(s.expect().get(i));
            if (!m.find()) {
                continue; // not a sentence: check says so
            }
            String said = names.problem(m.group(1));
            if (said != null) {
                out.put(i, said);
            }
        }
        return out;
    }

    /**
     * The problem of one metric {@code path} that names a function, subnet or VPC {@code s} lacks, or null: what
     * {@code check} and {@code validate} refuse before any run, in the words of {@link #problems} (by path, not by
     * index: an expect block with a broken sentence keeps only its sound ones, whose indexes are not the block's).
     */
    public static String problem(Scenario s, String path) {
        return new Names(s).problem(path);
    }

    /** The scenario's function, subnet and VPC names, and the problem of a path that names another. */
    private static final class Names {
        private final List<String> functions;
        private final List<String> subnets = new ArrayList<>();
        private final List<String> vpcs = new ArrayList<>();
        private final Scenario scenario;

        Names(Scenario s) {
            scenario = s;
            functions = s.functions().stream().map(Scenario.Function::name).toList();
            for (Scenario.Vpc v : s.vpcs()) {
                vpcs.add(v.id());
                v.subnets().forEach(sn -> subnets.add(sn.id()));
            }
        }

        String problem(String path) {
            if (path.startsWith("functions.")) {
                String said = unknown(path, "functions.", functions, "function");
                String several = said == null ? null : ambiguous(scenario, path);
                return several == null ? said : several;
            } else if (path.startsWith("subnets.")) {
                return unknown(path, "subnets.", subnets, "subnet");
            } else if (path.startsWith("vpcs.")) {
                return unknown(path, "vpcs.", vpcs, "VPC");
            } else if (path.startsWith("eniKeys.")) {
                String key = path.substring("eniKeys.".length());
                Matcher a = ACCOUNT.matcher(key);
                String rest = a.lookingAt() ? key.substring(a.end()) : key;
                int plus = rest.indexOf('+');
                String subnet = plus < 0 ? null : rest.substring(0, plus);
                if (subnet != null && !subnets.contains(subnet)) {
                    return Problem.quote(path) + ": its ENI key is on subnet " + Problem.quote(subnet) + ", which the"
                            + " scenario does not have" + hint(subnet, subnets, "subnet");
                }
            }
            return null;
        }
    }

    /**
     * What to say of a metric path that names a function by a name several accounts have ({@code functions.api...}
     * where {@code 222222222222:api} and {@code 333333333333:api} are): the labels to name one by; null for any other
     * path.
     */
    public static String ambiguous(Scenario s, String path) {
        if (!path.startsWith("functions.")) {
            return null;
        }
        String plain = first(path.substring("functions.".length()));
        List<String> several = severalAccounts(s, plain);
        return several.isEmpty() ? null : Problem.quote(path) + ": " + FunctionLabels.ambiguous("function", plain,
                several);
    }

    /** The labels of the functions of {@code name} when several accounts have it ({@link FunctionLabels}). */
    private static List<String> severalAccounts(Scenario s, String name) {
        List<String> out = new ArrayList<>();
        for (Scenario.Function f : s.functions()) {
            if (f.name().endsWith(FunctionLabels.SEPARATOR + name)
                    && f.name().length() == s.accounts().of(f.name()).length() + 1 + name.length()) {
                out.add(f.name());
            }
        }
        return out;
    }

    /** A path's first name: up to its first '.' or '['. */
    private static String first(String rest) {
        for (int k = 0; k < rest.length(); k++) {
            if (rest.charAt(k) == '.' || rest.charAt(k) == '[') {
                return rest.substring(0, k);
            }
        }
        return rest;
    }

    /** {@link #problems} as warnings, each naming the file and {@code expect[i]}, by index. */
    public static Map<Integer, String> warnings(Scenario s) {
        Map<Integer, String> out = new LinkedHashMap<>();
        problems(s).forEach((i, p) -> out.put(i, s.source() + ": expect[" + i + "]: " + p + "; check refuses it"
                + " (exit 2)"));
        return out;
    }

    /** Why the name after {@code prefix} in {@code path} is none of {@code names}, or null when it is one. */
    private static String unknown(String path, String prefix, List<String> names, String kind) {
        String rest = path.substring(prefix.length());
        for (String n : names) { // a name may hold a dot: the whole of it is matched, as the summary's paths are
            if (rest.equals(n) || rest.startsWith(n + ".") || rest.startsWith(n + "[")) {
                return null;
            }
        }
        String name = first(rest);
        return Problem.quote(path) + " names " + kind + " " + Problem.quote(name) + ", which the scenario does not have"
                + hint(name, names, kind);
    }

    /** " (did you mean 'x'?)", or the names the scenario has. */
    private static String hint(String name, List<String> names, String kind) {
        String close = Suggest.closest(name, names);
        if (close != null) {
            return " (did you mean '" + close + "'?)";
        }
        if (names.isEmpty()) {
            return " (it has no " + kind + ")";
        }
        return " (its " + kind + (names.size() == 1 ? ": " : "s: ") + String.join(", ", names.subList(0,
                Math.min(LISTED, names.size()))) + (names.size() > LISTED ? ", ..." : "") + ")";
    }
}
