package dev.enisim.scenario;

import java.util.ArrayList;
import java.util.List;

/** The ids a scenario defines, for checking what its functions and timeline refer to. */
final class References {

    final List<String> vpcs = new ArrayList<>();
    final List<String> subnets = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<String> azs = new ArrayList<>();

    References(List<Scenario.Vpc> vpcs) {
        for (Scenario.Vpc v : vpcs) {
            this.vpcs.add(v.id());
            for (Scenario.Subnet s : v.subnets()) {
                subnets.add(s.id());
                if (!azs.contains(s.az())) {
                    azs.add(s.az());
                }
            }
            groups.addAll(v.securityGroups());
        }
    }

    /** Checks that {@code id} is one of {@code known}; records a problem naming the known ones if not. */
    static boolean check(Fields at, String field, String what, String id, List<String> known) {
        if (known.contains(id)) {
            return true;
        }
        String close = Suggest.closest(id, known);
        at.problem(field, "unknown " + what + " '" + id + "' (known: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")"
                + (close == null ? "" : "; did you mean '" + close + "'?"));
        return false;
    }
}
