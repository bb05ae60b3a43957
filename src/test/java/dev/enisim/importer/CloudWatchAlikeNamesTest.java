package dev.enisim.importer;

import static dev.enisim.importer.CloudWatchResultsTest.result;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function names that differ only in '-' against '_' or in case (orders-api, orders_api) are named alike by a
 * CloudWatch Id: the one the Id or Label holds as written is taken, with a note; when none or several do, the
 * result is refused, asking for a Label (orders_api's traffic went to orders-api, silently).
 */
class CloudWatchAlikeNamesTest {

    @TempDir
    Path dir;

    private static String functions(String... names) {
        StringBuilder b = new StringBuilder("{\"Functions\": [");
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"FunctionName\": \"").append(names[i])
                    .append("\", \"Runtime\": \"nodejs20.x\", \"MemorySize\": 512, \"Timeout\": 30}");
        }
        return b.append("]}").toString();
    }

    private static final String TIMES = "[\"2026-01-12T14:10:00+00:00\", \"2026-01-12T14:05:00+00:00\","
            + " \"2026-01-12T14:00:00+00:00\"]";

    private String importing(String functions, String result) throws Exception {
        return Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", ImporterTest.ONE_SUBNET)),
                List.of(write(dir, "functions.json", functions)), List.of(), List.of(),
                List.of(write(dir, "metrics.json", "{\"MetricDataResults\": [" + result + "], \"Messages\": []}"))),
                "t", 3600);
    }

    @Test
    void theNameWrittenAsInTheIdIsTaken() throws Exception {
        String yaml = importing(functions("orders", "orders-api", "orders_api", "Billing-API"),
                result("orders_api_invocations", "orders_api_invocations", TIMES, "[300.0, 300.0, 300.0]"));
        ScenarioLoader.parse(yaml, "t");
        String body = yaml.substring(yaml.indexOf("\nfunctions:"));
        String underscore = body.substring(body.indexOf("- name: orders_api"));
        String dash = body.substring(body.indexOf("- name: orders-api"), body.indexOf("- name: orders_api"));
        assertTrue(underscore.contains("poisson: 60/m"), underscore);
        assertTrue(dash.contains("poisson: 1/s }   # placeholder"), dash);
        assertTrue(ImporterTest.unwrapped(yaml).contains("could name orders-api or orders_api: taken as orders_api,"
                + " whose name it holds as written"), yaml);
        // a Label with the dashed name takes that one
        String byLabel = importing(functions("orders-api", "orders_api"),
                result("m1", "orders-api Invocations", TIMES, "[300.0, 300.0, 300.0]"));
        String b2 = byLabel.substring(byLabel.indexOf("- name: orders-api"), byLabel.indexOf("- name: orders_api"));
        assertTrue(b2.contains("poisson: 60/m"), b2);
    }

    @Test
    void anIdThatNamesSeveralFunctionsAlikeIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(
                functions("orders-api", "Orders-Api"),
                result("orders_api_invocations", "orders_api_invocations", TIMES, "[300.0, 300.0, 300.0]")));
        assertEquals(List.of("MetricDataResults[0].Id: 'orders_api_invocations' (Label 'orders_api_invocations')"
                + " names Orders-Api and orders-api alike (Ids write '-' as '_', and names are matched whatever their"
                + " case): give this query a Label with the function's name as it is, like \"Orders-Api"
                + " Invocations\""), e.problems().stream().map(Object::toString).toList());
        assertTrue(e.source().endsWith("metrics.json"), e.source());
    }
}
