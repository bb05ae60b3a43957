package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subnet or a function described in two files (saved at different times): the later description wins for both,
 * and the note names each field that differs with both values. A dropped {@code Ipv6AllowedForDualStack: true} is
 * in the NOTES at the top and counted as a placeholder. Fixtures are this project's own, in the CLI's shapes.
 */
class DescribedTwiceAndDroppedFlagTest {

    @TempDir
    Path dir;

    /** describe-subnets output: one dual-stack subnet (its IPv6 block associated or not) with AVAILABLE free. */
    private static String subnets(int available, String ipv6State) {
        return """
                {
                  "Subnets": [
                    {
                      "AvailabilityZone": "us-west-2a",
                      "AvailabilityZoneId": "usw2-az2",
                      "AvailableIpAddressCount": %d,
                      "CidrBlock": "10.40.0.0/24",
                      "DefaultForAz": false,
                      "MapPublicIpOnLaunch": false,
                      "State": "available",
                      "SubnetId": "subnet-0d1e2f3a4b5c6d7e8",
                      "VpcId": "vpc-0f1e2d3c4b5a69788",
                      "OwnerId": "123456789012",
                      "AssignIpv6AddressOnCreation": false,
                      "Ipv6CidrBlockAssociationSet": [
                        {
                          "AssociationId": "subnet-cidr-assoc-0a0b0c0d0e0f01020",
                          "Ipv6CidrBlock": "2600:1f14:aaa:bb00::/64",
                          "Ipv6CidrBlockState": { "State": "%s" }
                        }
                      ],
                      "Tags": [ { "Key": "Name", "Value": "app-a" } ],
                      "SubnetArn": "arn:aws:ec2:us-west-2:123456789012:subnet/subnet-0d1e2f3a4b5c6d7e8",
                      "Ipv6Native": false
                    }
                  ]
                }
                """.formatted(available, ipv6State);
    }

    /** get-function-configuration output of orders-api, with MEMORY MB and Ipv6AllowedForDualStack true. */
    private static String function(int memory) {
        return """
                {
                  "FunctionName": "orders-api",
                  "FunctionArn": "arn:aws:lambda:us-west-2:123456789012:function:orders-api",
                  "Runtime": "python3.12",
                  "Role": "arn:aws:iam::123456789012:role/service-role/orders-role",
                  "Handler": "handler.handler",
                  "MemorySize": %d,
                  "Timeout": 5,
                  "VpcConfig": {
                    "SubnetIds": ["subnet-0d1e2f3a4b5c6d7e8"],
                    "SecurityGroupIds": ["sg-0a1b2c3d4e5f60718"],
                    "VpcId": "vpc-0f1e2d3c4b5a69788",
                    "Ipv6AllowedForDualStack": true
                  },
                  "State": "Active",
                  "LastUpdateStatus": "Successful",
                  "PackageType": "Zip",
                  "Architectures": ["x86_64"]
                }
                """.formatted(memory);
    }

    private static Importer.Inputs inputs(List<Path> subnets, List<Path> functions) {
        return new Importer.Inputs(subnets, functions, List.of(), List.of(), List.of());
    }

