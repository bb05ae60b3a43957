package dev.enisim.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;

/**
 * Import's inputs beyond the listings (r8): a function's provisioned concurrency ({@code aws lambda
 * get-provisioned-concurrency-config}, which does not name its function, or {@code list-provisioned-concurrency-configs})
 * onto {@code functions[*].provisionedConcurrency}, and Service Quotas' Lambda "Elastic network interfaces per VPC"
 * ({@code aws service-quotas get-service-quota} or {@code list-service-quotas}) onto every {@code vpcs[*].eniQuota}.
 */
final class ExtraInputs {

    /** Service Quotas' code of Lambda's "Elastic network interfaces per VPC" (service code lambda). */
    static final String ENI_QUOTA_CODE = "L-9FEE3D26";

    private ExtraInputs() {
    }

    /**
     * {@code function}'s provisioned concurrency from {@code file}: the allocated environments of every qualifier
     * (enisim has no qualifiers: all the function's traffic is taken to invoke the one with provisioned concurrency),
     * summed when a listing gives several, with a note.
     */
    static void provisioned(Account a, String function, Path file, boolean functionsComplete)
            throws ScenarioException {
        String command = "aws lambda get-provisioned-concurrency-config or list-provisioned-concurrency-configs";
        long sum = 0;
        int configs = 0;
        for (CliJson j : CliJson.readAll(file, command)) {
            JsonNode list = j.root.get("ProvisionedConcurrencyConfigs");
            if (list == null && j.root.has("AllocatedProvisionedConcurrentExecutions")) {
                Long n = j.integer(j.root, "", "AllocatedProvisionedConcurrentExecutions", true, 0, 10_000_000);
                sum += n == null ? 0 : n;
                configs++;
            } else if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    String path = "ProvisionedConcurrencyConfigs[" + i + "]";
                    JsonNode c = list.get(i);
                    String arn = c.path("FunctionArn").asText("");
                    String[] parts = arn.split(":");
                    if (parts.length >= 7 && !parts[6].equals(function)) {
                        j.problem(path + ".FunctionArn", "expected a configuration of function '" + function
                                + "' (--provisioned-concurrency " + function + "=" + file + "), got " + arn);
                        continue;
                    }
                    Long n = j.integer(c, path, "AllocatedProvisionedConcurrentExecutions", true, 0, 10_000_000);
                    sum += n == null ? 0 : n;
                    configs++;
                }
            } else {
                j.problem("", "expected AllocatedProvisionedConcurrentExecutions (as `aws lambda"
                        + " get-provisioned-concurrency-config` prints) or a list 'ProvisionedConcurrencyConfigs' (as"
                        + " `list-provisioned-concurrency-configs` prints); is this the output of another command?");
            }
            j.throwIfProblems();
        }
        Account.Function f = a.functions.get(function);
        if (f == null && !functionsComplete) {
            return;
        }
        if (f == null) {
            throw new ScenarioException(file.toString(), List.of(new dev.enisim.scenario.Problem("",
                    "--provisioned-concurrency names function '" + function + "', which no --functions file lists")));
        }
        if (f.reserved() != null && sum > f.reserved()) {
            throw new ScenarioException(file.toString(), List.of(new dev.enisim.scenario.Problem("",
                    "function " + function + ": expected provisioned concurrency of at most its reserved concurrency ("
                    + f.reserved() + "), got " + sum + " (were the exports saved at different times?)")));
        }
        if (configs > 1) {
            a.notes.add("function " + function + ": " + configs + " provisioned concurrency configurations (" + file
                    + "), one per version or alias; enisim has no qualifiers, so their " + sum
                    + " allocated environments are summed onto provisionedConcurrency");
        }
        a.provisioned.put(function, (int) sum);
        a.provisionedFrom.put(function, file.toString());
    }

    /** Lambda's ENIs-per-VPC quota from {@code aws service-quotas get-service-quota} or {@code list-service-quotas}. */
    static void serviceQuotas(Account a, Path file) throws ScenarioException {
        boolean found = false;
        for (CliJson j : CliJson.readAll(file, "aws service-quotas get-service-quota or list-service-quotas")) {
            JsonNode one = j.root.get("Quota");
            JsonNode list = j.root.get("Quotas");
            if (one != null && one.isObject()) {
                found |= quota(a, j, one, "Quota", file);
            } else if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    found |= quota(a, j, list.get(i), "Quotas[" + i + "]", file);
                }
            } else {
                j.problem("", "expected an object 'Quota' (as `aws service-quotas get-service-quota` prints) or a"
                        + " list 'Quotas' (as `list-service-quotas` prints); is this the output of another command?");
            }
            j.throwIfProblems();
        }
        if (!found) {
            a.notes.add(file + ": no Lambda 'Elastic network interfaces per VPC' quota (" + ENI_QUOTA_CODE
                    + ") in it; vpcs[*].eniQuota stays the placeholder");
        }
    }

    private static boolean quota(Account a, CliJson j, JsonNode q, String path, Path file) {
        if (!ENI_QUOTA_CODE.equals(q.path("QuotaCode").asText()) || !"lambda".equals(q.path("ServiceCode").asText())) {
            return false;
        }
        JsonNode v = q.get("Value");
        if (v == null || !v.isNumber() || v.asDouble() < 1 || v.asDouble() > 1_000_000
                || v.asDouble() != Math.floor(v.asDouble())) {
            j.problem(path + ".Value", "expected a whole number of ENIs from 1 to 1000000, got " + v);
            return false;
        }
        a.eniQuota = (int) v.asDouble();
        a.eniQuotaFrom = file + " (" + j.at(path) + ", " + ENI_QUOTA_CODE + ")";
        return true;
    }
}
