package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Review 54 (r7 section 8, new1.yaml): {@code '444444444444' is not one of the accounts [111111111111, 111111111111,
 * 22222222222]} listed a duplicate, in brackets, where the other messages say {@code (known: ...)}. Every "is not one
 * of" message now names the known ids as the others do: {@code (known: ...)}, each once, sorted.
 */
class KnownListMessagesTest {

    private static final String SCENARIO = """
            name: new1
            seed: 1
            duration: 10m
            accounts:
              - { id: "222222222222" }
              - { id: "111111111111", concurrencyLimit: 100, unreservedMinimum: 10 }
              - { id: "111111111111" }
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-b, cidr: 10.0.1.0/28, az: us-east-1b }
                  - { id: subnet-a, cidr: 10.0.0.0/28, az: us-east-1a }
                  - { id: subnet-a, cidr: 10.0.0.0/28, az: us-east-1a }
                securityGroups: [sg-2, sg-1, sg-1]
                securityGroupNames:
                  - { id: sg-9, name: nine }
                enisAtStart:
                  - { subnetId: subnet-zz, securityGroupIds: [sg-9], enis: 1 }
                  - { subnetId: subnet-a, securityGroupIds: [sg-1], enis: 1, account: "444444444444" }
            functions:
              - name: f1
                account: "111111111111"
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    @Test
    void everyKnownListIsSaidOnceSortedAsTheOthers() {
        String m = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(SCENARIO, "new1.yaml"))
                .getMessage();
        assertTrue(m.contains("'444444444444' is not one of the accounts (known: 111111111111, 222222222222)"), m);
        assertTrue(m.contains("'subnet-zz' is not a subnet of vpc-a (known: subnet-a, subnet-b): a key's ENIs"), m);
        assertTrue(m.contains("'sg-9' is not one of vpc-a's securityGroups (known: sg-1, sg-2)"), m);
        assertTrue(m.contains("'sg-9' is not one of this VPC's securityGroups (known: sg-1, sg-2): a name"), m);
    }
}
