package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A varied path's list element named beside it (a planner's review: {@code --vary vpcs[0].subnets[1].cidr=...} said
 * only the index on the charts, the page and the terminal; the planner had to work out that index 1 was lambda-a).
 */
class SweepElementNameTest {

    private static JsonNode tree() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree("name: t\n"
                + "vpcs:\n  - id: vpc-1\n    subnets:\n"
                + "      - { id: subnet-05, cidr: 10.20.8.0/26, az: a, name: shared-ec2-a }\n"
                + "      - { id: subnet-0a, cidr: 10.20.0.0/24, az: a, name: lambda-a }\n"
                + "      - { id: subnet-0b, cidr: 10.20.1.0/24, az: b }\n"
                + "functions:\n  - name: api-00\n    arrivals: { poisson: 1/s }\n  - name: api-01\n"
                + "    arrivals: { poisson: 2/s }\n"
                + "timeline:\n  - { at: 1m, action: x }\n");
    }

    @Test
    void theSubnetAtAnIndexIsNamedByItsName() throws Exception {
        assertEquals("lambda-a", Sweep.elementName(tree(), "vpcs[0].subnets[1].cidr"));
        assertEquals("shared-ec2-a", Sweep.elementName(tree(), "vpcs[0].subnets[0].otherUsedIps"),
                "a field the file leaves out (--set adds it) still selects the element");
    }

    @Test
    void anElementWithAnIdOnlyIsNamedByItsId() throws Exception {
        assertEquals("subnet-0b", Sweep.elementName(tree(), "vpcs[0].subnets[2].cidr"));
        assertEquals("vpc-1", Sweep.elementName(tree(), "vpcs[0].eniQuota"));
    }

    @Test
    void aFunctionAtAnIndexIsNamedByItsName() throws Exception {
        assertEquals("api-01", Sweep.elementName(tree(), "functions[1].arrivals.poisson"));
    }

    @Test
    void nothingToAddWhereThePathNamesNoElementByIndex() throws Exception {
        assertNull(Sweep.elementName(tree(), "traffic"));
        assertNull(Sweep.elementName(tree(), "duration"));
        assertNull(Sweep.elementName(tree(), "functions[api-01].memoryMb"), "the path names it already");
        assertNull(Sweep.elementName(tree(), "vpcs[0].subnets[*].cidr"), "every element");
        assertNull(Sweep.elementName(tree(), "vpcs[0].subnets[7].cidr"), "past the end: the point says so");
        assertNull(Sweep.elementName(tree(), "timeline[0].at"), "an element with neither name nor id");
    }

    @Test
    void namedKeepsThePathAndAddsTheNameBesideIt() throws Exception {
        List<Sweep.Axis> axes = Sweep.named(tree(), List.of(new Sweep.Axis("vpcs[0].subnets[1].cidr",
                List.of("10.20.0.0/28")), new Sweep.Axis("traffic", List.of("1", "5"))));
        assertEquals("vpcs[0].subnets[1].cidr", axes.get(0).path());
        assertEquals("vpcs[0].subnets[1].cidr (lambda-a)", axes.get(0).label());
        assertEquals("traffic", axes.get(1).label());
        assertEquals(List.of("1", "5"), axes.get(1).values());
    }
}
