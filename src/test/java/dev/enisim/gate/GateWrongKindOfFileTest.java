package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change's file given to the wrong option (a planner's review, session 53): a CloudFormation template to
 * {@code --plan} is said to be a template, to give as {@code --template} (it was called text terraform printed
 * without -json); {@code terraform show -json} output to {@code --template} is said to be a Terraform plan, to give
 * as {@code --plan} (it was "expected the template's resources"); and with an account that cannot be read, the
 * change's files are still read for their kind, so both problems are said in one run (exit 2).
 */
class GateWrongKindOfFileTest {

    @TempDir
    Path dir;

    private static final Path ACCOUNT = GateTest.ACCOUNT;
    private static final Path TEN = GateTest.DIR.resolve("ten-groups.yaml");
    private static final Path PLAN = Path.of("src/test/resources/iac/tfplan-create.json");

    private ImportCommandTest.Result gate(String... change) {
        String[] args = new String[change.length + 3];
        args[0] = "gate";
        args[1] = "--account";
        System.arraycopy(change, 0, args, 2, change.length);
        args[change.length + 2] = "--out=" + dir.resolve("out");
        return GateCommandTest.run(args);
    }

    @Test
    void aYamlTemplateGivenAsAPlanIsSaidToBeATemplate() {
        ImportCommandTest.Result r = gate(ACCOUNT.toString(), "--plan", TEN.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(TEN + ": this is a CloudFormation template, not `terraform show -json`"
                + " output: give it as --template " + TEN), r.err());
    }

    @Test
    void aJsonTemplateGivenAsAPlanIsSaidToBeATemplate() throws Exception {
        Path json = Files.writeString(dir.resolve("template.json"), "{\"AWSTemplateFormatVersion\": \"2010-09-09\","
                + " \"Transform\": \"AWS::Serverless-2016-10-31\", \"Resources\": {\"F\": {\"Type\":"
                + " \"AWS::Serverless::Function\"}}}");
        ImportCommandTest.Result r = gate(ACCOUNT.toString(), "--plan", json.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(json + ": this is a CloudFormation (SAM) template, not `terraform show"
                + " -json` output: give it as --template " + json), r.err());
    }

    @Test
    void aTerraformPlanGivenAsATemplateIsSaidToBeAPlan() {
        ImportCommandTest.Result r = gate(ACCOUNT.toString(), "--template", PLAN.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(PLAN + ": this is `terraform show -json` output (a Terraform plan:"
                + " format_version "), r.err());
        assertTrue(r.err().contains("), not a CloudFormation template: give it as --plan " + PLAN), r.err());
    }

    @Test
    void aBadAccountAndATemplateGivenAsAPlanAreSaidTogether() throws Exception {
        Path subnets = Files.writeString(dir.resolve("subnets.json"), "{\"Subnets\": [{\"SubnetId\": \"subnet-a\","
                + " \"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/24\", \"AvailabilityZone\": \"eu-west-1a\"}]}");
        ImportCommandTest.Result r = gate(subnets.toString(), "--plan", TEN.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(subnets.toString()), r.err());
        assertTrue(r.err().contains(TEN + ": this is a CloudFormation template"), "both at once: " + r.err());
    }
}
