package dev.enisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How enisim names a function (and an execution role) everywhere it shows or reads one: AWS's identity of a function
 * is its account, Region and name (its ARN), so with {@code accounts} one name may be two functions, in two accounts
 * (one SAM app deployed into every workload account). A function's label is its name when no other account has a
 * function of that name, else {@code <account>:<name>} ({@code 222222222222:api}): summary.json's keys, the page, the
 * narrative, the CSVs' columns, {@code check}'s {@code functions.<label>...}, {@code --set functions[<label>]} and
 * the timeline's {@code function:} all use it. A function name holds only letters, digits, '-' and '_', so the colon
 * cannot be part of one; it is the separator the ENI keys' accounts already use ({@code 222222222222:subnet-a+[sg]}).
 * A role name used by functions of several accounts is labelled the same way (two accounts' {@code api-role} are two
 * IAM roles). Read from the scenario's tree, so that every reader of it labels alike; a scenario whose names are
 * unique per scenario keeps its names as they are.
 */
public final class FunctionLabels {

    /** Between an account id and a name in a label. */
    public static final char SEPARATOR = ':';

    /** The accounts each function name and each role name is used in, in the order the file gives them. */
    private final Map<String, Set<String>> names = new LinkedHashMap<>();
    private final Map<String, Set<String>> roles = new LinkedHashMap<>();
    private final String first;

    private FunctionLabels(String first) {
        this.first = first;
    }

    /** The labels of the functions of a scenario's tree (names as they are without {@code accounts}). */
    public static FunctionLabels of(JsonNode root) {
        JsonNode accounts = root.path("accounts");
        String first = accounts.isArray() && accounts.size() > 0 && accounts.get(0).path("id").isValueNode()
                ? accounts.get(0).path("id").asText() : null;
        FunctionLabels out = new FunctionLabels(first);
        if (first == null) {
            return out; // one account: names are unique in the scenario, and labels are names
        }
        for (JsonNode f : root.path("functions")) {
            String name = name(f);
            if (name != null) {
                String account = out.account(f);
                out.names.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(account);
                out.roles.computeIfAbsent(role(f, name), k -> new LinkedHashSet<>()).add(account);
            }
        }
        return out;
    }

    /** {@code <account>:<name>}. */
    public static String qualified(String account, String name) {
        return account + SEPARATOR + name;
    }

    /** The account a function of the tree is in: its {@code account}, else the first ("" with one account). */
    String account(JsonNode f) {
        if (first == null) {
            return "";
        }
        String a = text(f.path("account"));
        return a == null ? first : a;
    }

    /** The label of function {@code f} of the tree (null when it has no name). */
    String function(JsonNode f) {
        String name = name(f);
        return name == null ? null : label(names, account(f), name);
    }

    /** The label of the role of function {@code f}: its {@code role}, else {@code <name>-role}. */
    String role(JsonNode f) {
        String name = name(f);
        return name == null ? null : label(roles, account(f), role(f, name));
    }

    /**
     * The labels a name stands for when functions of several accounts have it ({@code [111111111111:api,
     * 222222222222:api]}), empty when it is no such name.
     */
    public List<String> functionsNamed(String name) {
        return among(names, name);
    }

    /** As {@link #functionsNamed}, for a role name. */
    public List<String> rolesNamed(String name) {
        return among(roles, name);
    }

    /** Whether some name is in several accounts (the scenario has labels that are not names). */
    public boolean any() {
        return names.values().stream().anyMatch(s -> s.size() > 1);
    }

    /**
     * What to say of a name that stands for several functions or roles: {@code "'api' is a function of accounts
     * 111111111111 and 222222222222: name one as 111111111111:api or 222222222222:api"}.
     */
    public static String ambiguous(String what, String name, List<String> labels) {
        List<String> accounts = new ArrayList<>();
        for (String l : labels) {
            accounts.add(l.substring(0, l.indexOf(SEPARATOR)));
        }
        return Problem.quote(name) + " is a " + what + " of accounts " + and(accounts) + " (a " + what
                + " is its account's): name one as " + String.join(" or ", labels);
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0) : String.join(", ", items.subList(0, items.size() - 1)) + " and "
                + items.get(items.size() - 1);
    }

    private static List<String> among(Map<String, Set<String>> known, String name) {
        Set<String> accounts = known.get(name);
        if (accounts == null || accounts.size() < 2) {
            return List.of();
        }
        return accounts.stream().map(a -> qualified(a, name)).toList();
    }

    private static String label(Map<String, Set<String>> known, String account, String name) {
        Set<String> accounts = known.get(name);
        return accounts != null && accounts.size() > 1 ? qualified(account, name) : name;
    }

    private static String name(JsonNode f) {
        return text(f.path("name"));
    }

    private static String role(JsonNode f, String name) {
        String r = text(f.path("role"));
        return r == null ? name + Defaults.ROLE_SUFFIX : r;
    }

    /** A field's text as {@link Fields#text} reads it (a string, number or boolean), else null. */
    private static String text(JsonNode n) {
        return n.isTextual() || n.isNumber() || n.isBoolean() ? n.asText() : null;
    }
}
