package dev.enisim.importer;

import static dev.enisim.importer.CloudWatchResultsTest.result;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scenario and its notes say at the edges of the import's cross-file checks: Lambda ENIs of keys not
 * started, subnets whose in-use count is below the ENIs recreated, accounts and owners, security groups the listing
 * lacks, Failed functions without a reason, functions all left out, reservations against get-account-settings,
 * overlapping subnets, other tenants' interfaces without a subnet or VPC, and CloudWatch windows. Fixtures are this
 * project's own, in the CLI's shapes.
 */
class ImportNotesEdgesTest {

    @TempDir
    Path dir;

    private static String subnet(String id, String cidr, int available, String owner) {
        return SubnetEniGroupShapesTest.subnetWith(id, cidr, available, owner == null ? ""
                : ", \"OwnerId\": \"" + owner + "\"");
    }

    private static String subnets(String... subnets) {
        return "{\"Subnets\": [" + String.join(", ", subnets) + "]}";
    }

    /** A /24 of vpc-1 (251 usable) with AVAILABLE free. */
    private static String subnetA(int available) {
        return subnets(subnet("subnet-a", "10.0.0.0/24", available, null));
    }

    private static String function(String name, String group, String fields) {
        return "{\"FunctionName\": \"" + name + "\", \"MemorySize\": 512, \"Timeout\": 30" + fields + ", \"VpcConfig\":"
                + " {\"SubnetIds\": [\"subnet-a\"], \"SecurityGroupIds\": [\"" + group + "\"], \"VpcId\": \"vpc-1\"}}";
    }

    private static String functions(String... functions) {
        return "{\"Functions\": [" + String.join(", ", functions) + "]}";
    }

    private static String lambdaEni(String id, String group) {
        return "{\"NetworkInterfaceId\": \"" + id + "\", \"SubnetId\": \"subnet-a\", \"VpcId\": \"vpc-1\","
                + " \"InterfaceType\": \"lambda\", \"Groups\": [{\"GroupId\": \"" + group + "\"}]}";
    }

    private static String enis(String... enis) {
        return "{\"NetworkInterfaces\": [" + String.join(", ", enis) + "]}";
    }

    private record In(String subnets, String functions, String enis, String groups, String metrics,
            String settings) {
    }

    private Importer.Inputs inputs(In in) throws Exception {
        return new Importer.Inputs(List.of(write(dir, "subnets.json", in.subnets())),
                List.of(write(dir, "functions.json", in.functions())),
                in.enis() == null ? List.of() : List.of(write(dir, "enis.json", in.enis())),
                in.groups() == null ? List.of() : List.of(write(dir, "groups.json", in.groups())),
                in.metrics() == null ? List.of() : List.of(write(dir, "metrics.json", in.metrics())),
                in.settings() == null ? List.of() : List.of(write(dir, "settings.json", in.settings())), Map.of());
    }

    private String importing(In in) throws Exception {
        String yaml = Importer.scenario(inputs(in), "t", 3600);
        ScenarioLoader.parse(yaml, "t");
        return yaml;
    }

    private static String line(String yaml, String part) {
        return yaml.lines().filter(l -> l.contains(part)).findFirst().orElseThrow(() -> new AssertionError(yaml));
    }

