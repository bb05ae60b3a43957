package dev.enisim.importer;

import dev.enisim.scenario.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Import's inputs beyond the listings (r8): a function's provisioned concurrency ({@code aws lambda
 * get-provisioned-concurrency-config}, which does not name its function, or {@code list-provisioned-concurrency-configs})
 * onto {@code functions[*].provisionedConcurrency}; Service Quotas' Lambda "Elastic network interfaces per VPC"
 * ({@code aws service-quotas get-service-quota} or {@code list-service-quotas}) onto every {@code vpcs[*].eniQuota},
 * and EC2's "Network interfaces per Region" onto {@code account.networkInterfacesPerRegion}; and a function's {@code
 * aws lambda list-tags} output (which does not name it) onto {@code functions[*].tags}.
 */
final class ExtraInputs {

    /**
     * Service Quotas' code of Lambda's "Elastic network interfaces per VPC" (service code {@code lambda}): the code
     * of that quota name in AWS's own console link (servicequotas/home/services/lambda/quotas/L-9FEE3D26) and in
     * terraform-provider-aws's servicequotas tests.
     */
    static final String ENI_QUOTA_CODE = "L-9FEE3D26";
    /**
     * Service Quotas' code of "Network interfaces per Region", an Amazon VPC quota (service code {@code vpc}, not
     * {@code ec2}; the Amazon VPC quotas page lists it under Network interfaces).
     */
    static final String REGION_QUOTA_CODE = "L-DF5E4CA3";
    static final String REGION_QUOTA_SERVICE = "vpc";
    /** Service Quotas' code of Lambda's "Concurrent executions" (service code {@code lambda}): the account's limit. */
    static final String CONCURRENCY_QUOTA_CODE = "L-B99A9384";

    private ExtraInputs() {
    }