    @Test
    void aSubnetDescribedTwiceTakesTheLaterDescriptionAndTheNoteSaysWhatDiffers() throws Exception {
        Path early = write(dir, "subnets-monday.json", subnets(243, "associated"));
        Path late = write(dir, "subnets-friday.json", subnets(200, "associated"));
        Path fn = write(dir, "fn.json", function(256));
        String yaml = Importer.scenario(inputs(List.of(early, late), List.of(fn)), "twice", 3600);
        Scenario s = ScenarioLoader.load(write(dir, "twice.yaml", yaml));
        // 251 usable - 200 free = 51 in use, 1 of them the ENI recreated at time 0
        assertEquals(50, s.vpcs().get(0).subnets().get(0).otherUsedIps(), yaml);
        String flat = yaml.replaceAll("\n#     ", " ");
        assertTrue(flat.contains("subnet subnet-0d1e2f3a4b5c6d7e8 is described more than once: the later description ("
                + late + ", Subnets[0]) is used, not the earlier (" + early + ", Subnets[0]); they differ (earlier vs"
                + " later): AvailableIpAddressCount 243 vs 200"), yaml);

        // the other order: the later file wins again
        String back = Importer.scenario(inputs(List.of(late, early), List.of(fn)), "twice", 3600);
        assertEquals(7, ScenarioLoader.load(write(dir, "back.yaml", back)).vpcs().get(0).subnets().get(0)
                .otherUsedIps(), back);
        assertTrue(back.replaceAll("\n#     ", " ").contains("AvailableIpAddressCount 200 vs 243"), back);

        // the same description twice: said to agree
        String same = Importer.scenario(inputs(List.of(early, early), List.of(fn)), "same", 3600);
        assertTrue(same.replaceAll("\n#     ", " ").contains("Subnets[0]); the two agree"), same);
    }

    @Test
    void aFunctionDescribedTwiceTakesTheLaterDescriptionAndTheNoteSaysWhatDiffers() throws Exception {
        Path subnets = write(dir, "subnets.json", subnets(243, "associated"));
        Path early = write(dir, "fn-256.json", function(256));
        Path late = write(dir, "fn-1024.json", function(1024));
        String yaml = Importer.scenario(inputs(List.of(subnets), List.of(early, late)), "twice", 3600);
        assertEquals(1024, ScenarioLoader.load(write(dir, "twice.yaml", yaml)).functions().get(0).memoryMb());
        assertTrue(yaml.replaceAll("\n#     ", " ").contains("function orders-api is described more than once: the"
                + " later description (" + late + ") is used, not the earlier (" + early + "); they differ (earlier vs"
                + " later): MemorySize 256 vs 1024"), yaml);
    }

    @Test
    void aDroppedIpv6FlagIsInTheNotesAndCountedAsAPlaceholder() throws Exception {
        Path subnets = write(dir, "subnets.json", subnets(243, "disassociated"));
        Path fn = write(dir, "fn.json", function(256));
        Path out = dir.resolve("v6.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run("import", "--subnets", subnets.toString(), "--functions",
                fn.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String yaml = Files.readString(out);
        assertFalse(ScenarioLoader.load(out).functions().get(0).vpcConfig().ipv6AllowedForDualStack());
        String notes = yaml.substring(yaml.indexOf("# NOTES:"), yaml.indexOf("\nname: ")).replaceAll("\n#     ", " ");
        assertTrue(notes.contains("orders-api: Ipv6AllowedForDualStack: true left out (its ENIs get no IPv6 address in"
                + " the run): not every one of its subnets (subnet-0d1e2f3a4b5c6d7e8) has an associated IPv6 CIDR"), yaml);
        String top = yaml.substring(yaml.indexOf("# PLACEHOLDERS:"), yaml.indexOf("# NOTES:"));
        assertTrue(top.replaceAll("\n#     ", " ").contains("functions[orders-api].vpcConfig.ipv6AllowedForDualStack:"
                + " left out (false), though the function sets Ipv6AllowedForDualStack: true"), yaml);
        long marked = yaml.lines().filter(l -> l.contains("# placeholder")).count();
        assertTrue(r.out().startsWith("Wrote " + out + ": " + marked + " placeholder value(s), each marked"
                + " '# placeholder'"), r.out());
        assertTrue(yaml.contains("securityGroupIds: [sg-0a1b2c3d4e5f60718] }   # placeholder:"
                + " ipv6AllowedForDualStack left out (NOTES)"), yaml);

        // with the block associated the flag is kept, and nothing is said
        Path ok = write(dir, "subnets-ok.json", subnets(243, "associated"));
        String kept = Importer.scenario(inputs(List.of(ok), List.of(fn)), "v6", 3600);
        assertTrue(kept.contains("ipv6AllowedForDualStack: true }\n"), kept);
        assertFalse(kept.contains("Ipv6AllowedForDualStack: true left out"), kept);
    }
}
