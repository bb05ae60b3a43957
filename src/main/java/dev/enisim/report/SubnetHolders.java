package dev.enisim.report;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who held a shared subnet's addresses when a function failed with SubnetOutOfIPAddresses, for the story's why: "no
 * ENI could be created for 300000000000:subnet-a+[sg-c]" did not say that another account's scale-out held them (a
 * landing zone owner's review, r2 item 6). Read from the journal up to the failure (ENIs created and not yet deleted,
 * per key) and the other tenants' addresses then; nothing is added to the simulation.
 */
final class SubnetHolders {

    /** The key a failed creation names: "... for 300000000000:subnet-a+[sg-c]" (the account, the subnet). */
    private static final Pattern KEY = Pattern.compile(" for ([^\\s:]+):([^\\s+@]+)\\+\\[");
    /** Accounts named one by one; the rest summed. */
    static final int ACCOUNTS = 5;

    private final List<JournalEntry> entries;
    private int next; // entries before it are counted
    private final Map<String, String> keyOfEni = new HashMap<>(); // ENIs holding an address, their key
    private final Map<String, Integer> perKey = new LinkedHashMap<>(); // key label -> ENIs holding an address

    SubnetHolders(List<JournalEntry> entries) {
        this.entries = entries;
    }

    /**
     * The why for a Failed function's line (SubnetOutOfIPAddresses) at entry {@code i}: "subnet-a's 59 usable
     * addresses at 00:30:00: account 400000000000 held 8 (subnet-a+[sg-c]), account 300000000000 held 1
     * (subnet-a+[sg-b]), other tenants 50 (otherUsedIps), 0 free"; null when its detail names no account's key.
     */
    String why(RunResult r, int i, String time) {
        JournalEntry failed = entries.get(i);
        Matcher m = KEY.matcher(failed.detail());
        if (!m.find()) {
            return null;
        }
        String subnet = m.group(2);
        dev.enisim.metrics.RunSummary.SubnetSummary s = r.summary().subnets().get(subnet);
        if (s == null) {
            return null;
        }
        while (next < i) {
            count(entries.get(next++));
        }
        Map<String, Integer> byAccount = new LinkedHashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        for (Map.Entry<String, Integer> k : perKey.entrySet()) {
            int colon = k.getKey().indexOf(':');
            String label = k.getKey().substring(colon + 1);
            if (colon < 0 || !label.startsWith(subnet + "+[")) {
                continue;
            }
            String account = k.getKey().substring(0, colon);
            byAccount.merge(account, k.getValue(), Integer::sum);
            keys.computeIfAbsent(account, a -> new ArrayList<>()).add(k.getValue() + " on " + label);
        }
        List<Map.Entry<String, Integer>> order = new ArrayList<>(byAccount.entrySet());
        order.sort((a, b) -> Integer.compare(b.getValue(), a.getValue())); // the most first; stable: first held
        List<String> parts = new ArrayList<>();
        long lambda = 0;
        int rest = 0;
        int restAccounts = 0;
        for (Map.Entry<String, Integer> a : order) {
            lambda += a.getValue();
            if (parts.size() < ACCOUNTS) {
                List<String> ks = keys.get(a.getKey());
                parts.add(String.format(Locale.ROOT, "account %s held %,d (%s)", a.getKey(), a.getValue(),
                        ks.size() == 1 ? ks.get(0).substring(ks.get(0).indexOf(" on ") + 4) : String.join(", ", ks)));
            } else {
                rest += a.getValue();
                restAccounts++;
            }
        }
        if (restAccounts > 0) {
            parts.add(String.format(Locale.ROOT, "%,d other accounts %,d", restAccounts, rest));
        }
        long others = dev.enisim.report.page.OtherTenants.at(r, subnet, failed.atMicros());
        parts.add(String.format(Locale.ROOT, "other tenants %,d (otherUsedIps)", others));
        return String.format(Locale.ROOT, "%s's %,d usable addresses at %s: %s, %,d free (each account's ENIs take"
                + " their own addresses of a subnet shared with it).", subnet, s.usableIps(), time,
                String.join(", ", parts), Math.max(0, s.usableIps() - lambda - others));
    }

    private void count(JournalEntry e) {
        if (e.kind() != JournalEntry.Kind.ENI_STATE) {
            return;
        }
        String held = keyOfEni.get(e.subject());
        if (e.state().equals("Deleted")) {
            if (held != null) {
                keyOfEni.remove(e.subject());
                perKey.merge(held, -1, Integer::sum);
            }
        } else if (held == null) {
            int space = e.detail().lastIndexOf(' ');
            String key = space < 0 ? e.detail() : e.detail().substring(0, space);
            keyOfEni.put(e.subject(), key);
            perKey.merge(key, 1, Integer::sum);
        }
    }
}