    /**
     * {@code function}'s provisioned concurrency from {@code file}: the configured figure (RequestedProvisioned...,
     * what AWS bills from PutProvisionedConcurrencyConfig on, allocated or not; the allocated one for an output
     * without it) of every qualifier (enisim has no qualifiers: all the function's traffic is taken to invoke the one
     * with provisioned concurrency), summed when a listing gives several, with a note; another note when the
     * allocation had not caught up (Allocated below Requested, or a Status other than READY).
     */
    static void provisioned(Account a, String function, Path file, boolean functionsComplete)
            throws ScenarioException {
        String command = "aws lambda get-provisioned-concurrency-config or list-provisioned-concurrency-configs";
        long sum = 0;
        int configs = 0;
        List<String> behind = new java.util.ArrayList<>();
        List<String> fields = new java.util.ArrayList<>(); // the field each configuration's figure came from
        List<CliJson> docs = CliJson.readAll(file, command);
        for (CliJson j : docs) {
            JsonNode list = j.root.get("ProvisionedConcurrencyConfigs");
            if (list == null && j.root.has("AllocatedProvisionedConcurrentExecutions")) {
                sum += configured(j, j.root, "", behind, fields);
                configs++;
            } else if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    String path = "ProvisionedConcurrencyConfigs[" + i + "]";
                    JsonNode c = list.get(i);
                    String arn = c.path("FunctionArn").asText("");
                    String[] parts = arn.split(":");
                    if (parts.length >= 7 && !parts[6].equals(function)) {
                        j.problem(path + ".FunctionArn", "expected a configuration of function " + Problem.quote(function)
                                + " (--provisioned-concurrency " + Problem.shortened(function) + "=" + file + "), got "
                                + Problem.shortened(arn));
                        continue;
                    }
                    sum += configured(j, c, path, behind, fields);
                    configs++;
                }
            } else {
                j.problem("", "expected AllocatedProvisionedConcurrentExecutions (as `aws lambda"
                        + " get-provisioned-concurrency-config` prints) or a list 'ProvisionedConcurrencyConfigs' (as"
                        + " `list-provisioned-concurrency-configs` prints); is this the output of another command?");
            }
        }
        docs.get(0).throwIfProblems(); // every document's problems, at once (the documents share one list)
        Account.Function f = a.functions.get(function);
        if (f == null && !functionsComplete) {
            return;
        }
        if (f == null) {
            throw new ScenarioException(file.toString(), List.of(new dev.enisim.scenario.Problem("",
                    "--provisioned-concurrency names function " + Problem.quote(function) + ", which no --functions file lists")));
        }
        if (f.reserved() != null && sum > f.reserved()) {
            throw new ScenarioException(file.toString(), List.of(new dev.enisim.scenario.Problem("",
                    "function " + function + ": expected provisioned concurrency of at most its reserved concurrency ("
                    + f.reserved() + "), got " + sum + " (were the exports saved at different times?)")));
        }
        if (configs > 1) {
            a.notes.add("function " + function + ": " + configs + " provisioned concurrency configurations (" + file
                    + "), one per version or alias; enisim has no qualifiers, so their " + sum
                    + " configured environments are summed onto provisionedConcurrency");
        }
        if (!behind.isEmpty()) {
            a.notes.add("function " + function + ": provisioned concurrency " + String.join("; ", behind) + " ("
                    + file + "): imported the configured figure, which AWS bills whether allocated or not; enisim"
                    + " allocates provisionedConcurrency before the run (to see the allocation take time, put it on"
                    + " the timeline with putProvisionedConcurrencyConfig)");
        }
        a.provisioned.put(function, (int) sum);
        a.provisionedFrom.put(function, file.toString());
        // r1: the comment named Allocated... for a Requested figure (Requested 100, Allocated 40, IN_PROGRESS)
        a.provisionedSays.put(function, String.join(" + ", new java.util.TreeSet<>(fields)) + (behind.isEmpty() ? ""
                : "; " + String.join("; ", behind) + ": NOTES"));
    }

    /**
     * One configuration's figure: RequestedProvisionedConcurrentExecutions (the configured one), or the Allocated
     * one for an output without it; when the allocation had not caught up, what it was is added to {@code behind}.
     */
    private static long configured(CliJson j, JsonNode c, String path, List<String> behind, List<String> fields) {
        Long allocated = j.integer(c, path, "AllocatedProvisionedConcurrentExecutions", true, 0, 10_000_000);
        Long requested = j.integer(c, path, "RequestedProvisionedConcurrentExecutions", false, 0, 10_000_000);
        if (requested == null) {
            fields.add("AllocatedProvisionedConcurrentExecutions");
            return allocated == null ? 0 : allocated;
        }
        fields.add("RequestedProvisionedConcurrentExecutions");
        String status = c.path("Status").asText("");
        if (allocated != null && (allocated < requested || !status.isEmpty() && !status.equals("READY"))) {
            behind.add((path.isEmpty() ? "" : path + ": ") + "requested " + requested + ", allocated " + allocated
                    + (status.isEmpty() ? "" : ", Status " + status));
        }
        return requested;
    }

    /**
     * Lambda's ENIs-per-VPC quota and EC2's network interfaces per Region from {@code aws service-quotas
     * get-service-quota} or {@code list-service-quotas}; every document's problems said at once.
     */
    static void serviceQuotas(Account a, Path file) throws ScenarioException {
        List<String> unused = new java.util.ArrayList<>();
        boolean found = false;
        boolean region = false;
        List<CliJson> docs = CliJson.readAll(file, "aws service-quotas get-service-quota or list-service-quotas");
        for (CliJson j : docs) {
            JsonNode one = j.root.get("Quota");
            JsonNode list = j.root.get("Quotas");
            if (one != null && one.isObject()) {
                found |= quota(a, j, one, "Quota", file);
                region |= regionQuota(a, j, one, "Quota", file);
                shape(a, file, "get-service-quota");
                unused(a, j, one, "Quota", unused);
            } else if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    found |= quota(a, j, list.get(i), "Quotas[" + i + "]", file);
                    region |= regionQuota(a, j, list.get(i), "Quotas[" + i + "]", file);
                    unused(a, j, list.get(i), "Quotas[" + i + "]", unused);
                }
                shape(a, file, "list-service-quotas");
            } else {
                j.problem("", "expected an object 'Quota' (as `aws service-quotas get-service-quota` prints) or a"
                        + " list 'Quotas' (as `list-service-quotas` prints); is this the output of another command?");
            }
        }
        docs.get(0).throwIfProblems();
        if (!unused.isEmpty()) {
            a.notes.add(file + ": " + unused.size() + " quota(s) import does not use, left out: " + String.join("; ",
                    unused) + " (it reads Lambda's " + ENI_QUOTA_CODE + " and " + CONCURRENCY_QUOTA_CODE
                    + ", and " + REGION_QUOTA_SERVICE + "'s " + REGION_QUOTA_CODE + ")");
        }
        if (!found && !region) {
            a.notes.add(file + ": neither Lambda's 'Elastic network interfaces per VPC' quota (lambda, "
                    + ENI_QUOTA_CODE + ") nor EC2's 'Network interfaces per Region' (" + REGION_QUOTA_SERVICE + ", "
                    + REGION_QUOTA_CODE + ") in it; vpcs[*].eniQuota stays the placeholder");
        }
    }

    /** The file's shape, for the header's list of inputs: one command's output, or both appended. */
    private static void shape(Account a, Path file, String command) {
        a.quotaShape.merge(file, command, (x, y) -> x.equals(y) ? x : "get-service-quota and list-service-quotas");
    }

    /**
     * A quota import does not read ({@code unused}: "L-XXXX (its QuotaName)"); Lambda's Concurrent executions
     * (L-B99A9384) is read here, by its QuotaArn's account ({@link #concurrencyQuotas} applies it).
     */
    private static void unused(Account a, CliJson j, JsonNode q, String path, List<String> unused) {
        String code = q.path("QuotaCode").asText("");
        String service = q.path("ServiceCode").asText("");
        if (CONCURRENCY_QUOTA_CODE.equals(code) && "lambda".equals(service)) {
            Integer v = value(j, q, path, "concurrent executions");
            if (v != null) {
                String of = quotaAccount(q);
                a.concurrencyQuotas.put(of, v);
                a.concurrencyQuotasFrom.put(of, j.file + " (" + j.at(path) + ", " + CONCURRENCY_QUOTA_CODE + ")");
                a.concurrencyQuotasFile.put(of, j.file);
            }
            return;
        }
        if ((ENI_QUOTA_CODE.equals(code) && "lambda".equals(service))
                || (REGION_QUOTA_CODE.equals(code) && REGION_QUOTA_SERVICE.equals(service))) {
            return;
        }
        String name = q.path("QuotaName").asText("");
        unused.add((code.isEmpty() ? "no QuotaCode" : code) + (service.isEmpty() ? "" : " of " + service)
                + (name.isEmpty() ? "" : " (" + name + ")"));
    }

    private static boolean quota(Account a, CliJson j, JsonNode q, String path, Path file) {
        if (!ENI_QUOTA_CODE.equals(q.path("QuotaCode").asText()) || !"lambda".equals(q.path("ServiceCode").asText())) {
            return false;
        }
        Integer v = value(j, q, path, "ENIs");
        if (v == null) {
            return false;
        }
        a.eniQuota = v;
        a.eniQuotaFrom = file + " (" + j.at(path) + ", " + ENI_QUOTA_CODE + ")";
        String of = quotaAccount(q);
        a.eniQuotas.put(of, v);
        a.eniQuotasFrom.put(of, a.eniQuotaFrom);
        return true;
    }

    /** EC2's "Network interfaces per Region" (Amazon VPC's quota L-DF5E4CA3), onto the account's Region quota. */
    private static boolean regionQuota(Account a, CliJson j, JsonNode q, String path, Path file) {
        if (!REGION_QUOTA_CODE.equals(q.path("QuotaCode").asText())
                || !REGION_QUOTA_SERVICE.equals(q.path("ServiceCode").asText())) {
            return false;
        }
        Integer v = value(j, q, path, "network interfaces");
        if (v == null) {
            return false;
        }
        a.regionQuota = v;
        a.regionQuotaFrom = file + " (" + j.at(path) + ", " + REGION_QUOTA_CODE + ")";
        String of = quotaAccount(q);
        a.regionQuotas.put(of, v);
        a.regionQuotasFrom.put(of, a.regionQuotaFrom);
        return true;
    }

    /** The account a quota's QuotaArn names ("" when it has none). */
    private static String quotaAccount(JsonNode q) {
        String of = FunctionsReader.accountOf(q.path("QuotaArn").asText(""));
        return of == null ? "" : of;
    }

    /**
     * Each quota onto its QuotaArn's account, once the accounts are known: the first account's (or the only one's)
     * into {@code eniQuota} and {@code regionQuota}, which the written scenario gives that account (and the VPCs it
     * owns); a quota without an account in its ARN is the first account's, as before QuotaArn was read; a quota of
     * an account the import has no function or VPC of is not applied, and a note says so (review r2, session 60:
     * one account's quota was given to another, and two accounts' files kept only the last).
     */
    static void quotasByAccount(Account a) {
        List<String> known = new java.util.ArrayList<>(a.functionAccounts);
        if (known.isEmpty() && a.onlyAccount != null) {
            known.add(a.onlyAccount);
        }
        for (String owner : new java.util.TreeSet<>(a.vpcOwner.values())) {
            if (!known.contains(owner) && !a.functionAccounts.isEmpty()) {
                known.add(owner);
            }
        }
        if (known.isEmpty()) {
            return; // no account named anywhere: the last quota read, as before
        }
        String first = known.get(0);
        a.eniQuota = pick(a, a.eniQuotas, a.eniQuotasFrom, known, first, "Lambda's Elastic network interfaces per"
                + " VPC (" + ENI_QUOTA_CODE + ")");
        a.eniQuotaFrom = a.eniQuota == null ? null : a.eniQuotasFrom.getOrDefault(first, a.eniQuotasFrom.get(""));
        for (Map.Entry<String, Integer> e : a.eniQuotas.entrySet()) {
            String k = e.getKey();
            if (!a.functionAccounts.isEmpty() && known.contains(k) && !a.vpcOwner.containsValue(k)
                    && !(k.equals(first) && a.vpcOwner.size() < a.subnets.values().stream().map(Account.Subnet::vpc)
                    .distinct().count())) {
                a.notes.add(a.eniQuotasFrom.get(k) + ": Lambda's Elastic network interfaces per VPC (" + ENI_QUOTA_CODE
                        + ") " + e.getValue() + " of account " + k + " (its QuotaArn), which owns none of the VPCs: a"
                        + " VPC's `eniQuota` is its owner's, so it is not applied to them (under the default"
                        + " `vpcs[*].eniQuotaCountedPer: vpc` the owner's quota counts every account's ENIs; under"
                        + " `account` each account's copy takes the VPC's `eniQuota` too: set it to this account's"
                        + " figure if that is the one to try)");
            }
        }
        a.regionQuota = pick(a, a.regionQuotas, a.regionQuotasFrom, known, first, "EC2's Network interfaces per"
                + " Region (" + REGION_QUOTA_CODE + ")");
        a.regionQuotaFrom = a.regionQuota == null ? null : a.regionQuotasFrom.getOrDefault(first,
                a.regionQuotasFrom.get(""));
    }

    /** The first account's quota; the notes of quotas of accounts not imported. */
    private static Integer pick(Account a, Map<String, Integer> quotas, Map<String, String> from, List<String> known,
            String first, String what) {
        for (Map.Entry<String, Integer> e : quotas.entrySet()) {
            if (!e.getKey().isEmpty() && !known.contains(e.getKey())) {
                a.notes.add(from.get(e.getKey()) + ": " + what + " " + e.getValue() + " of account " + e.getKey()
                        + " (its QuotaArn), an account the import has no function or VPC of (it has "
                        + String.join(", ", known) + "): not applied to any other account");
            }
        }
        return quotas.containsKey(first) ? quotas.get(first) : quotas.get("");
    }

    /**
     * Lambda's Concurrent executions quotas (L-B99A9384) onto their QuotaArn's accounts, once the functions are read
     * (before the reservations are checked against the limit): the first account's (the smallest id of the
     * functions' ARNs, as the scenario's accounts are ordered; or the only one, or one without an account in its ARN)
     * is the account's concurrencyLimit unless get-account-settings gave it (a note when they differ); each other
     * account's is its own row's; a quota of an account no function is of is not applied, with a note.
     */
    static void concurrencyQuotas(Account a) {
        TreeSet<String> accounts = new TreeSet<>();
        a.functions.values().forEach(f -> {
            if (f.account() != null) {
                accounts.add(f.account());
            }
        });
        String first = accounts.isEmpty() ? null : accounts.first();
        a.concurrencyQuotas.forEach((of, v) -> {
            String from = a.concurrencyQuotasFrom.get(of);
            if (!of.isEmpty() && !accounts.isEmpty() && !accounts.contains(of)) {
                a.notes.add(from + ": Lambda's Concurrent executions (" + CONCURRENCY_QUOTA_CODE + ") " + v
                        + " of account " + of + " (its QuotaArn), an account the import has no function of (it has "
                        + String.join(", ", accounts) + "): not applied to any other account");
            } else if (!of.isEmpty() && !of.equals(first)) {
                a.accountConcurrency.put(of, v);
            } else if (a.concurrencyLimit != null && a.concurrencyLimitFrom == null) {
                if (a.concurrencyLimit.intValue() != v) {
                    a.notes.add(from + ": Lambda's Concurrent executions (" + CONCURRENCY_QUOTA_CODE + ") is " + v
                            + ", but get-account-settings says " + a.concurrencyLimit + " (AccountLimit."
                            + "ConcurrentExecutions): " + a.concurrencyLimit + " is taken, the limit Lambda applies"
                            + " (were they saved at different times, or is an increase pending?)");
                }
            } else {
                a.concurrencyLimit = v;
                a.concurrencyLimitFrom = from;
                a.concurrencyLimitFile = a.concurrencyQuotasFile.get(of);
                a.concurrencyLimitPath = from.substring(from.lastIndexOf(" (") + 2, from.lastIndexOf(", "));
            }
        });
    }

    /** An account's own quota (null: none read), for an account after the first. */
    static Integer regionQuotaOf(Account a, String account) {
        return a.regionQuotas.get(account);
    }

    /** A quota's {@code Value}: a whole number from 1 to 1,000,000, or null with a problem. */
    private static Integer value(CliJson j, JsonNode q, String path, String what) {
        JsonNode v = q.get("Value");
        if (v == null || !v.isNumber() || v.asDouble() < 1 || v.asDouble() > 1_000_000
                || v.asDouble() != Math.floor(v.asDouble())) {
            j.problem(path + ".Value", "expected a whole number of " + what + " from 1 to 1000000, got " + v);
            return null;
        }
        return (int) v.asDouble();
    }

    /**
     * {@code aws lambda list-tags --resource ARN} output ({@code {"Tags": {...}}}), which does not name its
     * function: {@code function}'s tags, in place of any get-function printed (the API of record for tags).
     */
    static void listTags(Account a, String function, Path file, boolean functionsComplete) throws ScenarioException {
        List<CliJson> docs = CliJson.readAll(file, "aws lambda list-tags");
        Map<String, String> tags = null;
        for (CliJson j : docs) {
            if (!j.root.has("Tags")) {
                j.problem("", "expected an object 'Tags' (as `aws lambda list-tags` prints); is this the output of"
                        + " another command?");
                continue;
            }
            Map<String, String> read = FunctionsReader.tagMap(j, j.root.get("Tags"), "Tags", "aws lambda list-tags");
            if (read != null) {
                tags = read; // a later document (appended) is the later listing
            }
        }
        docs.get(0).throwIfProblems();
        if (!a.functions.containsKey(function)) {
            if (functionsComplete) {
                throw new ScenarioException(file.toString(), List.of(new dev.enisim.scenario.Problem("",
                        "--tags names function " + Problem.quote(function) + ", which no --functions file lists")));
            }
            return;
        }
        Map<String, String> before = a.tags.get(function);
        if (before != null && !before.equals(tags)) {
            a.notes.add("function " + function + ": its tags differ between " + a.tagsFrom.get(function)
                    + " (get-function) and " + file + " (list-tags); list-tags', the API of record for tags, taken");
        }
        a.tags.put(function, tags);
        a.tagsFrom.put(function, file.toString());
    }
}
