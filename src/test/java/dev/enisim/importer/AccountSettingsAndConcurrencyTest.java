package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get-account-settings} and {@code get-function-concurrency} files beside the listings: what each gives the
 * scenario (the account's limit, a function's reserved concurrency or none, a warning when the Region has more
 * functions than were imported), and each way they can be wrong, with the file and path.
 */
class AccountSettingsAndConcurrencyTest {

    @TempDir
    Path dir;

    /** Two functions, api (in subnet-a) and job (no VPC), listed by list-functions. */
    private static final String FUNCTIONS = """
            {"Functions": [
              {"FunctionName": "api", "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"]}},
              {"FunctionName": "job"}]}
            """;

    private Importer.Result run(List<Path> settings, Map<String, Path> concurrency) throws Exception {
        Path subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET);
        Path functions = write(dir, "functions.json", FUNCTIONS);
        return Importer.run(new Importer.Inputs(List.of(subnets), List.of(functions), List.of(), List.of(), List.of(),
                settings, concurrency), Importer.Options.named("settings", 600));
    }

    private ScenarioException refused(List<Path> settings, Map<String, Path> concurrency) {
        return assertThrows(ScenarioException.class, () -> run(settings, concurrency));
    }

    private static String problems(ScenarioException e) {
        return e.problems().stream().map(Object::toString).toList().toString();
    }

    @Test
    void theAccountsLimitAndAReservationOrNone() throws Exception {
        Path settings = write(dir, "settings.json", "{\"AccountLimit\": {\"ConcurrentExecutions\": 2500,"
                + " \"UnreservedConcurrentExecutions\": 2400}, \"AccountUsage\": {\"FunctionCount\": 2}}");
        Path reserved = write(dir, "api.json", "{\"ReservedConcurrentExecutions\": 100}");
        Path none = write(dir, "job.json", "{}");
        Importer.Result r = run(List.of(settings), Map.of("api", reserved, "job", none));
        var s = ScenarioLoader.parse(r.yaml(), "settings");
        assertEquals(2500, s.account().concurrencyLimit());
        assertEquals(100, s.functions().stream().filter(f -> f.name().equals("api")).findFirst().orElseThrow()
                .reservedConcurrency().getAsInt());
        assertTrue(s.functions().stream().filter(f -> f.name().equals("job")).findFirst().orElseThrow()
                .reservedConcurrency().isEmpty(), "{}: no reserved concurrency");
        assertTrue(r.warnings().isEmpty(), "2 functions in the Region, 2 imported: " + r.warnings());
    }

    @Test
    void moreFunctionsInTheRegionThanImportedIsAWarning() throws Exception {
        Path settings = write(dir, "settings.json", "{\"AccountLimit\": {\"ConcurrentExecutions\": 1000},"
                + " \"AccountUsage\": {\"FunctionCount\": 3}}");
        Importer.Result r = run(List.of(settings), Map.of());
        assertEquals(List.of("get-account-settings counts 3 functions in the Region; 2 are imported (a filtered or"
                + " partial listing, or functions left out)"), r.warnings());
    }

    @Test
    void brokenAccountSettings() throws Exception {
        Path notObject = write(dir, "a.json", "{\"AccountLimit\": 5}");
        ScenarioException a = refused(List.of(notObject), Map.of());
        assertEquals(notObject.toString(), a.source());
        assertEquals("[AccountLimit: expected an object {ConcurrentExecutions, ...}, as `aws lambda get-account-settings`"
                + " prints]", problems(a));
        Path zero = write(dir, "b.json", "{\"AccountLimit\": {\"ConcurrentExecutions\": 0}, \"AccountUsage\":"
                + " {\"FunctionCount\": -1}}");
        assertEquals("[AccountLimit.ConcurrentExecutions: expected 1 to 10000000, got 0, AccountUsage.FunctionCount:"
                + " expected 0 to 2147483647, got -1]", problems(refused(List.of(zero), Map.of())));
    }

    @Test
    void brokenConcurrencyFiles() throws Exception {
        Path two = write(dir, "two.json", "{\"ReservedConcurrentExecutions\": 1}\n{\"ReservedConcurrentExecutions\": 2}");
        ScenarioException t = refused(List.of(), Map.of("api", two));
        assertEquals(two.toString(), t.source());
        assertEquals("[[0]: expected one document ({\"ReservedConcurrentExecutions\": N}), got 2]", problems(t));
        Path negative = write(dir, "neg.json", "{\"ReservedConcurrentExecutions\": -1}");
        assertEquals("[ReservedConcurrentExecutions: expected 0 to 2147483647, got -1]",
                problems(refused(List.of(), Map.of("api", negative))));
        Path fine = write(dir, "fine.json", "{\"ReservedConcurrentExecutions\": 3}");
        ScenarioException u = refused(List.of(), Map.of("nosuch", fine));
        assertEquals(fine.toString(), u.source());
        assertEquals("[--concurrency names function 'nosuch', which no --functions file lists (known: api, job)]",
                problems(u));
    }

    /**
     * get-account-settings output among the --functions files (which the README allows), with more reserved than its
     * limit minus 100: refused as with --account-settings, naming that file and the document's path (it crashed with
     * an index out of bounds, looking for an --account-settings file that was not given).
     */
    @Test
    void reservationsBeyondALimitGivenAmongTheFunctions() throws Exception {
        Path subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET);
        Path function = write(dir, "api.json", """
                {"Configuration": {"FunctionName": "api",
                   "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"]}},
                 "Concurrency": {"ReservedConcurrentExecutions": 100}}
                """);
        Path settings = write(dir, "settings.json", "{\"AccountLimit\": {\"ConcurrentExecutions\": 150}}");
        String expected = "the imported functions reserve 100 in all, more than this account can: Lambda keeps 100 of"
                + " this limit of 150 unreserved, so at most 50 can be reserved: were these files saved from the same"
                + " account and Region?";
        for (boolean amongFunctions : new boolean[] {true, false}) {
            Importer.Inputs in = amongFunctions
                    ? new Importer.Inputs(List.of(subnets), List.of(function, settings), List.of(), List.of(),
                            List.of(), List.of(), Map.of())
                    : new Importer.Inputs(List.of(subnets), List.of(function), List.of(), List.of(), List.of(),
                            List.of(settings), Map.of());
            ScenarioException e = assertThrows(ScenarioException.class,
                    () -> Importer.run(in, Importer.Options.named("settings", 600)));
            assertEquals(settings.toString(), e.source());
            assertEquals("[AccountLimit.ConcurrentExecutions: " + expected + "]", problems(e));
        }
        // appended to the function's output in one file: the path names the document
        Path both = write(dir, "both.json", Files.readString(function) + Files.readString(settings));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.run(new Importer.Inputs(
                List.of(subnets), List.of(both), List.of(), List.of(), List.of()), Importer.Options.named("s", 600)));
        assertEquals(both.toString(), e.source());
        assertEquals("[[1].AccountLimit.ConcurrentExecutions: " + expected + "]", problems(e));
    }

    /**
     * A new account's limit of 10 (get-account-settings as the CLI prints it): it imports, with unreservedMinimum
     * the whole limit so that the scenario loads (it was refused: "reserve 0 ... more than this limit of 10 minus the
     * 100"); a reservation in such an account is refused with a message that adds up.
     */
    @Test
    void aLimitBelowOneHundredImportsWithTheWholeLimitUnreserved() throws Exception {
        for (int limit : new int[] {10, 50, 99, 100}) {
            Path settings = write(dir, "settings.json", """
                    {
                        "AccountLimit": {
                            "TotalCodeSize": 80530636800,
                            "CodeSizeUnzipped": 262144000,
                            "CodeSizeZipped": 52428800,
                            "ConcurrentExecutions": %d,
                            "UnreservedConcurrentExecutions": %d
                        },
                        "AccountUsage": {
                            "TotalCodeSize": 0,
                            "FunctionCount": 2
                        }
                    }
                    """.formatted(limit, limit));
            Importer.Result r = run(List.of(settings), Map.of());
            var s = ScenarioLoader.parse(r.yaml(), "settings");
            assertEquals(limit, s.account().concurrencyLimit());
            assertEquals(Math.min(100, limit), s.account().unreservedMinimum());
        }
        Path settings = write(dir, "settings.json", "{\"AccountLimit\": {\"ConcurrentExecutions\": 10,"
                + " \"UnreservedConcurrentExecutions\": 9}}");
        Path reserved = write(dir, "api.json", "{\"ReservedConcurrentExecutions\": 1}");
        ScenarioException e = refused(List.of(settings), Map.of("api", reserved));
        assertEquals("[AccountLimit.ConcurrentExecutions: the imported functions reserve 1 in all, more than this"
                + " account can: Lambda keeps 10 of this limit of 10 unreserved, so at most 0 can be reserved"
                + " (UnreservedConcurrentExecutions 9 shows 1 reserved): were these files saved from the same account"
                + " and Region?]", problems(e));
    }

    /** UnreservedConcurrentExecutions that shows reservations of functions not imported: a note says so. */
    @Test
    void reservationsOfOtherFunctionsAreNoted() throws Exception {
        Path settings = write(dir, "settings.json", "{\"AccountLimit\": {\"ConcurrentExecutions\": 1000,"
                + " \"UnreservedConcurrentExecutions\": 700}}");
        String yaml = ImporterTest.unwrapped(run(List.of(settings), Map.of()).yaml());
        assertTrue(yaml.contains("get-account-settings shows 300 of the account's concurrency limit of 1000 reserved"),
                yaml);
        Path more = write(dir, "more.json", "{\"AccountLimit\": {\"ConcurrentExecutions\": 10,"
                + " \"UnreservedConcurrentExecutions\": 11}}");
        assertTrue(problems(refused(List.of(more), Map.of())).contains(
                "AccountLimit.UnreservedConcurrentExecutions: expected at most ConcurrentExecutions (10), got 11"));
    }
}
