package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aws cloudformation list-exports} pages: a page with a {@code NextToken} (saved with {@code --max-items}, or
 * the API's own page) is one of several, and an export the template imports may be on another: said, as import
 * says of partial listings, instead of only "give list-exports output", which was given.
 */
class ExportPagesTest {

    @TempDir
    Path dir;

    private static final String PAGE1 = """
        {
            "Exports": [
                {
                    "ExportingStackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/NetworkStack/x",
                    "Name": "NetworkStack:SubnetA",
                    "Value": "subnet-0f1e2d3c4b5a69788"
                }
            ],
            "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsfQ=="
        }
        """;
    private static final String PAGE2 = """
        {
            "Exports": [
                {
                    "ExportingStackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/NetworkStack/x",
                    "Name": "NetworkStack:LambdaSg",
                    "Value": "sg-0a11aa11aa11aa11a"
                }
            ]
        }
        """;

    private Change read(List<Path> exports) throws Exception {
        Path t = Files.writeString(dir.resolve("svc.yaml"), "Resources:\n" + Templates.function("Fn", "svc-fn",
                "      VpcConfig:\n        SubnetIds: [!ImportValue 'NetworkStack:SubnetA']\n"
                + "        SecurityGroupIds: [!ImportValue 'NetworkStack:LambdaSg']\n"));
        return ChangeReader.read(List.of(t), List.of(), new ChangeReader.Inputs(Map.of(), ChangeReader.exports(exports),
                Map.of(), Map.of(ChangeReaderTest.A, "vpc-0a1b2c3d4e5f60718"), Set.of(), false));
    }

    @Test
    void anExportMissingFromOnePageOfSeveralSaysThePageHasANextToken() throws Exception {
        Path p1 = Files.writeString(dir.resolve("exports-page1.json"), PAGE1);
        Change c = read(List.of(p1));
        assertFalse(c.functions().get(0).vpcKnown());
        String p = c.placeholders().get(0).toString();
        assertTrue(p.contains("export NetworkStack:LambdaSg (another stack's output) (not in " + p1 + ", one page of"
                + " several of `aws cloudformation list-exports` (it has a NextToken): give every page with --exports"),
                p);
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("--exports " + p1 + ": one page of several")),
                c.notes().toString());
    }

    @Test
    void everyPageGivenResolvesAndSaysNothingOfPages() throws Exception {
        Path p1 = Files.writeString(dir.resolve("exports-page1.json"), PAGE1);
        Path p2 = Files.writeString(dir.resolve("exports-page2.json"), PAGE2);
        Change c = read(List.of(p1, p2));
        assertTrue(c.functions().get(0).vpcKnown(), c.placeholders().toString());
        assertEquals(List.of("sg-0a11aa11aa11aa11a"), c.functions().get(0).groups());
        assertTrue(c.notes().stream().noneMatch(n -> n.contains("page")), c.notes().toString());
    }
}
