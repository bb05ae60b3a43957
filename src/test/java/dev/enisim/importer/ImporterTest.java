package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.ArrivalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

    private static final Path EX = Path.of("scenarios/import-example");

    @TempDir
    Path dir;

    private static Importer.Inputs all() {
        return new Importer.Inputs(EX.resolve("subnets.json"), EX.resolve("functions.json"), EX.resolve("enis.json"),
                EX.resolve("security-groups.json"), EX.resolve("invocations.json"));
    }

    @Test
    void realisticCliOutputBecomesAScenarioThatLoadsAndRuns() throws Exception {
        String yaml = Importer.scenario(all(), "shop", 86_400);
        Scenario s = ScenarioLoader.parse(yaml, "imported");
        assertEquals(3, s.vpcs().get(0).subnets().size());
        Scenario.Subnet shared = s.vpcs().get(0).subnets().get(2);
        assertEquals(59 - 4 - 1, shared.otherUsedIps(), "usable - AvailableIpAddressCount - Lambda's ENIs there");
        assertEquals(5, s.functions().size());
        assertEquals(7200_000_000L, s.durationMicros(), "two hours of CloudWatch data");
        Scenario.Function api = s.functions().get(0);
        assertEquals("checkout-api", api.name());
        assertEquals(1024, api.memoryMb());
        assertEquals("checkout-role", api.role());
        assertTrue(api.arrivals() instanceof ArrivalSpec.Superposition sp && sp.parts().size() == 24);
        assertTrue(s.functions().get(4).vpcConfig().subnetIds().isEmpty(), "thumbnailer is not in a VPC");
        assertEquals(Scenario.Function.Existing.ACTIVE, api.existing(), "its ENIs are in enis.json");
        assertEquals(Scenario.Function.Existing.INACTIVE, s.functions().get(3).existing(),
                "audit-export's key has no ENI: its ENIs were reclaimed");
        assertTrue(yaml.contains("PLACEHOLDERS"), "guesses are listed at the top");
        RunSummary r = new Simulation(s, 0).run().summary();
        assertEquals(6, r.enis().peak());
        assertEquals(0, r.invocations().errors().get("ResourceConflictException"), "Active from the start");
        assertTrue(r.functions().get("audit-export").invocations().errors().get("ResourceNotReadyException") > 0,
                "the idle function's first invocations fail while it restores");
        assertTrue(r.invocations().succeeded() > 500_000);
    }

    @Test
    void theCommittedExampleIsWhatImportMakes() throws Exception {
        assertEquals(Importer.scenario(all(), "shop-eu-west-1", 86_400), Files.readString(EX.resolve("scenario.yaml")));
    }

    @Test
    void partialInputUsesPlaceholdersAndOneFunctionConfigurationWorks() throws Exception {
        Path one = dir.resolve("fn.json");
        Files.writeString(one, """
                {"FunctionName": "solo", "MemorySize": 512, "Timeout": 30, "Runtime": "nodejs22.x",
                 "VpcConfig": {"SubnetIds": ["subnet-0f1e2d3c4b5a69788"], "SecurityGroupIds": ["sg-1"], "VpcId": "v"},
                 "SomethingNew": {"the": "CLI adds fields over time"}}
                """);
        String yaml = Importer.scenario(new Importer.Inputs(EX.resolve("subnets.json"), one, null, null, null), "solo",
                3600);
        Scenario s = ScenarioLoader.parse(yaml, "solo");
        assertEquals(3_600_000_000L, s.durationMicros());
        assertTrue(s.functions().get(0).arrivals() instanceof ArrivalSpec.Poisson, "placeholder traffic");
        assertTrue(yaml.contains("arrivals: { poisson: 1/s }   # placeholder"));
    }

    @Test
    void brokenFilesAreRejectedNamingFileAndPath() throws Exception {
        Path bad = dir.resolve("subnets.json");
        Files.writeString(bad, "{\"Subnets\": [ {\"SubnetId\": \"s\", \"VpcId\": \"v\", \"CidrBlock\": \"10.0.0.0/24\"");
        ScenarioException malformed = assertThrows(ScenarioException.class, () -> Importer.scenario(
                new Importer.Inputs(bad, EX.resolve("functions.json"), null, null, null), "x", 60));
        assertTrue(malformed.getMessage().contains("malformed JSON at line 1"), malformed.getMessage());
        Files.writeString(bad, """
                {"Subnets": [{"SubnetId": "s", "VpcId": "v", "AvailabilityZone": "a", "AvailableIpAddressCount": "many"}]}
                """);
        ScenarioException partial = assertThrows(ScenarioException.class, () -> Importer.scenario(
                new Importer.Inputs(bad, EX.resolve("functions.json"), null, null, null), "x", 60));
        assertTrue(partial.getMessage().contains("Subnets[0].CidrBlock: missing"), partial.getMessage());
        assertTrue(partial.getMessage().contains("Subnets[0].AvailableIpAddressCount: expected a number"));
        Files.writeString(bad, "{\"Reservations\": []}");
        ScenarioException wrong = assertThrows(ScenarioException.class, () -> Importer.scenario(
                new Importer.Inputs(bad, EX.resolve("functions.json"), null, null, null), "x", 60));
        assertTrue(wrong.getMessage().contains("is this the output of the right command?"), wrong.getMessage());
    }

    @Test
    void aFunctionInAnUnlistedSubnetIsAnError() throws Exception {
        Path fns = dir.resolve("fns.json");
        Files.writeString(fns, """
                {"Functions": [{"FunctionName": "lost", "VpcConfig": {"SubnetIds": ["subnet-nowhere"],
                 "SecurityGroupIds": ["sg-1"]}}]}
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(
                new Importer.Inputs(EX.resolve("subnets.json"), fns, null, null, null), "x", 60));
        assertTrue(e.getMessage().contains("subnet subnet-nowhere is not in"), e.getMessage());
    }
}
