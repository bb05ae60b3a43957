package dev.enisim.importer;

import dev.enisim.model.network.Cidr;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks across the saved files for what the scenario loader would refuse, so that a generated scenario always
 * loads: listings missing their last page, subnets of one VPC with overlapping CIDRs, reserved concurrency beyond
 * the account's limit. Each either becomes an input problem (file, path, what to do) or leaves an item out with a
 * note.
 */
final class Checks {

    private Checks() {
    }

    /**
     * A listing of which some page carries a next-page token but no page is the last is one part of the account:
     * refused, or (allowPartial) imported with a warning, on stderr and at the top of the file ({@link Account#partial}).
     * Returns the warnings.
     */
    static List<String> pages(Account a, boolean allowPartial) throws ScenarioException {
        List<String> warnings = new ArrayList<>();
        Map<String, List<Problem>> refused = new java.util.LinkedHashMap<>(); // every partial listing, at once
        for (Map.Entry<String, List<Account.Page>> e : a.pagesWithToken.entrySet()) {
            if (a.unreadable.contains(e.getKey())) {
                continue; // a file of the listing could not be read: it may be the last page
            }
            int last = a.lastPages.getOrDefault(e.getKey(), 0);
            if (last > 0) {
                a.notes.add("`" + e.getKey() + "`: " + (e.getValue().size() + last) + " pages read as one listing");
                continue;
            }
            Account.Page first = e.getValue().get(0);
            List<String> pages = e.getValue().stream().map(Account.Page::toString).toList();
            String message = "`" + e.getKey() + "` output in " + String.join(", ", pages) + " is one page of"
                    + " a longer listing (it carries the token of the next page), and no last page was given";
            if (!allowPartial) {
                refused.computeIfAbsent(first.file().toString(), k -> new ArrayList<>()).add(new Problem(first.path(),
                        message + ": give every page (several files to the same option), save the listing again"
                        + " without --max-items / --no-paginate, or pass --allow-partial to import this part alone"));
                continue;
            }
            String warning = "PARTIAL: " + message + "; imported as it is (--allow-partial): whatever is on the other"
                    + " pages is missing from this scenario";
            a.partial.add(warning);
            warnings.add(warning);
        }
        if (refused.size() == 1) {
            Map.Entry<String, List<Problem>> only = refused.entrySet().iterator().next();
            throw new ScenarioException(only.getKey(), only.getValue());
        } else if (!refused.isEmpty()) {
            List<ScenarioException> parts = new ArrayList<>();
            refused.forEach((file, problems) -> parts.add(new ScenarioException(file, problems)));
            throw new ScenarioException(parts);
        }
        if (a.functionCount != null && a.functionCount > a.functions.size()) {
            String warning = "get-account-settings counts " + a.functionCount + " functions in the Region; "
                    + a.functions.size() + " are imported (a filtered or partial listing, or functions left out)";
            a.notes.add(warning);
            warnings.add(warning);
        }
        return warnings;
    }

    /**
     * Subnets of one VPC must not overlap (the loader refuses it). Real output shows it when saves from before and
     * after a subnet was re-created are mixed: when only one of the two is used by an imported function or ENI, the
     * other is left out with a note; otherwise it is an input problem.
     */
    static void overlaps(Account a) throws ScenarioException {
        Set<String> used = new TreeSet<>();
        a.functions.values().forEach(f -> used.addAll(f.subnets()));
        a.enis.values().forEach(e -> used.add(e.subnet()));
        Map<Path, List<Problem>> problems = new LinkedHashMap<>();
        List<Account.Subnet> all = new ArrayList<>(a.subnets.values());
        Set<String> dropped = new TreeSet<>();
        for (int i = 0; i < all.size(); i++) {
            for (int k = i + 1; k < all.size(); k++) {
                Account.Subnet x = all.get(i);
                Account.Subnet y = all.get(k);
                if (!x.vpc().equals(y.vpc()) || dropped.contains(x.id()) || dropped.contains(y.id())
                        || !overlap(x.cidr(), y.cidr())) {
                    continue;
                }
                boolean ux = used.contains(x.id());
                boolean uy = used.contains(y.id());
                if (ux != uy) {
                    Account.Subnet gone = ux ? y : x;
                    Account.Subnet kept = ux ? x : y;
                    dropped.add(gone.id());
                    a.notes.add("subnet " + gone.id() + " (" + gone.cidr() + ") overlaps " + kept.id() + " ("
                            + kept.cidr() + ") in " + kept.vpc() + ": left out, as no imported function or ENI uses"
                            + " it (saves from before and after a subnet was re-created?)");
                } else {
                    problems.computeIfAbsent(y.file(), f -> new ArrayList<>()).add(new Problem(
                            CliJson.join(y.path(), "CidrBlock"), y.cidr() + " of " + y.id() + " overlaps " + x.cidr()
                            + " of " + x.id() + " (" + x.file() + ", " + x.path() + ") in " + x.vpc() + ": subnets of"
                            + " a VPC do not overlap, so one of them no longer exists (" + (ux ? "both are" : "neither"
                            + " is") + " used by an imported function or ENI); save describe-subnets again"));
                }
            }
        }
        dropped.forEach(a.subnets::remove);
        Importer.throwIfAny(problems);
    }

