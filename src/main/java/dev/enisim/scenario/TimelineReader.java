package dev.enisim.scenario;

import dev.enisim.model.SimEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code timeline[*]}: control-plane actions at simulated times, each {@code {at: DURATION, action: NAME,
 * ...}}. Which actions there are and which fields each reads is declared next to their records
 * ({@link SimEvent#ACTIONS}); this reader gives them the file's fields, names resolved to the world's indices, and
 * reports what is missing, unknown or out of bounds with its path. Actions are kept in time order (stable for
 * equal times).
 */
final class TimelineReader {

    static final List<String> ACTIONS = SimEvent.ACTIONS.stream().map(SimEvent.Action::name).toList();

    /** The addresses of the largest subnet (/16): the bound of a count of addresses when its subnet is not known. */
    private static final int LARGEST_SUBNET_ADDRESSES = 65_536;

    private final Fields root;
    private final References refs;
    /** Function and role names to their indices (roles in the order functions first name them, as the world's). */
    private final Map<String, Integer> functions = new LinkedHashMap<>();
    private final Map<String, Integer> roles = new LinkedHashMap<>();
    private final List<Scenario.Function> fns;
    private final int provisionedCeiling;

    /** The scenario's {@code startsAt}: a timeline {@code at} may then be a date-time, read as its offset. */
    private final Optional<java.time.Instant> startsAt;

    /** @param provisionedCeiling the most provisioned concurrency a function without reserved concurrency may get */
    TimelineReader(Fields root, References refs, List<Scenario.Function> fns, int provisionedCeiling,
            Optional<java.time.Instant> startsAt) {
        this.startsAt = startsAt;
        this.root = root;
        this.refs = refs;
        this.fns = fns;
        this.provisionedCeiling = provisionedCeiling;
        this.labels = FunctionLabels.of(root.json());
        for (Scenario.Function f : fns) {
            functions.putIfAbsent(f.name(), functions.size());
            roles.putIfAbsent(f.role(), roles.size());
        }
        // names the file declares, read or not: a function with a problem of its own is still known here (its
        // problem is said there), where "unknown function 'report' (known: none)" pointed away from it
        for (com.fasterxml.jackson.databind.JsonNode f : root.json().path("functions")) {
            String name = f.path("name").isTextual() ? f.path("name").asText() : null;
            if (name != null) {
                declaredFunctions.add(labels.function(f));
                declaredRoles.add(labels.role(f));
            }
        }
    }

    /** A name in several accounts is {@code <account>:<name>} here, as everywhere (see {@link FunctionLabels}). */
    private final FunctionLabels labels;

    private final java.util.Set<String> declaredFunctions = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> declaredRoles = new java.util.LinkedHashSet<>();

    /** The actions by time (stable); an outage's end follows right after its start. */
    List<Scenario.At> read() {
        List<List<Scenario.At>> out = new ArrayList<>();
        for (Fields a : root.objects("timeline")) {
            List<Scenario.At> action = action(a);
            if (action != null) {
                out.add(action);
            }
        }
        out.sort((x, y) -> Long.compare(x.get(0).atMicros(), y.get(0).atMicros()));
        List<Scenario.At> flat = new ArrayList<>();
        out.forEach(flat::addAll);
        return flat;
    }

    /** One action (and its end, if it has one); null when it has a problem. */
    private List<Scenario.At> action(Fields a) {
        Long at = at(a);
        String name = a.requireText("action");
        if (at == null || name == null) {
            return null;
        }
        SimEvent.Action action = SimEvent.ACTIONS.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElse(null);
        if (action == null) {
            String close = Suggest.closest(name, ACTIONS);
            a.problem("action", "unknown action " + Problem.quote(name) + " (expected one of: " + String.join(", ", ACTIONS)
                    + ")" + (close == null ? "" : "; did you mean '" + close + "'?"));
            return null;
        }
        // the fields' problems come after the unknown keys', which are known once the action has asked for its own
        List<Problem> found = new ArrayList<>();
        Read read = new Read(new Fields(a.json(), a.path(), found), at);
        SimEvent.Control control = action.read().apply(read);
        a.allowOnly(read.keys.toArray(new String[0]));
        a.addAll(found);
        if (!found.isEmpty()) {
            return null;
        }
        Scenario.At start = new Scenario.At(at, control);
        return read.end == null ? List.of(start) : List.of(start, new Scenario.At(read.endMicros, read.end));
    }

    /** A clock time typed where an offset is expected: {@code 23:10}, {@code 23:10:30}. */
    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile(
            "([01]?[0-9]|2[0-3]):([0-5][0-9])(:([0-5][0-9]))?");
    /** A date-time: {@code 2026-12-06T23:10:00Z}, with an offset or not. */
    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ].*");

    /**
     * {@code at}: an offset from the run's start (a duration); with {@code startsAt}, also a date-time with its zone
     * ({@code 2026-12-06T23:10:00Z}), read as its offset from {@code startsAt}. A clock time ({@code 23:10}), or a
     * date-time without {@code startsAt}, is refused saying that {@code at} is an offset from the run's start, and
     * with {@code startsAt} which offset the clock time would be. Null when there is a problem.
     */
    private Long at(Fields a) {
        com.fasterxml.jackson.databind.JsonNode n = a.json().get("at");
        String text = n != null && n.isTextual() ? n.asText().trim() : null;
        if (text != null && DATE_TIME.matcher(text).matches()) {
            java.time.Instant when;
            try {
                when = java.time.OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                a.problem("at", "expected a duration from the run's start (like 1h10m)" + (startsAt.isPresent()
                        ? " or an ISO-8601 date-time with its zone such as " + startsAt.get() : "") + ", got "
                        + Problem.quote(text));
                return null;
            }
            if (startsAt.isEmpty()) {
                a.problem("at", "got the date-time " + Problem.quote(text) + ", but `at` is an offset from the run's"
                        + " start (a duration like 1h10m): a date-time is read only when the scenario sets startsAt"
                        + " (the run's start on the wall clock)");
                return null;
            }
            if (when.isBefore(startsAt.get())) {
                a.problem("at", Problem.quote(text) + " is before startsAt (" + startsAt.get() + "), when the run"
                        + " starts: `at` is an offset from startsAt");
                return null;
            }
            return java.time.Duration.between(startsAt.get(), when).toNanos() / 1000;
        }
        java.util.regex.Matcher clock = text == null ? null : CLOCK.matcher(text);
        if (clock != null && clock.matches()) {
            String hint;
            if (startsAt.isPresent()) {
                java.time.LocalTime t = java.time.LocalTime.of(Integer.parseInt(clock.group(1)),
                        Integer.parseInt(clock.group(2)), clock.group(4) == null ? 0 : Integer.parseInt(clock.group(4)));
                java.time.ZonedDateTime start = startsAt.get().atZone(java.time.ZoneOffset.UTC);
                java.time.ZonedDateTime next = start.with(t);
                if (next.isBefore(start)) {
                    next = next.plusDays(1);
                }
                long s = java.time.Duration.between(start, next).getSeconds();
                hint = " (startsAt " + startsAt.get() + "): " + text + " UTC next comes " + offset(s) + " after it, so"
                        + " write `at: " + offset(s) + "` or the date-time `at: " + next.toInstant() + "`";
            } else {
                hint = "; to give wall-clock times, set startsAt (the run's start, e.g. 2026-11-30T00:00:00Z) and"
                        + " write `at` as a date-time";
            }
            a.problem("at", "expected a duration from the run's start, like 1h10m, got the clock time "
                    + Problem.quote(text) + ": `at` is an offset from the run's start" + hint);
            return null;
        }
        return a.requireDuration("at");
    }

    /** Whole seconds as a duration of the scenario's syntax, largest unit first: 4200 -> 1h10m. */
    static String offset(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long[] units = {86_400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        long rest = seconds;
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                b.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        return b.toString();
    }

    /** An action's fields as its record's reading asks for them; a problem is recorded with the field's path. */
    private final class Read implements SimEvent.ActionFields {
        private final Fields a;
        private final long atMicros;
        private final List<String> keys = new ArrayList<>(List.of("at", "action"));
        private SimEvent.Control end;
        private long endMicros;

        Read(Fields a, long atMicros) {
            this.a = a;
            this.atMicros = atMicros;
        }

        private String key(String k) {
            keys.add(k);
            return k;
        }

        /** The index of a required name among {@code known} (as the world numbers them); -1 when missing or unknown. */
        private int name(String key, String what, Map<String, Integer> known) {
            String v = a.requireText(key(key));
            return v != null && References.check(a, key, what, v, known.keySet()) ? known.get(v) : -1;
        }

        private int name(String key, String what, List<String> known) {
            String v = a.requireText(key(key));
            return v != null && References.check(a, key, what, v, known) ? known.indexOf(v) : -1;
        }

        @Override
        public int function(String key) {
            return declared(key, "function", functions, declaredFunctions, labels.functionsNamed(text(key)));
        }

        @Override
        public int role(String key) {
            return declared(key, "role", roles, declaredRoles, labels.rolesNamed(text(key)));
        }

        /** The field's text as the name readers take it, or null (said there). */
        private String text(String key) {
            com.fasterxml.jackson.databind.JsonNode n = a.json().path(key);
            return n.isTextual() || n.isNumber() || n.isBoolean() ? n.asText() : null;
        }

        /**
         * As {@link #name(String, String, Map)}, but a name the file declares on a function that could not be read
         * is no problem of the timeline's (-1: the scenario fails on the function's own problem), and the names
         * offered are every declared one. A name that functions (roles) of several accounts have is a problem that
         * names the labels it may be ({@code several}).
         */
        private int declared(String key, String what, Map<String, Integer> known, java.util.Set<String> all,
                List<String> several) {
            String v = a.requireText(key(key));
            if (v == null) {
                return -1;
            }
            if (known.containsKey(v)) {
                return known.get(v);
            }
            if (!several.isEmpty()) { // a name that two accounts' functions (roles) have: which one is not ours to guess
                a.problem(key, FunctionLabels.ambiguous(what, v, several));
                return -1;
            }
            if (!all.contains(v) || root.problemCount() == 0) { // declared, unread, and nothing said why: say this
                java.util.Set<String> offered = new java.util.LinkedHashSet<>(known.keySet());
                if (root.problemCount() > 0) {
                    offered.addAll(all);
                }
                References.check(a, key, what, v, offered);
            }
            return -1;
        }

        @Override
        public int subnet(String key) {
            return name(key, "subnet", refs.subnets);
        }

        @Override
        public OptionalInt optionalSubnet(String key) {
            return a.has(key) ? OptionalInt.of(subnet(key)) : OptionalInt.empty();
        }

        @Override
        public int vpc(String key) {
            return name(key, "VPC", refs.vpcs);
        }

        @Override
        public int az(String key) {
            return name(key, "Availability Zone", refs.azs);
        }

        @Override
        public int count(String key, int min, int max) {
            Long n = a.requireInteger(key(key), min, max);
            return n == null ? min : n.intValue();
        }

        /**
         * As {@code vpcs[*].subnets[*].otherUsedIps} is read: at most the subnet's usable addresses. When the subnet is
         * unknown, or its CIDR could not be read, only the largest subnet's (/16) bound is checked: the scenario fails
         * on the problem said there.
         */
        @Override
        public int subnetAddresses(String key, int subnet) {
            Long n = a.requireInteger(key(key), 0, LARGEST_SUBNET_ADDRESSES);
            if (n == null) {
                return 0;
            }
            int usable = subnet < 0 ? -1 : refs.usableIps.get(subnet);
            if (usable >= 0 && n > usable) {
                a.problem(key, "expected a whole number from 0 to " + usable + " (the usable addresses of "
                        + refs.subnets.get(subnet) + "), got " + n);
            }
            return n.intValue();
        }

        @Override
        public int provisionedConcurrency(String key, int function) {
            Long read = a.requireInteger(key(key), 1, 10_000_000);
            if (read == null || function < 0) {
                return 0;
            }
            int n = read.intValue();
            Scenario.Function fn = fns.get(function);
            int ceiling = fn.reservedConcurrency().orElse(provisionedCeiling);
            if (n > ceiling) {
                a.problem(key, "must not exceed " + (fn.reservedConcurrency().isPresent()
                        ? "the function's reservedConcurrency (" : "the account's unreserved concurrency (") + ceiling
                        + "), got " + n);
            }
            return n;
        }

        @Override
        public Optional<SimEvent.VpcConfig> vpcConfig(String key) {
            return a.has(key(key)) ? Optional.of(indices(FunctionReader.vpcConfig(a, key, refs))) : Optional.empty();
        }

        @Override
        public SimEvent.VpcConfig requiredVpcConfig(String key, String hint) {
            if (!a.has(key(key))) {
                a.problem(key, "is required (" + hint + ")");
                return SimEvent.VpcConfig.NONE;
            }
            return indices(FunctionReader.vpcConfig(a, key, refs));
        }

        @Override
        public void until(String key, SimEvent.Control then) {
            long until = a.duration(key(key), Long.MAX_VALUE);
            if (until == Long.MAX_VALUE) {
                return;
            }
            if (until <= atMicros) {
                a.problem(key, "must be after at");
                return;
            }
            end = then;
            endMicros = until;
        }

        /** A checked VpcConfig's ids as the world's indices (subnets and security groups in scenario order). */
        private SimEvent.VpcConfig indices(Scenario.VpcConfig v) {
            return v == null ? SimEvent.VpcConfig.NONE : new SimEvent.VpcConfig(
                    v.subnetIds().stream().map(refs.subnets::indexOf).toList(),
                    v.securityGroupIds().stream().map(refs.groups::indexOf).toList());
        }
    }
}