    @Test
    void lambdaEnisOfAKeyNotStartedAndOfNoKeyAreToldApart() throws Exception {
        // api starts Active on its key (sg-1); job is Inactive, yet an ENI of its key (sg-2) is listed; and one of
        // no imported key (sg-old). 3 in use.
        String fns = functions(function("api", "sg-1", ", \"State\": \"Active\""),
                function("job", "sg-2", ", \"State\": \"Inactive\""));
        String both = importing(new In(subnetA(248), fns, enis(lambdaEni("eni-1", "sg-1"), lambdaEni("eni-2", "sg-2"),
                lambdaEni("eni-3", "sg-old")), null, null, null));
        assertTrue(line(both, "{ id: subnet-a").endsWith("3 in use = 1 Lambda ENI(s) recreated at time 0 + 2 other"
                + " (incl. 2 Lambda ENI(s): 1 of a key of an imported function not Active at time 0, 1 of no imported"
                + " key)"), both);
        assertTrue(line(both, "otherUsedEnis:").endsWith("otherUsedEnis: 2   # 2 Lambda ENI(s) listed that no key"
                + " the functions start with takes (1 of keys of functions not Active at time 0; 1 of no imported key: old"
                + " versions, other functions, changed VpcConfigs)"), both);
        String inactive = importing(new In(subnetA(249), fns, enis(lambdaEni("eni-1", "sg-1"),
                lambdaEni("eni-2", "sg-2")), null, null, null));
        assertTrue(line(inactive, "otherUsedEnis:").endsWith("otherUsedEnis: 1   # 1 Lambda ENI(s) listed that no"
                + " key the functions start with takes (1 of keys of functions not Active at time 0)"), inactive);
    }

    @Test
    void moreEnisRecreatedThanInUseSaysByHowMany() throws Exception {
        // two functions Active on two keys of subnet-a, one ENI listed, 1 address in use
        String yaml = importing(new In(subnetA(250), functions(function("api", "sg-1", ", \"State\": \"Active\""),
                function("job", "sg-2", ", \"State\": \"Active\"")), enis(lambdaEni("eni-1", "sg-1")), null, null,
                null));
        assertTrue(line(yaml, "{ id: subnet-a").endsWith("1 in use, yet 2 Lambda ENI(s) are recreated here at time 0"
                + " (1 listed here): 1 more than AvailableIpAddressCount accounts for, so the run starts with 249 free;"
                + " 0 other"), yaml);
    }

    @Test
    void aFunctionWithoutAnArnAmongTwoAccountsGoesToTheFirst() throws Exception {
        String fns = functions(
                function("a", "sg-1", ", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:222222222222:function:a\""),
                function("b", "sg-1", ", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:333333333333:function:b\""),
                function("c", "sg-1", ""));
        String notes = ImporterTest.unwrapped(importing(new In(subnetA(240), fns, null, null, null, null)));
        assertTrue(notes.contains("c: no FunctionArn to tell the account: put in the first, 222222222222 (set `account`"
                + " if it is another's)"), notes);
        assertFalse(notes.contains("several OwnerIds"), "no subnet gives an OwnerId: " + notes);
        assertFalse(notes.contains("is owned by account"), notes);
    }

    /**
     * Every subnet of a VPC is its owner's (shared through AWS RAM or not), so subnets of one VPC with two OwnerIds
     * contradict each other: noted with one account too (it was said only with several, where `owner` is written).
     */
    @Test
    void severalOwnersOfOneVpcAreNotedWithOneAccountToo() throws Exception {
        String two = subnets(subnet("subnet-a", "10.0.0.0/24", 240, "111111111111"),
                subnet("subnet-b", "10.0.1.0/24", 240, "999999999999"));
        String one = functions(function("a", "sg-1",
                ", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:111111111111:function:a\""));
        String notes = ImporterTest.unwrapped(importing(new In(two, one, null, null, null, null)));
        assertTrue(notes.contains("vpc-1: its subnets give several OwnerIds (subnet-a 111111111111, subnet-b"
                + " 999999999999), yet every subnet of a VPC is its owner's"), notes);
        assertFalse(notes.contains("`owner` is left to the first account"), "no `owner` is written: " + notes);
    }

    @Test
    void securityGroupsTheListingLacksAreNotedOnlyWhenAListingIsGiven() throws Exception {
        String fns = functions(function("api", "sg-1", ""), function("job", "sg-2", ""));
        String groups = "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"GroupName\": \"api\", \"VpcId\": \"vpc-1\"}]}";
        String listed = ImporterTest.unwrapped(importing(new In(subnetA(240), fns, null, groups, null, null)));
        assertTrue(listed.contains("security group(s) sg-2 not in the describe-security-groups output: taken to be in"
                + " the VPC of the subnets that use them"), listed);
        String none = ImporterTest.unwrapped(importing(new In(subnetA(240), fns, null, null, null, null)));
        assertFalse(none.contains("not in the describe-security-groups output"), none);
    }

