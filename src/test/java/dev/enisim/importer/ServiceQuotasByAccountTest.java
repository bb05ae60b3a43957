package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service Quotas' values are each account's (their QuotaArn names it): a landing zone's two workload accounts'
 * files are each applied to their own account, not the last one read to the first account (review r2, session 60).
 * Fixtures are this project's own, in the CLI's shapes.
 */
class ServiceQuotasByAccountTest {

    @TempDir
    Path dir;

    private static final String SUBNETS = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 200,
              "CidrBlock": "10.0.0.0/24", "State": "available", "SubnetId": "subnet-0aaaa0000000000a1",
              "VpcId": "vpc-0shared000000001", "OwnerId": "111111111111"}]}
            """;

    private static String functions(String account, String name) {
        return """
                {"Functions": [{"FunctionName": "NAME", "FunctionArn": "arn:aws:lambda:eu-west-1:ACCT:function:NAME",
                  "Runtime": "python3.12", "Role": "arn:aws:iam::ACCT:role/r", "MemorySize": 256, "Timeout": 10,
                  "VpcConfig": {"SubnetIds": ["subnet-0aaaa0000000000a1"], "SecurityGroupIds": ["sg-0a0000000000000a1"],
                    "VpcId": "vpc-0shared000000001"},
                  "State": "Active", "LastUpdateStatus": "Successful", "PackageType": "Zip"}]}
                """.replace("NAME", name).replace("ACCT", account);
    }

    private static String quota(String account, String service, String code, int value) {
        return """
                {"Quota": {"ServiceCode": "SERVICE", "QuotaArn": "arn:aws:servicequotas:eu-west-1:ACCT:SERVICE/CODE",
                  "QuotaCode": "CODE", "QuotaName": "a quota", "Value": VALUE.0, "Adjustable": true}}
                """.replace("SERVICE", service).replace("ACCT", account).replace("CODE", code)
                .replace("VALUE", Integer.toString(value));
    }

    @Test
    void eachAccountsQuotaGoesToItsOwnAccount() throws Exception {
        Path f2 = TestFiles.write(dir, "functions-222.json", functions("222222222222", "orders"));
        Path f3 = TestFiles.write(dir, "functions-333.json", functions("333333333333", "payments"));
        Path s = TestFiles.write(dir, "subnets.json", SUBNETS);
        Path q2 = TestFiles.write(dir, "sq-222.json", quota("222222222222", "vpc", "L-DF5E4CA3", 300));
        Path q3 = TestFiles.write(dir, "sq-333.json", quota("333333333333", "vpc", "L-DF5E4CA3", 200));
        Path l3 = TestFiles.write(dir, "sq-lambda-333.json", quota("333333333333", "lambda", "L-9FEE3D26", 900));
        Path q4 = TestFiles.write(dir, "sq-444.json", quota("444444444444", "vpc", "L-DF5E4CA3", 50));
        Path out = dir.resolve("landing.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run("import", "--name", "landing", "--subnets", s.toString(),
                "--functions", f2.toString(), f3.toString(), "--service-quotas", q2.toString(), q3.toString(),
                l3.toString(), q4.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Scenario sc = ScenarioLoader.load(out);
        assertEquals(300, sc.accounts().list().get(sc.accounts().index("222222222222")).networkInterfacesPerRegion());
        assertEquals(200, sc.accounts().list().get(sc.accounts().index("333333333333")).networkInterfacesPerRegion());
        assertEquals(5000, sc.accounts().list().get(sc.accounts().index("111111111111")).networkInterfacesPerRegion());
        assertEquals(500, sc.vpcs().get(0).eniQuota(), "333's per-VPC quota is not the owner's VPC's");
        String text = Files.readString(out);
        assertTrue(text.contains("(account 333333333333's)"), text);
        assertTrue(text.contains("of\n#     account 444444444444 (its QuotaArn), an account the import has no function or"
                + " VPC of") || text.replaceAll("\n#     ", " ").contains("account 444444444444 (its QuotaArn), an"
                + " account the import has no function or VPC of"), text);
        assertTrue(text.replaceAll("\n#     ", " ").contains("L-9FEE3D26) 900 of account 333333333333 (its QuotaArn),"
                + " which owns none of the VPCs"), text);
    }
}
