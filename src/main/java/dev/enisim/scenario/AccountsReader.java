package dev.enisim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code accounts[*]} (several accounts over shared VPCs), {@code vpcs[*].owner} and {@code
 * functions[*].account}. Without {@code accounts}, neither of the other two may be given and the scenario is
 * single-account (its {@code account} block, if any, is the only account).
 */
final class AccountsReader {

    /** An AWS account id: twelve digits. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9]{12}");

    private AccountsReader() {
    }

    /** The declared accounts (empty when {@code accounts} is absent); problems go to {@code root}. */
    static List<Scenario.Account> list(Fields root) {
        if (!root.has("accounts")) {
            return List.of();
        }
        if (root.has("account")) {
            root.problem("account", "give either 'account' (one account) or 'accounts' (several), not both");
        }
        List<Scenario.Account> out = new ArrayList<>();
        List<Fields> list = root.list("accounts").isEmpty() ? List.of() : root.objects("accounts");
        if (list.isEmpty()) {
            root.problem("accounts", "at least one account is required");
        }
        for (Fields a : list) {
            a.allowOnly("id", "concurrencyLimit", "unreservedMinimum", "networkInterfacesPerRegion",
                    "otherNetworkInterfaces");
            String id = a.requireText("id");
            if (id != null && !ID.matcher(id).matches()) {
                a.problem("id", "expected an AWS account id, 12 digits (quote it: \"111111111111\"), got " + Problem.quote(id));
            } else if (id != null && out.stream().anyMatch(x -> x.id().equals(id))) {
                a.problem("id", "duplicate account id " + Problem.quote(id));
            }
            int limit = (int) a.integer("concurrencyLimit", Defaults.CONCURRENCY_LIMIT, 1, 10_000_000);
            int minimum = (int) a.integer("unreservedMinimum", Defaults.UNRESERVED_MINIMUM, 0, 10_000_000);
            // not given, it is min(100, limit): a new account's limit of 10 keeps all 10 unreserved (AWS); only a
            // value the file gives is held to the limit (`concurrencyLimit: 10` failed against the default 100)
            if (minimum > limit && a.has("unreservedMinimum")) {
                a.problem("unreservedMinimum", "must not exceed concurrencyLimit (" + limit + ")");
            }
            int region = (int) a.integer("networkInterfacesPerRegion",
                    Defaults.NETWORK_INTERFACES_PER_REGION, 1, 10_000_000);
            int others = (int) a.integer("otherNetworkInterfaces", Defaults.OTHER_NETWORK_INTERFACES, 0,
                    10_000_000);
            out.add(new Scenario.Account(limit, Math.min(minimum, limit), region, id == null ? "" : id, others));
        }
        return out;
    }

    /**
     * The account every limit of a multi-account scenario is first checked against by the single-account readers
     * (the sum of all: each account's own are checked by {@link #read}).
     */
    static Scenario.Account combined(List<Scenario.Account> accounts) {
        long limit = 0;
        long minimum = 0;
        for (Scenario.Account a : accounts) {
            limit += a.concurrencyLimit();
            minimum += a.unreservedMinimum();
        }
        return new Scenario.Account((int) Math.min(limit, Integer.MAX_VALUE), (int) Math.min(minimum, limit),
                accounts.get(0).networkInterfacesPerRegion(), accounts.get(0).id());
    }

    /**
     * Which account each function and VPC belongs to (default: the first account), and each account's reserved
     * concurrency against its own limit. {@link Scenario.Accounts#SINGLE} when {@code accounts} is empty, after
     * refusing {@code owner} and {@code account} fields.
     */
    static Scenario.Accounts read(Fields root, List<Scenario.Account> accounts, List<Scenario.Function> functions) {
        List<String> ids = accounts.stream().map(Scenario.Account::id).toList();
        Map<String, String> owners = new LinkedHashMap<>();
        for (Fields v : checkedObjects(root, "vpcs")) {
            String owner = reference(v, "owner", ids);
            if (owner != null && name(v, "id") != null) {
                owners.put(name(v, "id"), owner);
            }
        }
        Map<String, String> byFunction = new LinkedHashMap<>(); // by label: a name in two accounts is two functions
        FunctionLabels labels = FunctionLabels.of(root.json());
        for (Fields f : checkedObjects(root, "functions")) {
            String account = reference(f, "account", ids);
            if (account != null && name(f, "name") != null) {
                byFunction.put(labels.function(f.json()), account);
            }
        }
        if (accounts.isEmpty()) {
            return Scenario.Accounts.SINGLE;
        }
        long[] reserved = new long[accounts.size()];
        for (Scenario.Function f : functions) {
            int a = Math.max(0, ids.indexOf(byFunction.getOrDefault(f.name(), ids.get(0))));
            reserved[a] += f.reservedConcurrency().orElse(0);
        }
        for (int a = 0; a < accounts.size(); a++) {
            Scenario.Account acc = accounts.get(a);
            long room = (long) acc.concurrencyLimit() - acc.unreservedMinimum();
            if (reserved[a] > room) {
                root.problem("accounts[" + a + "]", "its functions' reserved concurrency adds up to " + reserved[a]
                        + ", more than concurrencyLimit " + acc.concurrencyLimit() + " - unreservedMinimum "
                        + acc.unreservedMinimum() + " = " + room);
            }
        }
        return new Scenario.Accounts(accounts, byFunction, owners);
    }

    /**
     * The object elements of list {@code name}, without reporting anything: the list's own reader has reported a
     * list that is not one, or an element that is not an object (reported twice otherwise).
     */
    private static List<Fields> checkedObjects(Fields root, String name) {
        List<Fields> out = new ArrayList<>();
        if (root.json().path(name).isArray()) {
            for (Fields f : root.list(name)) {
                if (f.json().isObject()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The text of an id field, or null, without reporting: the VPC and function readers have checked it. */
    private static String name(Fields f, String field) {
        com.fasterxml.jackson.databind.JsonNode n = f.json().get(field);
        return n != null && (n.isTextual() || n.isNumber() || n.isBoolean()) ? n.asText() : null;
    }

    /** The account id a field names (default: none, i.e. the first account); null when absent or unknown. */
    private static String reference(Fields at, String field, List<String> ids) {
        if (!at.has(field)) {
            return ids.isEmpty() ? null : ids.get(0);
        }
        String id = at.text(field, null);
        if (ids.isEmpty()) {
            at.problem(field, "only with 'accounts' (several accounts sharing VPCs)");
            return null;
        }
        return id != null && References.check(at, field, "account", id, ids) ? id : null;
    }
}
