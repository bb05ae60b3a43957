package dev.enisim.gate;

import dev.enisim.iac.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions a CloudFormation / SAM template leaves out. A template describes its whole stack: a function of the
 * stack that the template no longer defines is deleted when it deploys (as a Terraform plan says with its delete
 * action). The account's scenario does not say which stack made its functions, so the gate knows a function belongs
 * to the stack from what it is given: the template as deployed ({@code --base-template}: every function it defines),
 * or the stack's name ({@code --stack-name}: the functions CloudFormation named {@code STACK-LogicalId-SUFFIX}, as it
 * names a function without a FunctionName). Without either, removed functions cannot be seen, which "What the gate
 * could not know" says.
 */
public final class Removals {

    private Removals() {
    }

    /**
     * The change with the account's functions that belong to the templates' stack but that the templates leave out,
     * each deleted at the deployment; or, when the gate cannot tell, the change with a line saying so.
     *
     * @param change     the change read from the templates (and plans)
     * @param account    the account's function names
     * @param templates  the templates given (--template), as the user wrote them; none: nothing is done
     * @param base       the change read from the templates as deployed (--base-template), or null
     * @param stackName  --stack-name, or null
     */
    public static Change apply(Change change, Set<String> account, List<String> templates, Change base,
            String stackName) {
        if (templates.isEmpty()) {
            return change;
        }
        Set<String> kept = new TreeSet<>();
        Set<String> logicalIds = new TreeSet<>();
        for (Change.Function f : change.functions()) {
            kept.add(f.name());
            Matcher m = LOGICAL_ID.matcher(f.where());
            if (m.find()) {
                logicalIds.add(m.group(1));
            }
        }
        Map<String, String> removed = new TreeMap<>(); // name -> where the gate knows it from
        if (base != null) {
            for (Change.Function f : base.functions()) {
                if (f.action() != Change.Action.DELETE && account.contains(f.name()) && !kept.contains(f.name())) {
                    removed.putIfAbsent(f.name(), f.where() + " (--base-template), which --template leaves out");
                }
            }
        }
        if (stackName != null) {
            Pattern generated = Pattern.compile(Pattern.quote(stackName) + "-([A-Za-z0-9]+)-[A-Za-z0-9]{8,13}");
            for (String a : new TreeSet<>(account)) {
                Matcher m = generated.matcher(a);
                if (m.matches() && !kept.contains(a) && !logicalIds.contains(m.group(1))) {
                    removed.putIfAbsent(a, "named as CloudFormation names function " + m.group(1) + " of stack "
                            + stackName + " (--stack-name), which --template does not define");
                }
            }
        }
        List<Change.Function> functions = new ArrayList<>(change.functions());
        List<String> notes = new ArrayList<>(change.notes());
        removed.forEach((name, where) -> functions.add(new Change.Function(name, where, Change.Action.DELETE, true,
                List.of(), List.of(), null, null, null, 0, false)));
        List<Change.Placeholder> placeholders = new ArrayList<>(change.placeholders());
        if (base == null) {
            placeholders.add(unseen(templates, stackName != null));
        }
        return new Change(functions, change.vpcs(), change.subnets(), change.groups(), change.interfaces(),
                placeholders, notes, change.sources(), change.unsimulated());
    }

    /**
     * The one line of "What the gate could not know" when removed functions cannot all be seen: without
     * --base-template and --stack-name none is; with --stack-name alone, those with a FunctionName are not.
     */
    static Change.Placeholder unseen(List<String> templates, boolean stackName) {
        return new Change.Placeholder(String.join(", ", templates), stackName
                ? "removed functions with a FunctionName cannot be seen without --base-template (with --stack-name"
                + " only the account's functions named STACK-LogicalId-SUFFIX are known as the stack's)"
                : "removed functions cannot be seen without --base-template or --stack-name: a function of the stack"
                + " that the template leaves out is deleted when it deploys, but the account's scenario does not say"
                + " which stack made its functions", "give --base-template FILE, the template as deployed (the pull"
                + " request's base branch)" + (stackName ? "" : ", or --stack-name for functions CloudFormation"
                + " named STACK-LogicalId-SUFFIX"));
    }

    /** A template function's {@code where}: {@code FILE: Resources.LogicalId}. */
    private static final Pattern LOGICAL_ID = Pattern.compile(": Resources\\.([A-Za-z0-9]+)$");
}
