package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function's reserved concurrency from two exports that disagree (a planner's review, session 53): get-function's
 * {@code Concurrency} and get-function-concurrency. The latter, the API of record for a reservation, is taken, and a
 * note names both files, both values and which was taken; the note and the scenario agree. An empty {@code {}} that
 * clears get-function's reservation is said too; exports that agree, or a list-functions description (which prints
 * no reservation), say nothing.
 */
class ReservationConflictTest {

    @TempDir
    Path dir;

    /** api's get-function output: reserved 120 (or no Concurrency at all when {@code reserved} is null). */
    private static String getFunction(Integer reserved) {
        return "{\"Configuration\": {\"FunctionName\": \"api\", \"VpcConfig\": {\"SubnetIds\": [\"subnet-a\"],"
                + " \"SecurityGroupIds\": [\"sg-1\"]}}" + (reserved == null ? "" : ", \"Concurrency\":"
                + " {\"ReservedConcurrentExecutions\": " + reserved + "}") + "}";
    }

    private record Imported(Scenario scenario, String notes) {
    }

    private Imported run(String functions, String concurrency) throws Exception {
        Path subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET);
        Path f = write(dir, "get-function.json", functions);
        Path c = write(dir, "concurrency.json", concurrency);
        Importer.Result r = Importer.run(new Importer.Inputs(List.of(subnets), List.of(f), List.of(), List.of(),
                List.of(), List.of(), Map.of("api", c)), Importer.Options.named("t", 600));
        return new Imported(ScenarioLoader.parse(r.yaml(), "t"), ImporterTest.unwrapped(r.yaml()));
    }

    private static Integer reserved(Scenario s) {
        var r = s.functions().get(0).reservedConcurrency();
        return r.isPresent() ? r.getAsInt() : null;
    }

    @Test
    void getFunctionConcurrencyIsTakenOverGetFunctionAndTheConflictIsNamed() throws Exception {
        Imported i = run(getFunction(120), "{\"ReservedConcurrentExecutions\": 100}");
        assertEquals(100, reserved(i.scenario()));
        assertTrue(i.notes().contains("function api: its reserved concurrency differs between two exports:"
                + " get-function (" + dir.resolve("get-function.json") + ", Concurrency.ReservedConcurrentExecutions)"
                + " says 120, get-function-concurrency (" + dir.resolve("concurrency.json") + ") says 100: 100 is"
                + " taken, not 120 (get-function-concurrency is the API of record for a function's reservation; were"
                + " the two saved at different times?)"), i.notes());
    }

    @Test
    void anEmptyGetFunctionConcurrencyThatClearsAReservationIsSaid() throws Exception {
        Imported i = run(getFunction(120), "{}");
        assertEquals(null, reserved(i.scenario()));
        assertTrue(i.notes().contains("get-function-concurrency (" + dir.resolve("concurrency.json") + ") says none"
                + " ({}): none is taken, not 120"), i.notes());
    }

    @Test
    void aReservationGetFunctionDidNotHaveIsSaidToo() throws Exception {
        Imported i = run(getFunction(null), "{\"ReservedConcurrentExecutions\": 7}");
        assertEquals(7, reserved(i.scenario()));
        assertTrue(i.notes().contains("get-function (" + dir.resolve("get-function.json") + ", no Concurrency) says"
                + " none, get-function-concurrency (" + dir.resolve("concurrency.json") + ") says 7: 7 is taken, not"
                + " none"), i.notes());
    }

    @Test
    void exportsThatAgreeOrAListingThatPrintsNoReservationSayNothing() throws Exception {
        Imported same = run(getFunction(100), "{\"ReservedConcurrentExecutions\": 100}");
        assertEquals(100, reserved(same.scenario()));
        assertFalse(same.notes().contains("differs between two exports"), same.notes());
        Imported listed = run("{\"Functions\": [{\"FunctionName\": \"api\", \"VpcConfig\": {\"SubnetIds\":"
                + " [\"subnet-a\"], \"SecurityGroupIds\": [\"sg-1\"]}}]}", "{\"ReservedConcurrentExecutions\": 100}");
        assertEquals(100, reserved(listed.scenario()));
        assertFalse(listed.notes().contains("differs between two exports"), listed.notes());
    }
}