    @Test
    void aFailedFunctionWithoutAReasonStartsFailedWithTheDefault() throws Exception {
        String yaml = importing(new In(subnetA(240), functions(function("api", "sg-1", ", \"State\": \"Failed\"")),
                null, null, null, null));
        assertTrue(yaml.contains("    existing: Failed"), yaml);
        assertTrue(yaml.contains("    stateReasonCode: InternalError   # none saved: the default\n"), yaml);
        assertTrue(ImporterTest.unwrapped(yaml).contains("api was Failed: its creation failed, and Lambda keeps it"
                + " Failed until it is deleted and recreated, so it starts existing: Failed, not created again: it holds"
                + " no ENI and every invocation fails; no StateReasonCode was saved: stateReasonCode InternalError (the"
                + " default). A timeline"), yaml);
        String unknown = importing(new In(subnetA(240), functions(function("api", "sg-1", ", \"State\": \"Failed\","
                + " \"StateReasonCode\": \"SomethingNew\"")), null, null, null, null));
        assertTrue(ImporterTest.unwrapped(unknown).contains("api was Failed (StateReasonCode SomethingNew): its creation"
                + " failed"), unknown);
        assertTrue(ImporterTest.unwrapped(unknown).contains("; StateReasonCode SomethingNew is not one enisim simulates:"
                + " stateReasonCode InternalError stands for it"), unknown);
    }

