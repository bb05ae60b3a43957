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
        return key(key, id -> of(s, id), id -> of(s, id));
    }

    /** A key with its subnet's id labelled by {@code subnet} and each security group's by {@code group}. */
    private static String key(String key, java.util.function.UnaryOperator<String> subnet,
            java.util.function.UnaryOperator<String> group) {
        int open = key.indexOf("+[");
        if (open < 0 || !key.endsWith("]")) {
            return subnet.apply(key);
        }
        int at = Math.max(key.lastIndexOf('@', open), key.lastIndexOf(':', open));
        StringBuilder b = new StringBuilder(key.substring(0, at + 1)).append(subnet.apply(key.substring(at + 1, open)))
                .append("+[");
        String[] groups = key.substring(open + 2, key.length() - 1).split(",", -1);
        for (int i = 0; i < groups.length; i++) {
            b.append(i == 0 ? "" : ",").append(groups[i].isEmpty() ? "" : group.apply(groups[i]));
        }
        return b.append(']').toString();
    }

    /** A name in a chart is cut to this many characters ({@link #chart}). */
    public static final int CHART_NAME_MAX = 20;
    /** The fewest characters of an id's hex part a chart keeps ({@link #chart}). */
    static final int CHART_ID_MIN = 4;
    /**
     * A named key's chart label is at most this many characters ({@link #chartKey}): as long as an unnamed key of
     * two security groups, {@code subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0bbbbbbbbbbbbbbb2]}, which the
     * legends and lanes already carry.
     */
    public static final int CHART_KEY_MAX = 68;
    /** How a cut label ends, or where a cut name was cut. */
    public static final String ELLIPSIS = "\u2026";

    /**
     * The label of {@link #of}, short enough for a chart's legend or lane (a PNG or SVG cannot wrap a label or give
     * it a tooltip): the name first, cut in its middle to {@value #CHART_NAME_MAX} characters (imported names often
     * differ only at their ends: {@code stack/Vpc/PrivateSubnet1} and {@code 2}), then the id cut to its prefix and
     * the first characters after it that tell it from every other id of the scenario, {@value #CHART_ID_MIN} at
     * least: {@code private-a (subnet-0a1b…)}. The page's tables give both in full. An unnamed id is the id, whole.
     */
    public static String chart(Scenario s, String id) {
        String name = nameOf(s, id);
        return name == null ? id : chartName(name) + " (" + shortId(s, id) + ")";
    }

    /**
     * A key as {@link #key} labels it, each id by {@link #chart}, at most {@value #CHART_KEY_MAX} characters: when
     * that is longer, its named security groups by their names alone, and then the label cut, ending in an
     * ellipsis. A key the scenario names nothing of is the key itself, whatever its length.
     */
    public static String chartKey(Scenario s, String key) {
        String label = key(key, id -> chart(s, id), id -> chart(s, id));
        if (label.equals(key) || label.length() <= CHART_KEY_MAX) {
            return label;
        }
        label = key(key, id -> chart(s, id), id -> { // the groups by their names alone
            String name = nameOf(s, id);
            return name == null ? id : chartName(name);
        });
        return label.length() <= CHART_KEY_MAX ? label : label.substring(0, CHART_KEY_MAX - 1) + ELLIPSIS;
    }

    /** A name, cut in its middle to {@value #CHART_NAME_MAX} characters when longer. */
    private static String chartName(String name) {
        if (name.length() <= CHART_NAME_MAX) {
            return name;
        }
        int head = CHART_NAME_MAX / 2;
        int tail = CHART_NAME_MAX - 1 - head;
        return name.substring(0, head) + ELLIPSIS + name.substring(name.length() - tail);
    }

    /**
     * {@code subnet-0a1b…}: the id's prefix (to its last '-') and as many characters after it as tell it from the
     * scenario's other ids of subnets, security groups and VPCs, {@value #CHART_ID_MIN} at least; whole when that
     * is all of it.
     */
    private static String shortId(Scenario s, String id) {
        int dash = id.lastIndexOf('-') + 1;
        java.util.List<String> others = new java.util.ArrayList<>();
        for (Scenario.Vpc v : s.vpcs()) {
            others.add(v.id());
            others.addAll(v.groupNames().keySet());
            others.addAll(v.securityGroups());
            v.subnets().forEach(sub -> others.add(sub.id()));
        }
        for (int n = dash + CHART_ID_MIN; n < id.length(); n++) {
            String head = id.substring(0, n);
            if (others.stream().noneMatch(o -> !o.equals(id) && o.startsWith(head))) {
                return head + ELLIPSIS;
            }
        }
        return id;
    }

    /**
     * A line of text with each id in it that the scenario names (a subnet, a security group, a VPC) labelled by
     * {@link #of} ({@code private-a (subnet-0a1b2c3d4e5f60789)}): the narrative's lines and the topology player's
     * journal. An id already labelled ("private-a (subnet-...)") is left as it is; a scenario that names nothing gets
     * the text back unchanged.
     */
    public static java.util.function.UnaryOperator<String> inText(Scenario s) {
        return inText(s, Labels::of);
    }

    /**
     * As {@link #inText(Scenario)}, each id labelled by {@link #chart} ({@code private-a (subnet-0a1b…)}): an
     * action's marker on a chart ("Other tenants of private-a (subnet-0a1b…) now use 40 IPs").
     */
    public static java.util.function.UnaryOperator<String> inChartText(Scenario s) {
        return inText(s, Labels::chart);
    }

    private static java.util.function.UnaryOperator<String> inText(Scenario s,
            java.util.function.BiFunction<Scenario, String, String> label) {
        java.util.Map<String, String> named = new java.util.HashMap<>(); // id -> its name
        for (Scenario.Vpc v : s.vpcs()) {
            if (v.name() != null) {
                named.put(v.id(), v.name());
            }
            named.putAll(v.groupNames());
            for (Scenario.Subnet sub : v.subnets()) {
                if (sub.name() != null) {
                    named.put(sub.id(), sub.name());
                }
            }
        }
        if (named.isEmpty()) {
            return text -> text;
        }
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        return text -> {
            java.util.regex.Matcher m = ID.matcher(text);
            StringBuilder b = null;
            int at = 0;
            while (m.find()) {
                String name = named.get(m.group());
                if (name == null || m.start() >= name.length() + 2
                        && text.startsWith(name + " (", m.start() - name.length() - 2)) {
                    continue; // not named, or labelled already
                }
                b = b == null ? new StringBuilder(text.length() + 32) : b;
                b.append(text, at, m.start()).append(labels.computeIfAbsent(m.group(), id -> label.apply(s, id)));
                at = m.end();
            }
            return b == null ? text : b.append(text, at, text.length()).toString();
        };
    }

    /** A word that may be an id: a subnet's, a security group's, a VPC's. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** The display name of a subnet, security group or VPC of the scenario, or null. */
    public static String name(Scenario s, String id) {
        return nameOf(s, id);
    }

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
