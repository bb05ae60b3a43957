package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parameter's value against its declaration, as CloudFormation checks it before it creates a stack: each
 * constraint at its boundary (a value on the limit is taken, one past it refused with the constraint named), a
 * list's items one by one, and the path and words of the refusal (a value given on the command line, or the
 * template's own Default). Written against {@code Intrinsics.refused}'s surviving mutants (thirty-third pass).
 */
class ParameterConstraintsTest {

    @TempDir
    Path dir;

    /** The problems of {@code declaration} (one parameter P) with {@code value} given, or its Default when null. */
    private List<String> problems(String declaration, String value) throws Exception {
        JsonNode t = TemplateFile.read(Files.writeString(dir.resolve("t.yaml"),
                "Parameters:\n  P: " + declaration + "\nResources: {}\n"));
        List<Problem> problems = new ArrayList<>();
        new Intrinsics(t, value == null ? Map.of() : Map.of("P", value), Map.of(), Map.of(), problems, "s");
        return problems.stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    private static String given(String value, String why) {
        return "Parameters.P: --parameters gives '" + value + "': " + why + " (CloudFormation would refuse the stack)";
    }

    @Test
    void lengthsAtAndPastTheirLimits() throws Exception {
        String min = "{ Type: String, MinLength: 3 }";
        assertEquals(List.of(), problems(min, "abc"));
        assertEquals(List.of(given("ab", "expected at least its MinLength 3 characters")), problems(min, "ab"));
        String max = "{ Type: String, MaxLength: 3 }";
        assertEquals(List.of(), problems(max, "abc"));
        assertEquals(List.of(given("abcd", "expected at most its MaxLength 3 characters")), problems(max, "abcd"));
        assertEquals(List.of(), problems("{ Type: String, MinLength: '3' }", "ab"), "a length that is not a number");
    }

    @Test
    void numbersAtAndPastTheirLimits() throws Exception {
        String range = "{ Type: Number, MinValue: 2, MaxValue: 5 }";
        assertEquals(List.of(), problems(range, "2"));
        assertEquals(List.of(), problems(range, "5"));
        assertEquals(List.of(given("1.5", "expected at least its MinValue 2")), problems(range, "1.5"));
        assertEquals(List.of(given("5.5", "expected at most its MaxValue 5")), problems(range, "5.5"));
        assertEquals(List.of(), problems("{ Type: Number }", "-1.5e3"));
        assertEquals(List.of(), problems("{ Type: Number }", ".5"));
        assertEquals(List.of(given("12x", "expected a number: its Type is Number")), problems("{ Type: Number }",
                "12x"));
        assertEquals(List.of(), problems("{ Type: String, MinValue: 2 }", "1"), "MinValue binds only a Number");
    }

    @Test
    void aPatternAndAllowedValues() throws Exception {
        String pattern = "{ Type: String, AllowedPattern: '[a-z]+' }";
        assertEquals(List.of(), problems(pattern, "abc"));
        assertEquals(List.of(given("abc1", "expected a value matching its AllowedPattern [a-z]+")),
                problems(pattern, "abc1"));
        assertEquals(List.of(), problems("{ Type: String, AllowedPattern: '[' }", "x"), "a pattern Java cannot read");
        String allowed = "{ Type: String, AllowedValues: [a, b] }";
        assertEquals(List.of(), problems(allowed, "b"));
        assertEquals(List.of("Parameters.P: --parameters gives 'c', not one of its AllowedValues [a, b]"
                + " (CloudFormation would refuse the stack)"), problems(allowed, "c"));
        assertEquals(List.of("Parameters.P: its Default 'c', not one of its AllowedValues [a, b]"
                + " (CloudFormation would refuse the stack)"), problems("{ Type: String, AllowedValues: [a, b],"
                + " Default: c }", null));
        assertEquals(List.of(), problems("{ Type: String, AllowedValues: [] }", "c"), "an empty list allows all");
    }

    @Test
    void aDefaultIsRefusedAtItsOwnPath() throws Exception {
        assertEquals(List.of("Parameters.P.Default: its Default 'ab': expected at least its MinLength 3 characters"
                + " (CloudFormation would refuse the stack)"), problems("{ Type: String, MinLength: 3, Default: ab }",
                null));
    }

    @Test
    void aListsItemsOneByOne() throws Exception {
        String subnets = "{ Type: 'List<AWS::EC2::Subnet::Id>' }";
        assertEquals(List.of(), problems(subnets, "subnet-1, ,subnet-2,"));
        assertEquals(List.of(given("subnet-1,sg-2", "'sg-2' of the list: expected a subnet id, subnet-...: its Type is"
                + " List<AWS::EC2::Subnet::Id>")), problems(subnets, "subnet-1,sg-2"));
        assertEquals(List.of(given("sg-1,x", "'x' of the list: expected a security group id, sg-...: its Type is"
                + " List<AWS::EC2::SecurityGroup::Id>")), problems("{ Type: 'List<AWS::EC2::SecurityGroup::Id>' }",
                "sg-1,x"));
        assertEquals(List.of(given("x", "expected a VPC id, vpc-...: its Type is AWS::EC2::VPC::Id")),
                problems("{ Type: 'AWS::EC2::VPC::Id' }", "x"));
        assertEquals(List.of(), problems("{ Type: 'AWS::EC2::VPC::Id' }", "vpc-1"));
        assertEquals(List.of(given("1,x", "'x' of the list: expected a number: its Type is List<Number>")),
                problems("{ Type: 'List<Number>' }", "1,x"));
        // a list's value is not held to the String constraints (CloudFormation checks them per item of a
        // CommaDelimitedList only with AllowedValues, which enisim leaves to it)
        assertEquals(List.of(), problems("{ Type: CommaDelimitedList, MinLength: 100, AllowedValues: [a] }", "a,c"));
    }

    @Test
    void aNoEchoValueIsMasked() throws Exception {
        assertEquals(List.of(given("****", "'****' of the list: expected a number: its Type is List<Number>")),
                problems("{ Type: 'List<Number>', NoEcho: true }", "1,x"));
        assertEquals(List.of(given("****", "expected at least its MinLength 9 characters")),
                problems("{ Type: String, NoEcho: 'true', MinLength: 9 }", "secret"));
    }
}