    @Test
    void noFunctionLeftSaysWhyEachWasLeftOut() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(new In(subnetA(240),
                functions(function("api", "sg-1", ", \"State\": \"Deleting\"")), null, null, null, null)));
        assertTrue(e.getMessage().contains("Functions: no function found: a scenario needs at least one (function 'api'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("left out: its State is Deleting)"), e.getMessage());
    }

    private static String settings(int limit, int unreserved) {
        return "{\"AccountLimit\": {\"ConcurrentExecutions\": " + limit + ", \"UnreservedConcurrentExecutions\": "
                + unreserved + "}, \"AccountUsage\": {\"FunctionCount\": 1}}";
    }

    /** get-function output of api with its reserved concurrency. */
    private static String reserving(int reserved) {
        return "{\"Configuration\": " + function("api", "sg-1", "") + ", \"Concurrency\":"
                + " {\"ReservedConcurrentExecutions\": " + reserved + "}}";
    }

    @Test
    void reservationsMatchingGetAccountSettingsAreNotNoted() throws Exception {
        String same = ImporterTest.unwrapped(importing(new In(subnetA(240), reserving(300), null, null, null,
                settings(1000, 700))));
        assertFalse(same.contains("get-account-settings shows"), same);
        assertFalse(same.contains("but get-account-settings shows only"), same);
        // every reservable unit reserved by api, none by get-account-settings: the files disagree
        String full = ImporterTest.unwrapped(importing(new In(subnetA(240), reserving(900), null, null, null,
                settings(1000, 1000))));
        assertTrue(full.contains("the imported functions reserve 900, but get-account-settings shows only 0 reserved"
                + " (UnreservedConcurrentExecutions 1000 of 1000): were these files saved at different times?"), full);
    }

    @Test
    void overlappingSubnetsAreToldApartByTheEnisUsingThem() throws Exception {
        // subnet-old (a save from before the subnet was re-created) and subnet-new overlap; only an ENI uses new
        String overlapping = subnets(subnet("subnet-a", "10.0.0.0/24", 240, null),
                subnet("subnet-new", "10.0.1.0/24", 240, null), subnet("subnet-old", "10.0.1.0/25", 100, null));
        String eni = "{\"NetworkInterfaceId\": \"eni-9\", \"SubnetId\": \"subnet-new\", \"VpcId\": \"vpc-1\","
                + " \"InterfaceType\": \"lambda\", \"Groups\": [{\"GroupId\": \"sg-9\"}]}";
        String notes = ImporterTest.unwrapped(importing(new In(overlapping, functions(function("api", "sg-1", "")),
                enis(lambdaEni("eni-1", "sg-1"), eni), null, null, null)));
        assertTrue(notes.contains("subnet subnet-old (10.0.1.0/25) overlaps subnet-new (10.0.1.0/24) in vpc-1: left out,"
                + " as no imported function or ENI uses it"), notes);
        // both used: one no longer exists, and the problem says both are used
        String eniOld = eni.replace("eni-9", "eni-8").replace("subnet-new", "subnet-old");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(new In(overlapping,
                functions(function("api", "sg-1", "")), enis(lambdaEni("eni-1", "sg-1"), eni, eniOld), null, null,
                null)));
        assertTrue(e.getMessage().contains("subnets of a VPC do not overlap, so one of them no longer exists (both are"
                + " used by an imported function or ENI)"), e.getMessage());
    }

    @Test
    void otherTenantsInterfacesWithoutASubnetOrVpcAreCountedWhereTheyCanBe() throws Exception {
        // a NAT gateway's interface saved without its SubnetId, an EFS mount target without its VpcId, and an EC2
        // instance's interface in a subnet no describe-subnets file lists
        String others = enis(lambdaEni("eni-1", "sg-1"),
                "{\"NetworkInterfaceId\": \"eni-nat\", \"VpcId\": \"vpc-1\", \"InterfaceType\": \"nat_gateway\"}",
                "{\"NetworkInterfaceId\": \"eni-efs\", \"SubnetId\": \"subnet-a\", \"InterfaceType\": \"efs\"}",
                "{\"NetworkInterfaceId\": \"eni-ec2\", \"SubnetId\": \"subnet-zzz\", \"VpcId\": \"vpc-9\","
                        + " \"InterfaceType\": \"interface\"}");
        String notes = ImporterTest.unwrapped(importing(new In(subnetA(240), functions(function("api", "sg-1", "")),
                others, null, null, null)));
        assertTrue(notes.contains("vpc-1: otherUsedEnis counts 2 other services' network interface(s) against the VPC's"
                + " Hyperplane ENI quota: 1 EFS mount target ENI(s)"), notes);
        assertTrue(notes.contains("1 other network interface(s) listed are not counted in otherUsedEnis: not EFS's nor"
                + " Hyperplane-managed (EC2 instances', RDS's, ECS and EKS tasks', yours), they do not share a VPC's"
                + " Hyperplane ENI quota; they count against the Region's network interfaces"
                + " (account.otherNetworkInterfaces); 1 in subnets no describe-subnets file lists hold addresses of no"
                + " simulated subnet"), notes);
    }

    /** Epoch seconds of 10:00 on 2026-11-20. */
    private static final long T0 = 1_795_168_800L;

    private static String minutes(int n) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t.add(Long.toString(T0 + 60L * i));
        }
        return "[" + String.join(", ", t) + "]";
    }

    private static String ones(int n) {
        return "[" + String.join(", ", java.util.Collections.nCopies(n, "1.0")) + "]";
    }

    @Test
    void phasesAreCalledManyOnlyBeyondTheLimit() throws Exception {
        int many = Importer.MANY_PHASES;
        String at = importing(new In(subnetA(240), functions(function("api", "sg-1", "")), null, null,
                "{\"MetricDataResults\": [" + result("api_invocations", "Invocations", minutes(many), ones(many)) + "]}",
                null));
        assertFalse(at.contains("CloudWatch periods make as many phases"), at);
        String beyond = importing(new In(subnetA(240), functions(function("api", "sg-1", "")), null, null,
                "{\"MetricDataResults\": [" + result("api_invocations", "Invocations", minutes(many + 1),
                        ones(many + 1)) + "]}", null));
        assertTrue(ImporterTest.unwrapped(beyond).contains("api: " + (many + 1) + " CloudWatch periods make as many"
                + " phases"), beyond);
    }

    @Test
    void resamplingWithoutTrafficKeepsTheDefaultDuration() throws Exception {
        String yaml = Importer.scenario(inputs(new In(subnetA(240), functions(function("api", "sg-1", "")), null,
                null, null, null)), new Importer.Options("t", 5400, 0, 3600));
        assertTrue(yaml.contains("\nduration: 1h30m\n"), yaml);
    }

    @Test
    void anAssumedActiveFunctionOnAFreeSubnetSaysCloudWatchShowsItInvoked() throws Exception {
        String yaml = importing(new In(subnetA(251), functions(function("api", "sg-1", "")), null, null,
                "{\"MetricDataResults\": [" + result("api_invocations", "Invocations", minutes(2), ones(2)) + "]}",
                null));
        assertTrue(ImporterTest.unwrapped(yaml).contains("api: taken as Active (no describe-network-interfaces output"
                + " to tell; CloudWatch shows it invoked), though AvailableIpAddressCount shows every address of"
                + " subnet-a free"), yaml);
    }

    @Test
    void aListingPageBesideAnUnreadableFileOfTheSameListingIsNotCalledPartial() throws Exception {
        // list-functions' first page (it carries a NextToken) and a second file that is not JSON: the last page may
        // be that file, so only its problem is said
        Path page = write(dir, "functions.json", "{\"Functions\": [" + function("api", "sg-1", "") + "], \"NextToken\":"
                + " \"eyJNYXJrZXIiOiBudWxsfQ==\"}");
        Path broken = write(dir, "functions-2.json", "{\"Functions\": [");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(write(dir, "subnets.json", subnetA(240))), List.of(page, broken), List.of(), List.of(),
                List.of()), "t", 3600));
        assertTrue(e.getMessage().contains(broken + ": malformed JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("is one page of a longer listing"), e.getMessage());
    }

    @Test
    void severalOwnersOfOneVpcAreNotedWithSeveralAccounts() throws Exception {
        String two = subnets(subnet("subnet-a", "10.0.0.0/24", 240, "111111111111"),
                subnet("subnet-b", "10.0.1.0/24", 240, "999999999999"));
        String fns = functions(function("a", "sg-1", ", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:111111111111:function:a\""),
                function("b", "sg-1", ", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:222222222222:function:b\""));
        assertTrue(ImporterTest.unwrapped(importing(new In(two, fns, null, null, null, null))).contains("vpc-1: its"
                + " subnets give several OwnerIds (111111111111, 999999999999), and a VPC has one owner"));
    }

    @Test
    void noFunctionAtAllSaysSoWithoutAnEmptyList() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(new In(subnetA(240),
                "{\"Functions\": []}", null, null, null, null)));
        assertTrue(e.getMessage().contains("Functions: no function found: a scenario needs at least one\n")
                || e.getMessage().endsWith("Functions: no function found: a scenario needs at least one"), e.getMessage());
    }

    @Test
    void aFailedFunctionsReasonEnisimSimulatesIsTakenAsSaved() throws Exception {
        String yaml = importing(new In(subnetA(240), functions(function("api", "sg-1", ", \"State\": \"Failed\","
                + " \"StateReasonCode\": \"SubnetOutOfIPAddresses\"")), null, null, null, null));
        String notes = ImporterTest.unwrapped(yaml);
        assertTrue(notes.contains("api was Failed (StateReasonCode SubnetOutOfIPAddresses): its creation failed"), notes);
        assertFalse(notes.contains("is not one enisim simulates"), notes);
        assertTrue(yaml.contains("    stateReasonCode: SubnetOutOfIPAddresses   # StateReasonCode"
                + " (get-function-configuration)\n"), yaml);
    }

    @Test
    void aFailedFunctionsReasonSavedEmptyIsNoReason() throws Exception {
        String yaml = importing(new In(subnetA(240), functions(function("api", "sg-1", ", \"State\": \"Failed\","
                + " \"StateReasonCode\": \"\"")), null, null, null, null));
        assertTrue(yaml.contains("    stateReasonCode: InternalError   # none saved: the default\n"), yaml);
    }
}