    private static boolean overlap(String a, String b) {
        Cidr x = Cidr.parse(a);
        Cidr y = Cidr.parse(b);
        long xs = x.network() & 0xFFFFFFFFL;
        long ys = y.network() & 0xFFFFFFFFL;
        return xs < ys + y.size() && ys < xs + x.size();
    }

    /**
     * The part of an account's concurrency limit Lambda keeps unreserved: 100, or the whole limit when it is below 100
     * (a new account's 10), as no function of such an account can reserve any.
     */
    static int unreservedMinimum(int limit) {
        return Math.min(ScenarioWriter.UNRESERVED_MINIMUM, limit);
    }

    /**
     * Reserved concurrency must fit the account: the sum at most the limit minus what Lambda keeps unreserved (100,
     * or the whole of a limit below 100). With get-account-settings that is checked, and its
     * UnreservedConcurrentExecutions compared with the imported reservations (a note when they disagree); with the
     * placeholder limit (1,000) the placeholder is raised to fit, with a note.
     */
    static void concurrency(Account a) throws ScenarioException {
        long sum = 0;
        for (Account.Function f : a.functions.values()) {
            sum += f.reserved() == null ? 0 : f.reserved();
        }
        int limit = a.concurrencyLimit == null ? ScenarioWriter.DEFAULT_CONCURRENCY : a.concurrencyLimit;
        int minimum = unreservedMinimum(limit);
        if (a.concurrencyLimit != null && a.unreservedNow != null) {
            long reservedInAccount = (long) limit - a.unreservedNow;
            if (reservedInAccount > sum) {
                a.notes.add("get-account-settings shows " + reservedInAccount + " of the account's concurrency limit of "
                        + limit + " reserved (UnreservedConcurrentExecutions " + a.unreservedNow + "), the imported"
                        + " functions " + sum + ": functions not imported (or whose reservation was not given with"
                        + " get-function or --concurrency) reserve the rest, which the scenario leaves to these");
            } else if (reservedInAccount < sum && sum + minimum <= limit) {
                a.notes.add("the imported functions reserve " + sum + ", but get-account-settings shows only "
                        + reservedInAccount + " reserved (UnreservedConcurrentExecutions " + a.unreservedNow + " of "
                        + limit + "): were these files saved at different times?");
            }
        }
        if (sum + minimum <= limit) {
            return;
        }
        if (a.concurrencyLimit != null) {
            // the get-account-settings output read last, given with --account-settings or among --functions
            throw new ScenarioException(a.concurrencyLimitFile.toString(), List.of(new Problem(
                    a.concurrencyLimitPath, "the imported functions reserve " + sum + " in all, more than this"
                    + " account can: Lambda keeps " + minimum + " of this limit of " + limit + " unreserved, so at"
                    + " most " + (limit - minimum) + " can be reserved" + (a.unreservedNow == null ? ""
                    : " (UnreservedConcurrentExecutions " + a.unreservedNow + " shows " + (limit - a.unreservedNow)
                    + " reserved)") + ": were these files saved from the same account and Region?")));
        }
        a.concurrencyLimit = null;
        a.raisedConcurrency = (int) Math.min(10_000_000, sum + ScenarioWriter.UNRESERVED_MINIMUM);
        a.notes.add("the functions reserve " + sum + " in all: the placeholder account concurrency limit is raised to "
                + a.raisedConcurrency + " so that " + ScenarioWriter.UNRESERVED_MINIMUM + " stay unreserved (give"
                + " `aws lambda get-account-settings` output with --account-settings for the real limit)");
    }
}
