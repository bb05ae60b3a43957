package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code subnets[*].ipv6Cidr}, {@code ipv6Only} and {@code vpcConfig.ipv6AllowedForDualStack}. */
class DualStackReaderTest {

    private static String yaml(String subnetExtra, String vpcConfigExtra, String subnet) {
        return """
                name: ds
                duration: 1h
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: az-1%s }
                      - { id: subnet-6, ipv6Only: true, ipv6Cidr: "2600:1f18:4a3b:c1ff::/64", az: az-2 }
                    securityGroups: [sg-1]
                functions:
                  - name: f
                    vpcConfig: { subnetIds: [%s], securityGroupIds: [sg-1]%s }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """.formatted(subnetExtra, subnet, vpcConfigExtra);
    }

    private static List<String> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "ds.yaml"));
        return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void aDualStackSubnetAndTheFlagAreRead() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(yaml(", ipv6Cidr: \"2600:1f18:4a3b:c100::/64\"",
                ", ipv6AllowedForDualStack: true", "subnet-a"), "ds.yaml");
        Scenario.Subnet a = s.vpcs().get(0).subnets().get(0);
        assertEquals("2600:1f18:4a3b:c100::/64", a.ipv6Cidr());
        assertTrue(a.dualStack());
        assertEquals(1, s.vpcs().get(0).subnets().size(), "the IPv6-only subnet is not part of the world");
        assertTrue(s.functions().get(0).vpcConfig().ipv6AllowedForDualStack());
    }

    @Test
    void theFlagIsOffByDefault() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(yaml("", "", "subnet-a"), "ds.yaml");
        assertFalse(s.functions().get(0).vpcConfig().ipv6AllowedForDualStack());
        assertFalse(s.vpcs().get(0).subnets().get(0).dualStack());
    }

    @Test
    void anIpv6OnlySubnetIsRefusedForAFunction() {
        assertEquals(List.of("functions[0].vpcConfig.subnetIds[0]: 'subnet-6' is IPv6-only: Lambda does not connect"
                + " functions to IPv6-only subnets (use an IPv4 or a dual-stack subnet)"),
                problems(yaml("", "", "subnet-6")));
    }

    @Test
    void theFlagNeedsDualStackSubnets() {
        assertEquals(List.of("functions[0].vpcConfig.ipv6AllowedForDualStack: needs dual-stack subnets: 'subnet-a'"
                + " has no ipv6Cidr"), problems(yaml("", ", ipv6AllowedForDualStack: true", "subnet-a")));
    }

    @Test
    void anIpv6CidrIsASlash64() {
        for (String bad : List.of("2600:1f18:4a3b:c100::/56", "10.0.0.0/64", "example.com/64",
                "2600:1f18:4a3b:c100::1/64")) {
            List<String> p = problems(yaml(", ipv6Cidr: \"" + bad + "\"", "", "subnet-a"));
            assertEquals(1, p.size(), p.toString());
            assertTrue(p.get(0).startsWith("vpcs[0].subnets[0].ipv6Cidr: expected an IPv6 /64"), p.toString());
        }
    }
}
