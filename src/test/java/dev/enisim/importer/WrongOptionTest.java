package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file given to the wrong option is told which listing it is and which option takes it, once: a planner's review gave
 * a describe-network-interfaces page (with its NextToken) to --metrics and read "is this the output of another
 * command?", then a second problem calling the same file a get-metric-data page of a longer listing.
 */
class WrongOptionTest {

    @TempDir
    Path dir;

    private static final String FUNCTION = "{\"Functions\": [{\"FunctionName\": \"api\", \"VpcConfig\": {\"SubnetIds\":"
            + " [\"subnet-a\"], \"SecurityGroupIds\": [\"sg-1\"]}}]}";
    private static final String ENI_PAGE = "{\"NetworkInterfaces\": [{\"NetworkInterfaceId\": \"eni-1\", \"SubnetId\":"
            + " \"subnet-a\", \"VpcId\": \"vpc-1\", \"InterfaceType\": \"interface\", \"PrivateIpAddress\": \"10.0.0.9\","
            + " \"Groups\": []}], \"NextToken\": \"eyJuZXh0\"}";

    private List<String> problems(Importer.Inputs in) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.run(in, Importer.Options.named("w",
                600)));
        List<String> out = new java.util.ArrayList<>();
        List<ScenarioException> parts = e.parts().isEmpty() ? List.of(e) : e.parts();
        for (ScenarioException p : parts) {
            p.problems().forEach(q -> out.add(Path.of(p.source()).getFileName() + ": " + q.path() + ": "
                    + q.message()));
        }
        return out;
    }

    @Test
    void anEniPageGivenToMetricsIsNamedOnceWithItsOption() throws Exception {
        Path subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET);
        Path functions = write(dir, "functions.json", FUNCTION);
        Path enis = write(dir, "enis.json", ENI_PAGE);
        assertEquals(List.of("enis.json: MetricDataResults: expected a list 'MetricDataResults', as `aws cloudwatch"
                + " get-metric-data` prints: this file holds 'NetworkInterfaces', as `aws ec2"
                + " describe-network-interfaces` prints: give it with --enis"),
                problems(new Importer.Inputs(List.of(subnets), List.of(functions), List.of(), List.of(),
                        List.of(enis))));
    }

    @Test
    void swappedFilesAreEachToldTheirOption() throws Exception {
        Path subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET);
        Path functions = write(dir, "functions.json", FUNCTION);
        Path enis = write(dir, "enis.json", ENI_PAGE);
        List<String> got = problems(new Importer.Inputs(List.of(enis), List.of(functions), List.of(subnets),
                List.of(), List.of()));
        assertEquals(List.of("enis.json: Subnets: expected a list 'Subnets', as `aws ec2 describe-subnets` prints:"
                + " this file holds 'NetworkInterfaces', as `aws ec2 describe-network-interfaces` prints: give it with"
                + " --enis"), got.subList(0, 1));
        assertEquals(1, got.stream().filter(p -> p.startsWith("subnets.json: NetworkInterfaces: expected a list"
                + " 'NetworkInterfaces', as `aws ec2 describe-network-interfaces` prints: this file holds 'Subnets',"
                + " as `aws ec2 describe-subnets` prints: give it with --subnets")).count(), got.toString());
        assertEquals(0, got.stream().filter(p -> p.contains("longer listing")).count(), got.toString());
    }

    @Test
    void aFileOfNoKnownListingStillAsks() throws Exception {
        Path subnets = write(dir, "subnets.json", "{\"Reservations\": []}");
        Path functions = write(dir, "functions.json", FUNCTION);
        assertEquals(List.of("subnets.json: Subnets: expected a list 'Subnets', as `aws ec2 describe-subnets` prints"
                + " (is this the output of another command?)"), problems(ImporterTest.only(subnets, functions)));
    }
}
