package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which kind of file a change's file is, as a user gives it: {@code terraform show -json} output is a plan whichever of
 * its keys it has beside {@code format_version} (a plan with no change has no {@code resource_changes}, one of a
 * first apply no {@code prior_state}); a CloudFormation template is one by its {@code AWSTemplateFormatVersion} even
 * when no resource of it is an {@code AWS::} one (a template of custom resources or modules only); neither is the other.
 */
class TemplateOrPlanKindTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String CUSTOM_ONLY = "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"Seed\":"
            + " {\"Type\": \"Custom::Seed\", \"Properties\": {\"ServiceToken\": \"arn\"}}}}";

    /** Each key a plan may have alone beside format_version: given as a template, it is said to be a plan. */
    @Test
    void aPlanWithAnyOneOfItsKeysIsSaidToBeAPlan() throws Exception {
        for (String key : new String[] {"terraform_version", "resource_changes", "planned_values", "prior_state"}) {
            Path plan = file(key + ".json", "{\"format_version\": \"1.2\", \"" + key + "\": "
                    + (key.equals("terraform_version") ? "\"1.9.0\"" : key.equals("resource_changes") ? "[]" : "{}")
                    + "}");
            ScenarioException e = assertThrows(ScenarioException.class, () -> TemplateFile.read(plan), key);
            assertEquals("this is `terraform show -json` output (a Terraform plan: format_version 1.2), not a"
                    + " CloudFormation template: give it as --plan " + plan, e.problems().get(0).message(), key);
            assertTrue(TemplateFile.terraformPlan(TemplateFile.readAny(plan)), key);
        }
    }

    /** format_version alone, or a plan's keys without it, is not a plan (a template may name its own keys so). */
    @Test
    void aPlanNeedsItsFormatVersionAndOneOfItsKeys() throws Exception {
        assertEquals(false, TemplateFile.terraformPlan(TemplateFile.readAny(file("fv.json",
                "{\"format_version\": \"1.2\", \"Resources\": {}}"))));
        Path template = file("t.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"prior_state\": {},"
                + " \"planned_values\": {}, \"Resources\": {\"F\": {\"Type\": \"AWS::Lambda::Function\"}}}");
        assertEquals(false, TemplateFile.terraformPlan(TemplateFile.readAny(template)));
        assertTrue(TemplateFile.template(TemplateFile.readAny(template)));
    }

    /** A template of custom resources only, given as a plan, is said to be a template by its format version. */
    @Test
    void aTemplateWithoutAwsResourcesIsATemplateByItsFormatVersion() throws Exception {
        Path json = file("custom.json", CUSTOM_ONLY);
        ScenarioException e = assertThrows(ScenarioException.class, () -> TemplateFile.readPlan(json));
        assertEquals("this is a CloudFormation template, not `terraform show -json` output: give it as --template "
                + json, e.problems().get(0).message());
        Path yaml = file("custom.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Seed:\n"
                + "    Type: Custom::Seed\n");
        ScenarioException y = assertThrows(ScenarioException.class, () -> TemplateFile.readPlan(yaml));
        assertTrue(y.problems().get(0).message().startsWith("this is a CloudFormation template, not"), y.getMessage());
        // without its version, a template is one by a resource of AWS's own type, the first or a later one
        Path unversioned = file("unversioned.json", "{\"Resources\": {\"Seed\": {\"Type\": \"Custom::Seed\"},"
                + " \"F\": {\"Type\": \"AWS::Lambda::Function\"}}}");
        ScenarioException u = assertThrows(ScenarioException.class, () -> TemplateFile.readPlan(unversioned));
        assertEquals("this is a CloudFormation template, not `terraform show -json` output: give it as --template "
                + unversioned, u.problems().get(0).message());
    }

    /** A plan that also carries a template's version is a plan: the template test asks the plan test first. */
    @Test
    void aPlanIsNeverTakenForATemplate() throws Exception {
        assertEquals(false, TemplateFile.template(TemplateFile.readAny(file("both.json", "{\"format_version\": \"1.2\","
                + " \"planned_values\": {}, \"AWSTemplateFormatVersion\": \"2010-09-09\"}"))));
        assertEquals(false, TemplateFile.template(TemplateFile.readAny(file("list.json",
                "[{\"AWSTemplateFormatVersion\": \"2010-09-09\"}]"))));
        assertEquals(false, TemplateFile.template(TemplateFile.readAny(file("none.json",
                "{\"Resources\": {\"B\": {\"Type\": \"Custom::B\"}}}"))));
    }
}
