package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product manager's review: compare's terminal opened with some forty rows of two functions' detail (each going
 * from 0 to N, ranked first by their infinite relative change), the account's successes and cost at lines 103 and
 * 109, while the page opened with "What changes for the account"; and both called the fix "worse" on cost.total and
 * function errors that rose only because the fix let more invocations run. The terminal now opens with the page's
 * block (its rows, words and order), and those two are judged per million invocations that ran when those differ.
 */
class CompareAccountFirstTest {

    @TempDir
    static Path dir;

    static CliTest.Result result;
    static String html;

    /**
     * A /28 with one free address: api's ENI takes it and batch (its own security group) ends Failed
     * (SubnetOutOfIPAddresses) in A; B frees the other tenants' addresses, so batch runs: some 30% more invocations.
     */
    static String scenario() {
        return """
                name: fix-runs-more
                seed: 5
                duration: 20m
                bucket: 1m
                account:
                  concurrencyLimit: 1000
                vpcs:
                  - id: vpc-main
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 10 }
                      - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                    securityGroups: [sg-api, sg-batch]
                functions:
                  - name: api
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-api] }
                    timeout: 3s
                    duration: { dist: lognormal, median: 200ms, p99: 4s }
                    arrivals: { poisson: 20/s }
                  - name: batch
                    vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-batch] }
                    timeout: 3s
                    duration: { dist: lognormal, median: 200ms, p99: 4s }
                    arrivals: { poisson: 6/s }
                    createdAt: 1m
                """;
    }

    @BeforeAll
    static void compare() throws Exception {
        Path f = Files.writeString(dir.resolve("fix.yaml"), scenario());
        Path page = dir.resolve("c.html");
        result = CliTest.run("compare", f.toString(), "--set", "vpcs[0].subnets[0].otherUsedIps=0",
                "--replications", "4", "--html", page.toString());
        assertEquals(0, result.code(), result.err());
        html = Files.readString(page).replace("<wbr/>", "");
    }

    /** The rows of a terminal table opening at the first "metric " line after {@code heading}: metric and last cell. */
    static List<String[]> terminal(String out, String heading) {
        List<String> lines = out.lines().toList();
        int i = lines.indexOf(heading);
        assertTrue(i >= 0, "no \"" + heading + "\" in:\n" + out);
        while (!lines.get(i).startsWith("metric ")) {
            i++;
        }
        int p = lines.get(i).indexOf("p (Holm)");
        List<String[]> rows = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String l = lines.get(i);
            String metric = l.substring(0, l.indexOf("  ")).replaceAll(" \\(USD.*\\)$", "");
            rows.add(new String[] {metric, l.substring(p).replaceFirst("^\\S+\\s+", "").trim()});
        }
        return rows;
    }

    /** The page's rows of a section: metric and the last cell's words. */
    static List<String[]> page(String section) {
        int from = html.indexOf("<section id=\"" + section + "\">");
        String part = html.substring(from, html.indexOf("</section>", from));
        Matcher m = Pattern.compile("<tr><td[^>]*>([^<]+)</td>.*?<td class=\"[^\"]*\">([^<]*)</td></tr>").matcher(part);
        List<String[]> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2)});
        }
        return rows;
    }

    private static List<String> joined(List<String[]> rows) {
        return rows.stream().map(r -> r[0] + " | " + r[1]).toList();
    }

    @Test
    void theTerminalOpensWithTheAccountsRowsInThePagesOrderAndWords() {
        String out = result.out();
        List<String[]> account = terminal(out, "What changes for the account (every metric that differs is in"
                + " Differences below):");
        assertEquals(joined(page("headline")), joined(account), out);
        List<String> metrics = account.stream().map(r -> r[0]).toList();
        assertTrue(metrics.contains("invocations.succeeded") && metrics.contains("cost.total"), out);
        // before any function's detail, under the state change that the page lists first too
        int succeeded = out.indexOf("\ninvocations.succeeded ");
        assertTrue(succeeded > 0 && succeeded < out.indexOf("\nfunctions."), out);
        assertTrue(out.indexOf("batch Failed (SubnetOutOfIPAddresses) -> Active") < succeeded, out);
        assertTrue(html.indexOf("batch</strong> Failed (SubnetOutOfIPAddresses)") < html.indexOf(
                "<section id=\"differences\">"), html);
        String ok = account.stream().filter(r -> r[0].equals("invocations.succeeded")).findFirst().get()[1];
        assertEquals("better (significant)", ok, out);
        // the detail follows, in the page's Differences order, the 0 -> N rows among them
        assertEquals(page("differences").stream().map(r -> r[0]).toList(),
                terminal(out, "Differences (significant first, the largest change relative to A first):").stream()
                        .map(r -> r[0]).toList(), out);
    }

    @Test
    void costAndFunctionErrorsThatGrewWithTheInvocationsThatRanAreJudgedPerMillion() {
        String out = result.out();
        List<String[]> account = terminal(out, "What changes for the account (every metric that differs is in"
                + " Differences below):");
        List<String> metrics = account.stream().map(r -> r[0]).toList();
        int cost = metrics.indexOf("cost.total");
        assertTrue(cost >= 0, out);
        assertEquals("cost.total per million invocations that ran", metrics.get(cost + 1), out);
        assertTrue(account.get(cost)[1].startsWith("significant: B higher, more ran"), out);
        // B's extra invocations cost what A's do: per million, not worse (api's and batch's are alike)
        assertFalse(account.get(cost + 1)[1].startsWith("worse"), out);
        assertTrue(Pattern.compile("B ran [0-9,.]+ more invocations than A \\([0-9,.]+ to [0-9,.]+, \\+[0-9.]+%;")
                .matcher(out).find(), out);
        assertTrue(html.contains("more invocations than A ("), html);
        for (String[] r : page("differences")) {
            if (r[0].equals("cost.total") || r[0].equals("invocations.functionErrors")) {
                assertFalse(r[1].startsWith("worse"), r[0] + ": " + r[1]);
            }
        }
    }
}
