package dev.enisim.report;

import dev.enisim.scenario.Scenario;

/**
 * How the terminal, the report and the page label a subnet, a security group, a VPC or a key (subnet + security
 * groups): with the display name the scenario gives it (an imported Name tag: teams know their subnets as
 * "private-a", not as subnet-0a1b2c3d4e5f60789) beside the id, {@code private-a (subnet-0a1b2c3d4e5f60789)}; the id
 * alone when it has none, so a scenario without names is labelled as before. Ids stay what files and series are
 * keyed by (summary.json, the CSVs, the page's series ids): only labels change.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * The one label function: {@code name (id)} when the scenario names the subnet, security group or VPC
     * {@code id}, else {@code id}.
     */
    public static String of(Scenario s, String id) {
        String name = nameOf(s, id);
        return name == null ? id : name + " (" + id + ")";
    }

    /**
     * A key as the model writes it ({@code [account:][owner@]subnet+[sg-a,sg-b]}) with each of its ids labelled by
     * {@link #of}; unchanged when the scenario names none of them (anything else is labelled as one id).
     */
    public static String key(Scenario s, String key) {
        int open = key.indexOf("+[");
        if (open < 0 || !key.endsWith("]")) {
            return of(s, key);
        }
        int at = Math.max(key.lastIndexOf('@', open), key.lastIndexOf(':', open));
        StringBuilder b = new StringBuilder(key.substring(0, at + 1)).append(of(s, key.substring(at + 1, open)))
                .append("+[");
        String[] groups = key.substring(open + 2, key.length() - 1).split(",", -1);
        for (int i = 0; i < groups.length; i++) {
            b.append(i == 0 ? "" : ",").append(groups[i].isEmpty() ? "" : of(s, groups[i]));
        }
        return b.append(']').toString();
    }

    /** The display name of a subnet, security group or VPC of the scenario, or null. */
    private static String nameOf(Scenario s, String id) {
        for (Scenario.Vpc v : s.vpcs()) {
            if (v.id().equals(id)) {
                return v.name();
            }
            String group = v.groupNames().get(id);
            if (group != null) {
                return group;
            }
            for (Scenario.Subnet sub : v.subnets()) {
                if (sub.id().equals(id)) {
                    return sub.name();
                }
            }
        }
        return null;
    }
}
