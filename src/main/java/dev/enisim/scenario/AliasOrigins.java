package dev.enisim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the values of a YAML file come from, once its anchors and aliases are expanded: a problem at
 * {@code functions[2].duration.p99}, where {@code duration: *dur} is an alias, is the anchor's
 * ({@code x-defaults.duration.p99}, where {@code &dur} is written), and so is the same problem of every other function
 * that uses it. {@link #collapse} says such problems once, at the anchor's own path (so at its line), naming the
 * places that use it: a bad value in an anchor that 40 functions merge was said 40 times, at 40 lines that do not
 * hold it (each function's first line, or none). A key a map sets itself over a merged one ({@code <<: *fn} then
 * {@code duration: slow}) is the map's own, said at its own line.
 */
final class AliasOrigins {

    /** The most uses named in a collapsed problem; the rest are counted. */
    static final int NAMED_USES = 5;

    /** Each anchor's name to the path of the value it anchors (the latest written before the reading point). */
    private final Map<String, String> anchors = new HashMap<>();
    /** Each alias's path to its anchor's {name, path}. */
    private final Map<String, String[]> aliases = new HashMap<>();
    /** Each map with a merge key ({@code <<}): the paths of the maps it merges, the first one winning. */
    private final Map<String, List<String>> merges = new HashMap<>();
    /** The keys of each map that has merges (its own), and of each map anchored or merged (with what it merged). */
    private final Map<String, Set<String>> own = new HashMap<>();
    private final Map<String, Set<String>> keys = new HashMap<>();
    /** The anchor's name of each merged map's path (absent: a map written inside the merge key). */
    private final Map<String, String> names = new HashMap<>();

    private AliasOrigins() {
    }

    /** The origins of {@code text}'s values, read by {@code factory}'s parser; empty for a file without aliases. */
    static AliasOrigins of(String text) throws IOException {
        AliasOrigins o = new AliasOrigins();
        try (JsonParser p = YamlTree.factory().createParser(text)) {
            if (p.nextToken() != null) {
                o.walk((YAMLParser) p, "", false);
            }
        }
        return o;
    }

    /** Whether the file has no alias: every path is where it is written. */
    boolean none() {
        return aliases.isEmpty();
    }

    private void walk(YAMLParser p, String path, boolean merged) throws IOException {
        if (p.isCurrentAlias()) {
            String name = p.getText();
            String target = anchors.get(name);
            if (target != null) {
                aliases.put(path, new String[] {name, target});
            }
            return;
        }
        String anchor = p.getObjectId();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Set<String> mine = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String child = path.isEmpty() ? key : path + "." + key;
                p.nextToken();
                walk(p, child, key.equals("<<"));
                if (key.equals("<<")) {
                    mergeSources(path, child);
                } else {
                    mine.add(key);
                }
            }
            List<String> sources = merges.get(path);
            if (sources != null) {
                own.put(path, mine);
            }
            if (anchor != null || merged) {
                Set<String> all = new HashSet<>(mine);
                if (sources != null) {
                    sources.forEach(s -> all.addAll(keys.getOrDefault(s, Set.of())));
                }
                keys.put(path, all);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, path + "[" + i++ + "]", merged);
            }
        }
        if (anchor != null) {
            anchors.put(anchor, path);
        }
    }

    /** The maps {@code <<} at {@code at} merges into the map at {@code map}: an alias, a map, or a list of them. */
    private void mergeSources(String map, String at) {
        List<String> sources = merges.computeIfAbsent(map, k -> new ArrayList<>());
        List<String> items = new ArrayList<>();
        if (aliases.containsKey(at) || keys.containsKey(at)) {
            items.add(at);
        } else {
            for (int i = 0; aliases.containsKey(at + "[" + i + "]") || keys.containsKey(at + "[" + i + "]"); i++) {
                items.add(at + "[" + i + "]");
            }
        }
        for (String item : items) {
            String[] alias = aliases.get(item);
            if (alias != null) {
                sources.add(alias[1]);
                names.put(alias[1], alias[0]);
            } else {
                sources.add(item);
            }
        }
    }

    /**
     * Where the value at {@code path} is written: {origin path, anchor's name or null, the outermost alias or merging
     * map it was reached through}; null when it is written at {@code path} itself. {@code keyOnly}: where the key that
     * ends {@code path} is written, not its value ({@code trafic: *base}, an unknown key, is the key's own line; its
     * value's is the anchor's).
     *
     * <p>Followed to the end: each step goes to an anchor written before the alias or merge key it follows, so the steps
     * are at most the file's aliases and merges. A chain of 300 merges ({@code <<: *a299} in {@code a300}, ...) or an
     * alias 300 levels deep (the tree may be {@link YamlTree#MAX_DEPTH} deep) was cut after 256 steps, at a map that
     * does not write the value. Only a key written twice can lead back to a path already passed (its two values share
     * it); the trace stops there, at that key.
     */
    String[] trace(String path, boolean keyOnly) {
        String at = path;
        String use = null;
        String name = null;
        Set<String> passed = new HashSet<>();
        while (passed.add(at)) {
            String[] step = step(at, keyOnly);
            if (step == null) {
                break;
            }
            at = step[0];
            name = step[1] != null ? step[1] : name;
            use = use == null ? step[2] : use;
        }
        return use == null ? null : new String[] {at, name, use};
    }

    /**
     * One step of {@link #trace}: the shortest prefix of {@code path} that is an alias or merges the next key (with
     * {@code keyOnly}, not the whole path: the key is written where the alias is).
     */
    private String[] step(String path, boolean keyOnly) {
        for (int b = 1; b <= path.length(); b++) {
            if (b < path.length() && path.charAt(b) != '.' && path.charAt(b) != '[') {
                continue;
            }
            String prefix = path.substring(0, b);
            String rest = path.substring(b);
            String[] alias = keyOnly && rest.isEmpty() ? null : aliases.get(prefix);
            if (alias != null) {
                return new String[] {alias[1] + rest, alias[0], prefix};
            }
            List<String> sources = merges.get(prefix);
            if (sources != null && rest.startsWith(".")) {
                String key = rest.substring(1).split("[.\\[]", 2)[0];
                if (own.getOrDefault(prefix, Set.of()).contains(key)) {
                    continue; // the map's own key, over any merged one
                }
                for (String source : sources) {
                    if (keys.getOrDefault(source, Set.of()).contains(key)) {
                        return new String[] {source + rest, names.get(source), prefix};
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether {@code p} is about the key that ends its path rather than its value: an unknown key, a key written twice.
     */
    static boolean aboutKey(Problem p) {
        return p.message().startsWith(Fields.UNKNOWN_KEY) || p.message().startsWith(YamlTree.WRITTEN_TWICE);
    }

    /** {@link #trace(String, boolean)} of {@code p}'s path: of its key or its value, as {@link #aboutKey} says. */
    private String[] trace(Problem p) {
        return trace(p.path(), aboutKey(p));
    }

    /**
     * {@code problems} with those reached through an alias or a merge key said once at the value's own path, with the
     * anchor and the places that use it ({@code ...; in anchor &dur, used by functions[1].duration,
     * functions[2].duration}); the same problem at the anchor's own place is the same one ("also used by"). Every
     * other problem is kept as it is, all in the order of each one's first. {@code own} says which are the file's.
     */
    List<Problem> collapse(List<Problem> problems, java.util.function.Predicate<Problem> fileOwn) {
        if (none()) {
            return problems;
        }
        Map<String, String[]> traced = new HashMap<>();
        Map<String, List<String>> usesOf = new LinkedHashMap<>(); // origin + message: the uses, in order
        for (Problem p : problems) {
            String[] t = fileOwn.test(p) ? trace(p) : null;
            if (t != null) {
                String group = t[0] + "\n" + p.message();
                traced.put(group, t);
                List<String> uses = usesOf.computeIfAbsent(group, k -> new ArrayList<>());
                if (!uses.contains(t[2])) {
                    uses.add(t[2]);
                }
            }
        }
        if (usesOf.isEmpty()) {
            return problems;
        }
        Set<String> atAnchor = new HashSet<>(); // groups whose anchor's own place has the problem too
        for (Problem p : problems) {
            if (fileOwn.test(p) && usesOf.containsKey(p.path() + "\n" + p.message())) {
                atAnchor.add(p.path() + "\n" + p.message());
            }
        }
        List<Problem> out = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (Problem p : problems) {
            String[] t = fileOwn.test(p) ? trace(p) : null;
            String group = t != null ? t[0] + "\n" + p.message() : p.path() + "\n" + p.message();
            if (!usesOf.containsKey(group) || !fileOwn.test(p)) {
                out.add(p);
            } else if (said.add(group)) {
                String[] g = traced.get(group);
                String also = atAnchor.contains(group) ? "also " : "";
                out.add(new Problem(g[0], p.message() + (g[1] == null ? "; " + also + "merged into "
                        : "; in anchor &" + g[1] + ", " + also + "used by ") + named(usesOf.get(group))));
            }
        }
        return out;
    }

    private static String named(List<String> uses) {
        String shown = String.join(", ", uses.subList(0, Math.min(NAMED_USES, uses.size())).stream()
                .map(Problem::shownPath).toList());
        return uses.size() > NAMED_USES ? shown + " and " + (uses.size() - NAMED_USES) + " more" : shown;
    }
}
