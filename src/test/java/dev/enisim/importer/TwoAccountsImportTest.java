package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions of two AWS accounts (their FunctionArns' account ids differ) on a subnet a third account shares with
 * them through AWS RAM (describe-subnets OwnerId): Lambda keys ENIs per account, so the import puts each function in
 * its own account and a run makes one ENI per account. Fixtures are this project's own, in the CLI's shapes.
 */
class TwoAccountsImportTest {

    @TempDir
    Path dir;

    /** describe-subnets output: one subnet of a VPC owned by the network account 999999999999. */
    private static final String SHARED_SUBNETS = """
            {
              "Subnets": [
                {
                  "AvailabilityZone": "eu-west-1a",
                  "AvailabilityZoneId": "euw1-az1",
                  "AvailableIpAddressCount": 120,
                  "CidrBlock": "10.20.0.0/25",
                  "DefaultForAz": false,
                  "MapPublicIpOnLaunch": false,
                  "State": "available",
                  "SubnetId": "subnet-0a5a5a5a5a5a5a5a5",
                  "VpcId": "vpc-0b6b6b6b6b6b6b6b6",
                  "OwnerId": "999999999999",
                  "AssignIpv6AddressOnCreation": false,
                  "Ipv6CidrBlockAssociationSet": [],
                  "Tags": [ { "Key": "Name", "Value": "shared-app-a" } ],
                  "SubnetArn": "arn:aws:ec2:eu-west-1:999999999999:subnet/subnet-0a5a5a5a5a5a5a5a5",
                  "Ipv6Native": false
                }
              ]
            }
            """;

    /** list-functions output of one function of ACCOUNT on the shared subnet and security group. */
    private static String functions(String name, String account) {
        return """
                {
                  "Functions": [
                    {
                      "FunctionName": "%1$s",
                      "FunctionArn": "arn:aws:lambda:eu-west-1:%2$s:function:%1$s",
                      "Runtime": "nodejs20.x",
                      "Role": "arn:aws:iam::%2$s:role/%1$s-role",
                      "Handler": "index.handler",
                      "MemorySize": 512,
                      "Timeout": 10,
                      "VpcConfig": {
                        "SubnetIds": ["subnet-0a5a5a5a5a5a5a5a5"],
                        "SecurityGroupIds": ["sg-0c7c7c7c7c7c7c7c7"],
                        "VpcId": "vpc-0b6b6b6b6b6b6b6b6",
                        "Ipv6AllowedForDualStack": false
                      },
                      "Version": "$LATEST",
                      "PackageType": "Zip",
                      "Architectures": ["arm64"],
                      "LastUpdateStatus": "Successful"
                    }
                  ]
                }
                """.formatted(name, account);
    }

    private Importer.Inputs twoAccounts() throws Exception {
        return new Importer.Inputs(List.of(write(dir, "subnets.json", SHARED_SUBNETS)),
                List.of(write(dir, "orders.json", functions("orders-api", "222222222222")),
                        write(dir, "payments.json", functions("payments-api", "333333333333"))),
                List.of(), List.of(), List.of());
    }

    @Test
    void functionsOfTwoAccountsAreImportedIntoTheirAccountsAndGetAnEniEach() throws Exception {
        String yaml = Importer.scenario(twoAccounts(), "shared", 120);
        Scenario s = ScenarioLoader.load(write(dir, "shared.yaml", yaml));
        List<String> ids = s.accounts().list().stream().map(Scenario.Account::id).toList();
        assertEquals(List.of("222222222222", "333333333333", "999999999999"), ids, yaml);
        assertEquals(Map.of("orders-api", "222222222222", "payments-api", "333333333333"),
                s.accounts().byFunction(), yaml);
        assertEquals("999999999999", s.accounts().vpcOwners().get("vpc-0b6b6b6b6b6b6b6b6"), yaml);
        // 123 usable - 120 free = 3 in use: one ENI of each account, 1 other
        assertEquals(1, s.vpcs().get(0).subnets().get(0).otherUsedIps(), yaml);
        assertTrue(yaml.contains("3 in use = 2 Lambda ENI(s) recreated at time 0 + 1 other"), yaml);
        String notes = yaml.replaceAll("\n#     ", " ");
        assertTrue(notes.contains("the functions are of 2 AWS accounts (FunctionArn): 222222222222 (orders-api);"
                + " 333333333333 (payments-api). Written as `accounts`"), yaml);
        assertTrue(notes.contains("subnet subnet-0a5a5a5a5a5a5a5a5 is owned by account 999999999999 (describe-subnets"
                + " OwnerId) and used by functions of account(s) 222222222222, 333333333333: a subnet shared through"
                + " AWS RAM"), yaml);

        RunSummary r = new Simulation(s, 0).run().summary();
        assertEquals(2, r.enis().created(), "one ENI per account for the same subnet and security group");
        assertEquals(2, r.enis().peak());
    }

    @Test
    void oneAccountOnASharedSubnetKeepsTheSingleAccountFormAndIsNoted() throws Exception {
        Importer.Inputs in = new Importer.Inputs(List.of(write(dir, "subnets.json", SHARED_SUBNETS)),
                List.of(write(dir, "orders.json", functions("orders-api", "222222222222"))), List.of(), List.of(),
                List.of());
        String yaml = Importer.scenario(in, "one", 120);
        Scenario s = ScenarioLoader.load(write(dir, "one.yaml", yaml));
        assertTrue(s.accounts().list().isEmpty(), yaml);
        assertTrue(yaml.contains("\naccount: { concurrencyLimit: 1000 }"), yaml);
        assertTrue(yaml.replaceAll("\n#     ", " ").contains("subnet subnet-0a5a5a5a5a5a5a5a5 is owned by account"
                + " 999999999999 (describe-subnets OwnerId) and used by functions of account(s) 222222222222: a subnet"
                + " shared through AWS RAM"), yaml);
    }

    /**
     * One name in two accounts is two functions (session 61 refused the pair, "import does not yet write them"):
     * each written in its account, never merged into one.
     */
    @Test
    void oneNameInTwoAccountsIsTwoFunctionsNotMerged() throws Exception {
        Path a = write(dir, "a.json", functions("api", "222222222222"));
        Path b = write(dir, "b.json", functions("api", "333333333333"));
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SHARED_SUBNETS)),
                List.of(a, b), List.of(), List.of(), List.of()), "x", 120);
        Scenario s = ScenarioLoader.load(write(dir, "x.yaml", yaml));
        assertEquals(List.of("222222222222:api", "333333333333:api"),
                s.functions().stream().map(Scenario.Function::name).toList(), yaml);
        assertEquals("333333333333", s.accounts().of("333333333333:api"));
    }
}
