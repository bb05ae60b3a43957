package dev.enisim.iac;

import java.util.List;

/**
 * What an infrastructure change does to Lambda's networking: functions created, updated, deleted or replaced,
 * subnets, security groups and VPCs the change defines, other network interfaces it adds to subnets (EFS mount
 * targets), and what could not be resolved. Ids of resources the change creates are their logical ids (a template's;
 * {@code STACK/LogicalId} when several stacks are read together, logical ids being per stack) or addresses (a plan's):
 * they have no real id before deployment.
 */
public record Change(List<Function> functions, List<Vpc> vpcs, List<Subnet> subnets, List<Group> groups,
        List<Interface> interfaces, List<Placeholder> placeholders, List<String> notes, List<String> sources,
        List<String> unsimulated) {

    /**
     * @param unsimulated VPC functions the change may or may not make, each with where and why (a CloudFormation
     *                    {@code Condition} on values not given): the gate cannot simulate them, so it does not pass
     *                    without {@code --allow-unsimulated}
     */
    public Change {
        unsimulated = List.copyOf(unsimulated);
        functions = List.copyOf(functions);
        vpcs = List.copyOf(vpcs);
        subnets = List.copyOf(subnets);
        groups = List.copyOf(groups);
        interfaces = List.copyOf(interfaces);
        placeholders = List.copyOf(placeholders);
        notes = List.copyOf(notes);
        sources = List.copyOf(sources);
    }

    /** Without functions the change may or may not make. */
    public Change(List<Function> functions, List<Vpc> vpcs, List<Subnet> subnets, List<Group> groups,
            List<Interface> interfaces, List<Placeholder> placeholders, List<String> notes, List<String> sources) {
        this(functions, vpcs, subnets, groups, interfaces, placeholders, notes, sources, List.of());
    }

    /** What happens to a function: Terraform's actions, CloudFormation's create / update / delete. */
    public enum Action { CREATE, UPDATE, DELETE, REPLACE }

    /**
     * One function of the change. {@code subnets} and {@code groups} are empty when it is not in a VPC;
     * {@code vpcKnown} is false when its VpcConfig could not be resolved (it is then not simulated; the
     * placeholders say why). Null figures: not given (the existing function's, or Lambda's default).
     *
     * @param where      file and path of its definition, for messages
     * @param publishes  a version is published with it (AWS::Lambda::Version, AutoPublishAlias, publish = true)
     * @param runtime    its Runtime (SAM Globals' included), null when not given or not resolved
     * @param account    the AWS account id the change says it is in (an ARN of it or of its role, a Terraform
     *                   provider's only allowed account), null when it does not say
     */
    public record Function(String name, String where, Action action, boolean vpcKnown, List<String> subnets,
            List<String> groups, Integer memoryMb, Integer timeoutSeconds, Integer reserved, int provisioned,
            boolean publishes, String runtime, String account) {

        public Function {
            subnets = List.copyOf(subnets);
            groups = List.copyOf(groups);
        }

        /** Without an account the change names. */
        public Function(String name, String where, Action action, boolean vpcKnown, List<String> subnets,
                List<String> groups, Integer memoryMb, Integer timeoutSeconds, Integer reserved, int provisioned,
                boolean publishes, String runtime) {
            this(name, where, action, vpcKnown, subnets, groups, memoryMb, timeoutSeconds, reserved, provisioned,
                    publishes, runtime, null);
        }

        /** The account of an ARN ({@code arn:aws:SERVICE:REGION:ACCOUNT:...}), null when it has none. */
        public static String accountOf(String arn) {
            if (arn == null) {
                return null;
            }
            java.util.regex.Matcher m = ARN.matcher(arn);
            return m.lookingAt() ? m.group(1) : null;
        }

        private static final java.util.regex.Pattern ARN = java.util.regex.Pattern.compile(
                "arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}):");

        /** Without a runtime. */
        public Function(String name, String where, Action action, boolean vpcKnown, List<String> subnets,
                List<String> groups, Integer memoryMb, Integer timeoutSeconds, Integer reserved, int provisioned,
                boolean publishes) {
            this(name, where, action, vpcKnown, subnets, groups, memoryMb, timeoutSeconds, reserved, provisioned,
                    publishes, null);
        }
    }

    /** A VPC the change creates. */
    public record Vpc(String id, String cidr, String where) {
    }

    /**
     * A subnet the change creates: null {@code vpc}, {@code cidr} or {@code az} when not resolved; {@code ipv6Only}
     * when it has no IPv4 range (Ipv6Native, ipv6_native), which enisim does not connect functions to.
     */
    public record Subnet(String id, String vpc, String cidr, String az, String where, boolean ipv6Only) {

        /** Not IPv6-only. */
        public Subnet(String id, String vpc, String cidr, String az, String where) {
            this(id, vpc, cidr, az, where, false);
        }
    }

    /** A security group the change creates; null {@code vpc} when not resolved. */
    public record Group(String id, String vpc, String where) {
    }

    /** A network interface that is not Lambda's (an EFS mount target): one address in {@code subnet}. */
    public record Interface(String subnet, String kind, String where) {
    }

    /** Something the change needs that the inputs do not say: where it is asked for, what, how to give it. */
    public record Placeholder(String where, String what, String howToGive) {

        @Override
        public String toString() {
            return where + ": " + what + " (" + howToGive + ")";
        }
    }
}
