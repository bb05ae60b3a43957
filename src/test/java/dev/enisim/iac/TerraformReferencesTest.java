package dev.enisim.iac;

import static dev.enisim.iac.ChangeReaderTest.IAC;
import static dev.enisim.iac.ChangeReaderTest.account;
import static dev.enisim.iac.ChangeReaderTest.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Terraform plan in the shape the registry modules give (terraform-aws-modules' vpc and lambda): ids unknown until
 * apply are found through the plan's configuration, across module outputs, module variables, {@code count} and
 * splat expressions, as Terraform would wire them; what comes from a root variable or a data source stays a
 * placeholder. {@code tfplan-modules.json}: {@code module.vpc} creates three private subnets (count) and its VPC;
 * {@code module.lambda}'s function takes {@code var.vpc_subnet_ids} (passed {@code module.vpc.private_subnets},
 * whose expression is {@code aws_subnet.private[*].id}) and {@code var.vpc_security_group_ids} (passed a root
 * security group); root functions take {@code aws_subnet.app[*].id}, {@code aws_subnet.app[1].id}, a root variable
 * and a data source.
 */
class TerraformReferencesTest {

    private Change c;

    /** Read for each test (not once for the class), so that mutation testing sees which test covers what. */
    @BeforeEach
    void read() throws Exception {
        c = ChangeReader.read(List.of(), List.of(IAC.resolve("tfplan-modules.json")), account(Map.of(), Map.of()));
    }

    @Test
    void aModulesVariableIsFollowedToTheOutputOfAnotherModuleAndItsCountedSubnets() {
        Change.Function f = fn(c, "modules-fn");
        assertTrue(f.vpcKnown(), c.placeholders().toString());
        assertEquals(List.of("module.vpc.aws_subnet.private[0]", "module.vpc.aws_subnet.private[1]",
                "module.vpc.aws_subnet.private[2]"), f.subnets(), "every instance of the counted subnet, in order");
        assertEquals(List.of("aws_security_group.lambda"), f.groups(), "the root group the module call passes");
        assertEquals(512, f.memoryMb());
    }

    @Test
    void aSplatIsEveryInstanceAnIndexedReferenceOnlyItsOwn() {
        assertEquals(List.of("aws_subnet.app[0]", "aws_subnet.app[1]"), fn(c, "splat-fn").subnets());
        assertEquals(List.of("aws_subnet.app[1]"), fn(c, "second-fn").subnets(),
                "aws_subnet.app[1].id: Terraform lists aws_subnet.app after it, which adds nothing");
        assertEquals(List.of("sg-0a11aa11aa11aa11a"), fn(c, "second-fn").groups());
        assertTrue(fn(c, "splat-fn").vpcKnown());
        assertTrue(fn(c, "second-fn").vpcKnown());
    }

    @Test
    void aModuleOutputGivesTheSubnetsAndGroupsTheirVpc() {
        assertEquals("module.vpc.aws_vpc.this[0]", c.vpcs().get(0).id());
        assertEquals(List.of("module.vpc.aws_vpc.this[0]"), c.subnets().stream().filter(s -> s.id().startsWith(
                "module.")).map(Change.Subnet::vpc).distinct().toList(), "vpc_id: aws_vpc.this[0] in the module");
        assertEquals("module.vpc.aws_vpc.this[0]", c.groups().get(0).vpc(), "vpc_id = module.vpc.vpc_id");
    }

    @Test
    void aRootVariableOrADataSourceStaysAPlaceholder() {
        assertFalse(fn(c, "rootvar-fn").vpcKnown());
        List<String> p = c.placeholders().stream().map(Change.Placeholder::toString).toList();
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("subnet_ids of aws_lambda_function.rootvar is known only after apply, and comes"
                + " from var.subnet_ids"), p.toString());
        assertTrue(p.get(1).contains("security_group_ids of aws_lambda_function.rootvar is known only after apply,"
                + " and comes from data.aws_security_group.shared.id, data.aws_security_group.shared"), p.toString());
    }
}
