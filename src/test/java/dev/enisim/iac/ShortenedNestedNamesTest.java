package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated function name, {@code STACK-LogicalId-SUFFIX} (a nested stack's {@code PARENT-ChildId-SUFFIX-LogicalId
 * -SUFFIX}), over Lambda's 64 characters: CloudFormation keeps its SUFFIX whole and shares what is left between the
 * stack's name and the logical id, each cut from its end, the stack's name keeping half (rounded up) or what the
 * logical id leaves, as real names show ({@code mylongerapp-playground-ne-InstancesLifecycleHandle-1GRP3N0TVA1LD}, a
 * 26-character stack's). Which of the account's names match ({@link CloudFormation#generated(List, Set)}). Until the
 * thirty-fourth pass the gate kept the first 50 characters of the whole name: a real name with a stack's name over 25
 * characters was not matched, and every function of a long-named nested stack matched the same name.
 */
class ShortenedNestedNamesTest {

    @TempDir
    Path dir;

    private static List<String> matches(List<String> base, String... account) {
        return CloudFormation.generated(base, Set.of(account));
    }

    @Test
    void aLongStackNameAndALongLogicalIdAreCutToHalfEach() {
        List<String> base = List.of("mylongerapp-playground-new-InstancesLifecycleHandler");
        String thirteen = "mylongerapp-playground-ne-InstancesLifecycleHandle-1GRP3N0TVA1LD"; // 25 and 24
        String twelve = "mylongerapp-playground-ne-InstancesLifecycleHandler-AbCdEfGhIjKl"; // 25 and 25
        assertEquals(List.of(thirteen, twelve), matches(base, thirteen, twelve));
        assertEquals(List.of(), matches(base, "mylongerapp-playground-new-InstancesLifecycleHandl-1GRP3N0TVA1LD"),
                "the whole name's first 50: the stack's name whole, longer than its half");
        assertEquals(List.of(), matches(base, "mylongerapp-playground-n-InstancesLifecycleHandler-1GRP3N0TVA1LD"),
                "the stack's half is rounded up (25 of 49), not down");
        assertEquals(List.of(), matches(base, "mylongerapp-playground-ne-InstancesLifecycleHandle-1GRP3N0TVA1L"),
                "63 characters: a shortened name fills the 64");
        assertEquals(List.of(), matches(base, "mylongerapp-playground-ne-InstancesLifecycleHandle-1GRP3N0_VA1LD"),
                "a suffix is letters and digits");
        assertEquals(List.of(), matches(base, "mylongerapp-playground-ne-InstancesLifecycleHandlX-1GRP3N0TVA1LD"),
                "a character of the logical id differs");
        assertEquals(List.of(), matches(base, "mylongerapp-playgrounX-ne-InstancesLifecycleHandle-1GRP3N0TVA1LD"),
                "a character of the stack's name differs");
    }

    @Test
    void theGateUpdatesTheAccountsFunctionWhoseNameCloudFormationShortened() throws Exception {
        Path t = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  InstancesLifecycleHandler:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Role: arn:aws:iam::123456789012:role/r
                      Code: { ZipFile: x }
                      VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                """.formatted(ChangeReaderTest.A));
        String deployed = "mylongerapp-playground-ne-InstancesLifecycleHandle-1GRP3N0TVA1LD";
        Change c = ChangeReader.read(List.of(t), List.of(), new ChangeReader.Inputs(Map.of(), Map.of(),
                Map.of("AWS::StackName", "mylongerapp-playground-new"), Map.of(ChangeReaderTest.A,
                "vpc-0a1b2c3d4e5f60718"), Set.of(deployed, "mylongerapp-playground-new-KernelUser"), false));
        assertEquals(List.of(deployed), c.functions().stream().map(Change.Function::name).toList());
        assertEquals(Change.Action.UPDATE, c.functions().get(0).action(), "the account's function, not a new one");
    }

    @Test
    void aShortStackNameLeavesTheRestToTheLogicalId() {
        List<String> base = List.of("orders-VeryLongLogicalIdOfTheWorkerFunctionForIngest");
        String twelve = "orders-VeryLongLogicalIdOfTheWorkerFunctionForInges-q1W2e3R4t5Y6";
        String thirteen = "orders-VeryLongLogicalIdOfTheWorkerFunctionForInge-Q1W2E3R4T5Y6Z";
        assertEquals(List.of(thirteen, twelve), matches(base, twelve, thirteen));
        assertEquals(List.of(), matches(base, "orders-VeryLongLogicalIdOfTheWorkerFunctio-q1W2e3R4t5Y6"),
                "cut shorter than the 64");
    }

    @Test
    void aNestedStacksLongNameIsCutInsideItsSuffix() {
        List<String> base = List.of("PARENT-ChildId-", "-VeryLongLogicalIdOfTheWorkerFunction");
        String cut = "PARENT-ChildId-ABC123DEF4-VeryLongLogicalIdOfTheWor-q1W2e3R4t5Y6"; // 25 and 25
        assertEquals(List.of(cut), matches(base, cut));
        assertEquals(List.of(), matches(base, "PARENT-ChildId-ABé123DEF4-VeryLongLogicalIdOfTheWor-q1W2e3R4t5Y6"),
                "a suffix is ASCII letters and digits");
        assertEquals(List.of(), matches(base, "PARENT-ChildId-ABC1-23DEF-VeryLongLogicalIdOfTheWor-q1W2e3R4t5Y6"),
                "the nested stack's suffix has no '-' in it");
        assertEquals(List.of(), matches(base, "PARENT-ChildI-ABC123DEF45-VeryLongLogicalIdOfTheWor-q1W2e3R4t5Y6"),
                "the nested stack's logical id is whole before its suffix");
    }

    @Test
    void aNestedStacksShortNameIsKeptWholeWithItsSuffix() {
        List<String> base = List.of("P-C-", "-VeryLongLogicalIdOfTheWorkerFunctionThatGoesOnAndOn");
        String kept = "P-C-AB12-VeryLongLogicalIdOfTheWorkerFunctionThatGo-q1W2e3R4t5Y6"; // 8 and 42
        assertEquals(List.of(kept), matches(base, kept));
        assertEquals(List.of(), matches(base, "P-C--VeryLongLogicalIdOfTheWorkerFunctionThatGoesOn-q1W2e3R4t5Y6"),
                "no suffix where the nested stack's must be");
        assertEquals(List.of(), matches(base, "P-D-AB12-VeryLongLogicalIdOfTheWorkerFunctionThatGo-q1W2e3R4t5Y6"),
                "another nested stack's");
    }

    @Test
    void aNameWholeWithinTheSixtyFourIsNotAShortenedOne() {
        List<String> base = List.of("PARENT-", "-Fn");
        String forty = "A".repeat(40);
        assertEquals(List.of("PARENT-" + forty + "-Fn-XYZ"), matches(base, "PARENT-" + forty + "-Fn-XYZ"),
                "the whole name, with its suffix");
        assertEquals(List.of(), matches(base, "PARENT-" + forty + "-FnX-XYZ"), "another function");
        assertEquals(List.of(), matches(base, "PARENT-" + "A".repeat(49) + "-Fn2-XYZ"),
                "64 characters, its logical id longer than the function's: another function");
    }

    @Test
    void aNestedStacksNameCutInsideItsSuffixPastTheHalfOrInsideASecondLevelsLogicalId() {
        List<String> one = List.of("orders-prod-Api-", "-WorkerFunctionHandlerXYZ");
        String inSuffix = "orders-prod-Api-1AB2CD3EF4-WorkerFunctionHandlerXYZ-q1W2e3R4t5Y6"; // 26 and 24
        assertEquals(List.of(inSuffix), matches(one, inSuffix));
        List<String> two = List.of("P-A-", "-BetaStackWithAVeryLongLogicalIdIndeed-", "-WorkerFunctionHandler");
        String inB = "P-A-1AB2C3D4E5F6-BetaStackWit-WorkerFunctionHandler-q1W2e3R4t5Y6"; // 29 and 21
        assertEquals(List.of(inB), matches(two, inB));
        assertEquals(List.of(), matches(two, "P-A-1AB2C3D4\u00e95F6-BetaStackWit-WorkerFunctionHandler-q1W2e3R4t5Y6"),
                "a suffix is ASCII letters and digits");
        assertEquals(List.of(), matches(two, "P-A--BetaStackWithAVeryLongLo-WorkerFunctionHandler-q1W2e3R4t5Y6"),
                "no suffix where the first nested stack's must be");
    }

    @Test
    void aStackNameOfExactlyHalfIsKeptWhole() {
        List<String> base = List.of("mylongerapp-playground-ne-InstancesLifecycleHandlerOfTheRack");
        String kept = "mylongerapp-playground-ne-InstancesLifecycleHandler-AbCdEfGhIjKl"; // 25 and 25
        assertEquals(List.of(kept), matches(base, kept));
        assertEquals(List.of(), matches(base, "A".repeat(51) + "-AbCdEfGhIjKl"), "64 characters, one '-'");
    }
}
