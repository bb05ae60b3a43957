package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two descriptions of one function: the later is used, but a field it does not print is kept from the earlier, not
 * dropped. list-functions read after get-function lost the reservation get-function carried (list-functions and
 * get-function-configuration print none) and its State (list-functions prints none); a field both print is the
 * later's, and get-function-concurrency, the API of record for a reservation, still wins over both.
 */
class MergeKeepsUnprintedFieldsTest {

    @TempDir
    Path dir;

    private static final String GET_FUNCTION = "{\"Configuration\": {\"FunctionName\": \"api\", \"MemorySize\": 512,"
            + " \"State\": \"Inactive\", \"VpcConfig\": {\"SubnetIds\": [\"subnet-a\"], \"SecurityGroupIds\":"
            + " [\"sg-1\"]}}, \"Concurrency\": {\"ReservedConcurrentExecutions\": 120}}";
    private static final String LISTED = "{\"Functions\": [{\"FunctionName\": \"api\", \"MemorySize\": 1024,"
            + " \"VpcConfig\": {\"SubnetIds\": [\"subnet-a\"], \"SecurityGroupIds\": [\"sg-1\"]}}]}";

    private record Imported(Scenario scenario, String notes) {
    }

    private Imported run(List<String> functions, Map<String, String> concurrency) throws Exception {
        Path subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET);
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            files.add(write(dir, "functions-" + i + ".json", functions.get(i)));
        }
        Map<String, Path> c = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : concurrency.entrySet()) {
            c.put(e.getKey(), write(dir, "concurrency-" + e.getKey() + ".json", e.getValue()));
        }
        Importer.Result r = Importer.run(new Importer.Inputs(List.of(subnets), files, List.of(), List.of(), List.of(),
                List.of(), c), Importer.Options.named("t", 600));
        return new Imported(ScenarioLoader.parse(r.yaml(), "t"), ImporterTest.unwrapped(r.yaml()));
    }

    private static Integer reserved(Scenario s) {
        var r = s.functions().get(0).reservedConcurrency();
        return r.isPresent() ? r.getAsInt() : null;
    }

    @Test
    void listFunctionsAfterGetFunctionKeepsTheReservationAndTheState() throws Exception {
        Imported i = run(List.of(GET_FUNCTION, LISTED), Map.of());
        Scenario.Function api = i.scenario().functions().get(0);
        assertEquals(120, reserved(i.scenario()), i.notes());
        assertEquals(1024, api.memoryMb(), "a field both print is the later's");
        assertTrue(i.notes().contains("function api is described more than once: the later description ("
                + dir.resolve("functions-1.json") + ", Functions[0]) is used, not the earlier ("
                + dir.resolve("functions-0.json") + ", Configuration); they differ (earlier vs later): MemorySize 512"
                + " vs 1024; kept from the earlier, as the later does not print them: ReservedConcurrentExecutions"
                + " 120, State Inactive (get-function)"), i.notes());
        assertEquals(Scenario.Function.Existing.INACTIVE, i.scenario().functions().get(0).existing(), i.notes());
    }

    @Test
    void getFunctionAfterListFunctionsIsTakenWhole() throws Exception {
        Imported i = run(List.of(LISTED, GET_FUNCTION), Map.of());
        assertEquals(120, reserved(i.scenario()));
        assertEquals(512, i.scenario().functions().get(0).memoryMb());
        assertTrue(!i.notes().contains("kept from the earlier"), i.notes());
    }

    @Test
    void theApiOfRecordStillWins() throws Exception {
        Imported i = run(List.of(GET_FUNCTION, LISTED), Map.of("api", "{\"ReservedConcurrentExecutions\": 100}"));
        assertEquals(100, reserved(i.scenario()));
        // get-function's 120 is still the scenario's when get-function-concurrency is read: the conflict is named
        assertTrue(i.notes().contains("its reserved concurrency differs between two exports: get-function ("
                + dir.resolve("functions-0.json") + ", Concurrency.ReservedConcurrentExecutions) says 120,"
                + " get-function-concurrency (" + dir.resolve("concurrency-api.json") + ") says 100: 100 is taken,"
                + " not 120"), i.notes());
    }
}
