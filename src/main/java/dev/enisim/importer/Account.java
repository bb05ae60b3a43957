package dev.enisim.importer;

import dev.enisim.scenario.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.model.network.Cidr;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the saved EC2 and Lambda CLI output says about an account, parsed. Entities are kept in maps sorted by id
 * so that the generated scenario does not depend on the order the CLI listed them in. Anything skipped on purpose
 * (a published version, an IPv6-only subnet, a duplicate) is said in {@link #notes}, which the generated file
 * lists at its top.
 */
final class Account {

    /** One IPv4 subnet; {@code name} is its Name tag (or null). */
    /**
     * @param ipv6Cidr the subnet's IPv6 CIDR when it is dual-stack (Ipv6CidrBlockAssociationSet), else null
     * @param owner    its OwnerId (the account that owns the subnet: another than the functions' when it is shared
     *                 with them through AWS RAM), or null when not saved
     */
    record Subnet(String id, String vpc, String cidr, String az, long availableIps, int usableIps, String name,
            Path file, String path, String ipv6Cidr, String owner) {
    }

    /**
     * One function ($LATEST, or a published version when only that was saved). {@code subnets} and {@code groups}
     * are sorted; both empty when not in a VPC. {@code state} is the State that get-function-configuration prints
     * (list-functions does not), mapped to the four the model knows, or null. {@code reserved} is the reserved
     * concurrency (get-function, get-function-concurrency) or null. {@code placeholders}: field -> why its value is
     * not the account's (a default for a missing figure, or a figure beyond the model's range). {@code file} and
     * {@code path} say where it was read, for error messages. {@code account}: the AWS account id of its
     * FunctionArn, or null when the output has none. {@code snapStart}: its {@code SnapStart.ApplyOn} when it is
     * not {@code None} (SnapStart is on), else null: enisim does not model SnapStart, and says so beside the function.
     * {@code vpcId}: its {@code VpcConfig.VpcId}, null when absent or empty; it must be its subnets' VPC.
     */
    /**
     * @param stateSource the command its State came from (get-function prints the configuration under {@code
     *                    Configuration}, get-function-configuration at the top): kept with the State when a later
     *                    description that prints none (list-functions) is merged in
     */
    record Function(String name, int memoryMb, int timeoutSeconds, List<String> subnets, List<String> groups,
            String role, String state, Integer reserved, Map<String, String> placeholders, Path file, String path,
            Package pkg, boolean ipv6AllowedForDualStack, String account, String snapStart, String vpcId,
            String stateSource) {

        Function withReserved(Integer r) {
            return new Function(name, memoryMb, timeoutSeconds, subnets, groups, role, state, r, placeholders, file,
                    path, pkg, ipv6AllowedForDualStack, account, snapStart, vpcId, stateSource);
        }

        Function withState(String s, String source) {
            return new Function(name, memoryMb, timeoutSeconds, subnets, groups, role, s, reserved, placeholders, file,
                    path, pkg, ipv6AllowedForDualStack, account, snapStart, vpcId, source);
        }

        /** The function on another VpcConfig (the one before an update under way when saved: see Importer). */
        Function withVpcConfig(List<String> s, List<String> g) {
            return new Function(name, memoryMb, timeoutSeconds, s, g, role, state, reserved, placeholders, file, path,
                    pkg, ipv6AllowedForDualStack, account, snapStart, vpcId, stateSource);
        }

        /**
         * What picks the function's init-time preset: {@code Runtime} (null for an image, which has none),
         * the first of {@code Architectures} and {@code PackageType}, each null when not in the saved output.
         */
        record Package(String runtime, String architecture, String packageType) {
            static final Package NONE = new Package(null, null, null);
        }

        boolean inVpc() {
            return !subnets.isEmpty();
        }
    }

    /**
     * One of Lambda's own network interfaces; {@code groups} sorted; {@code vpc} its VpcId as the output gives it
     * (null when absent): an ENI in a subnet no describe-subnets file lists still counts in that VPC's quota; {@code
     * owner} its OwnerId (null when absent): whose key it is where functions of several accounts share its subnet and
     * security groups.
     */
    record Eni(String id, String subnet, List<String> groups, String vpc, String owner) {
    }

    /**
     * Another service's network interface that takes a slot of the VPC's Hyperplane ENI quota, which Lambda's quota
     * page says is "shared with other services, such as Amazon EFS" [doc]. {@code kind} says what it is (an EFS
     * mount target, or the InterfaceType of another Hyperplane-managed interface); {@code documented}: AWS names the
     * service (EFS), else it is counted on an assumption (see {@link #HYPERPLANE_TYPES}). {@code subnet} and
     * {@code vpc} as the output gives them (either may be null).
     */
    record OtherEni(String id, String subnet, String vpc, String kind, boolean documented) {
    }

    /** What an EFS mount target's interface is called in the notes and comments. */
    static final String EFS = "EFS mount target";

    /**
     * InterfaceTypes of services AWS builds on Hyperplane, as Lambda's ENIs are (NAT gateways, interface VPC endpoints,
     * Network and Gateway Load Balancers and their endpoints, transit gateway attachments): assumed to share the
     * VPC's Hyperplane ENI quota as EFS does (AWS names only EFS). {@code natGateway} is the API's spelling of the
     * CLI's {@code nat_gateway}.
     */
    static final Set<String> HYPERPLANE_TYPES = Set.of("nat_gateway", "natGateway", "vpc_endpoint",
            "network_load_balancer", "gateway_load_balancer", "gateway_load_balancer_endpoint", "transit_gateway");

    static final String SUBNETS = "aws ec2 describe-subnets";
    static final String FUNCTIONS = "aws lambda list-functions";
    static final String ENIS = "aws ec2 describe-network-interfaces";
    static final String GROUPS = "aws ec2 describe-security-groups";
    static final String VPCS = "aws ec2 describe-vpcs";

    final Map<String, Subnet> subnets = new TreeMap<>();
    final Map<String, Function> functions = new TreeMap<>();
    final Map<String, Eni> enis = new TreeMap<>();
    /** Other services' interfaces counted against their VPC's Hyperplane ENI quota, by id. */
    final Map<String, OtherEni> otherEnis = new TreeMap<>();
    /**
     * Other interfaces listed that do not share a VPC's Hyperplane ENI quota (EC2 instances', ECS tasks'...), by id
     * (each counted once, however often listed); their kind is the InterfaceType ("interface" when absent).
     */
    final Map<String, OtherEni> uncountedEnis = new TreeMap<>();
    /** Security group id -> its VPC, from describe-security-groups. */
    final Map<String, String> groupVpc = new TreeMap<>();
    /** Security group id -> its GroupName, from describe-security-groups. */
    final Map<String, String> groupName = new TreeMap<>();
    /** VPC id -> its Name tag, from describe-vpcs, for those tagged. */
    final Map<String, String> vpcName = new TreeMap<>();
    /** Security group id -> its Name tag, from describe-security-groups, for those tagged. */
    final Map<String, String> groupNameTag = new TreeMap<>();
    /**
     * Function name -> its tags (empty: it has none), for the functions whose {@code get-function} or {@code list-tags}
     * output was saved (list-functions and get-function-configuration print no tags): written as {@code
     * functions[*].tags}, where {@code enisim gate --stack-name} finds a stack's functions by CloudFormation's
     * {@code aws:cloudformation:stack-name} and {@code aws:cloudformation:logical-id}.
     */
    final Map<String, Map<String, String>> tags = new TreeMap<>();
    /** Function name -> the file its tags were read from. */
    final Map<String, String> tagsFrom = new TreeMap<>();
    /** Per function ($LATEST), its LastModified as saved (a replay's window may hold the change). */
    final Map<String, java.time.Instant> lastModified = new TreeMap<>();
    /** The functions saved with LastUpdateStatus InProgress (a VpcConfig update under way). */
    final Set<String> updateInProgress = new TreeSet<>();
    /**
     * The updates under way when saved that the scenario replays, by function: it starts on the VpcConfig its listed
     * ENIs show, and a timeline updateVpcConfig moves it to the one printed (see Importer#replayUpdates).
     */
    final Map<String, Importer.Replayed> replayedUpdates = new TreeMap<>();
    /** Lambda ENI id -> its Description ({@code AWS Lambda VPC ENI-<function>-<uuid>}), when printed. */
    final Map<String, String> eniDescriptions = new TreeMap<>();
    /**
     * Lambda's Concurrent executions quota (L-B99A9384) from Service Quotas, by its QuotaArn's account ("" when it
     * names none), and where each was read; {@link ExtraInputs#concurrencyQuotas} applies them.
     */
    final Map<String, Integer> concurrencyQuotas = new TreeMap<>();
    final Map<String, String> concurrencyQuotasFrom = new TreeMap<>();
    final Map<String, Path> concurrencyQuotasFile = new TreeMap<>();
    /** Where the concurrency limit came from when Service Quotas gave it (null: get-account-settings, or none). */
    String concurrencyLimitFrom;
    /** The concurrency limit of each account after the first, from its own L-B99A9384 quota. */
    final Map<String, Integer> accountConcurrency = new TreeMap<>();
    /** What each --service-quotas file is: get-service-quota or list-service-quotas output (or both). */
    final Map<Path, String> quotaShape = new java.util.HashMap<>();
    /** IPv6-only subnets (no CidrBlock), left out: id -> its VPC. */
    final Map<String, String> ipv6OnlySubnets = new TreeMap<>();
    final List<String> notes = new ArrayList<>();
    /** PARTIAL warnings: listings imported without their last page (allowPartial), told first in the file. */
    final List<String> partial = new ArrayList<>();
    /** Why functions were left out (also in {@link #notes}), for the message when none is left. */
    final List<String> functionsLeftOut = new ArrayList<>();
    /** Account concurrency from get-account-settings (null: not given), and its function count. */
    Integer concurrencyLimit;
    /** Where {@link #concurrencyLimit} was read (an --account-settings or a --functions file), for problems. */
    Path concurrencyLimitFile;
    String concurrencyLimitPath;
    /**
     * get-account-settings' UnreservedConcurrentExecutions (null: not given): the limit minus what every function of
     * the account reserves when it was saved.
     */
    Integer unreservedNow;
    Integer functionCount;
    /** Provisioned concurrency per function (--provisioned-concurrency), and the file each came from. */
    final Map<String, Integer> provisioned = new TreeMap<>();
    final Map<String, String> provisionedFrom = new TreeMap<>();
    /** Per function, its SQS event source mapping (--event-source-mappings). */
    final Map<String, EventSourceMappings.Sqs> sqs = new TreeMap<>();
    /** Whether list-event-source-mappings output was given (SQS triggers imported). */
    boolean mappingsGiven;
    /** Per function, the field(s) its provisioned concurrency came from, and the allocation when it lagged. */
    final Map<String, String> provisionedSays = new TreeMap<>();
    /** Lambda's ENIs-per-VPC quota from Service Quotas (--service-quotas; null: not given), and where it was read. */
    Integer eniQuota;
    String eniQuotaFrom;
    /** EC2's network interfaces per Region from Service Quotas (L-DF5E4CA3), and where it was read; null: none. */
    Integer regionQuota;
    String regionQuotaFrom;
    /**
     * Service Quotas' values by the account their QuotaArn names ("" when it names none), as read, and where; then
     * ({@link ExtraInputs#quotasByAccount}) each account's own: a quota is its QuotaArn account's, never another's.
     */
    final Map<String, Integer> eniQuotas = new TreeMap<>();
    final Map<String, String> eniQuotasFrom = new TreeMap<>();
    final Map<String, Integer> regionQuotas = new TreeMap<>();
    final Map<String, String> regionQuotasFrom = new TreeMap<>();
    /** The one account of the functions' ARNs when they name one only (null: none or several). */
    String onlyAccount;
    /** The placeholder concurrency limit raised to fit the reserved concurrency (null: not raised). */
    Integer raisedConcurrency;
    /** Per listing command: where a page with a next-page token was read, and how many last pages were read. */
    final Map<String, List<Page>> pagesWithToken = new TreeMap<>();

    /** A page of a listing that carries a next-page token: its file, and the token's path. */
    record Page(Path file, String path) {

        @Override
        public String toString() {
            return file + " (" + path + ")";
        }
    }
    final Map<String, Integer> lastPages = new TreeMap<>();
    /**
     * Listing commands of which a file could not be read at all (not JSON, not found): what it lists is unknown, so
     * checks against it (a function's subnet not listed, a page without its last) are not made.
     */
    final Set<String> unreadable = new TreeSet<>();
    /**
     * The AWS Regions the files show (a subnet's AvailabilityZone, a function's FunctionArn) -> where first seen,
     * for the note on prices.
     */
    final Map<String, String> regions = new TreeMap<>();

    /** The Region of an Availability Zone name ({@code us-west-2a}, {@code us-west-2-lax-1a}), or null. */
    static String regionOfZone(String az) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d+)"
                + "(?:[a-z]|-.*)$").matcher(az == null ? "" : az);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The accounts of the functions (their FunctionArn account ids), sorted, when there are several: the scenario
     * then declares {@code accounts} and each function's {@code account}; empty for one account (or none known).
     */
    final List<String> functionAccounts = new ArrayList<>();
    /** With {@link #functionAccounts}: function name -> its account (the first one for a function without an ARN). */
    final Map<String, String> accountOf = new TreeMap<>();
    /** VPC -> the OwnerId all its described subnets give (absent when not saved or they disagree). */
    final Map<String, String> vpcOwner = new TreeMap<>();

    /** The account a function's ENIs are keyed in: "" for a single-account import. */
    String keyAccount(Function f) {
        return accountOf.getOrDefault(f.name(), "");
    }

    /** Every SubnetId a describe-subnets file lists, read or refused: one refused was reported with its problem. */
    final Set<String> listedSubnetIds = new TreeSet<>();

    /** Reads every document of a describe-* file, each a page of {@code command}'s listing; problems at once. */
    private void pages(Path file, String command, java.util.function.Consumer<CliJson> reader)
            throws ScenarioException {
        List<CliJson> docs = readAll(file, command);
        for (CliJson j : docs) {
            reader.accept(j);
            page(j, command);
        }
        docs.get(0).throwIfProblems();
    }

    /** Every document of a file; a file that cannot be read as JSON at all is remembered in {@link #unreadable}. */
    List<CliJson> readAll(Path file, String command) throws ScenarioException {
        try {
            return CliJson.readAll(file, command);
        } catch (ScenarioException e) {
            unreadable.add(command);
            throw e;
        }
    }

    /**
     * Counts the document as a page of {@code command}'s listing: a last one, or one with a next-page token; called
     * after the document is read, so that another command's output (given to the wrong option) is not counted.
     */
    void page(CliJson j, String command) {
        if (j.wrongKind) {
            return; // another command's output: its problem says so, and its token is not this listing's
        }
        String token = j.nextPage();
        if (token == null) {
            lastPages.merge(command, 1, Integer::sum);
        } else {
            pagesWithToken.computeIfAbsent(command, k -> new ArrayList<>()).add(new Page(j.file, j.at(token)));
        }
    }

    void readSubnets(Path file) throws ScenarioException {
        pages(file, SUBNETS, this::readSubnets);
    }

    private void readSubnets(CliJson j) {
        // create-subnet prints {"Subnet": {...}}: one subnet; `describe-subnets --query Subnets` an array of subnet
        // objects (each read here as a document of the file, as jq -s's array is)
        boolean bare = j.root.has("SubnetId");
        List<JsonNode> list = j.root.path("Subnet").isObject() ? List.of(j.root.get("Subnet"))
                : bare ? List.of(j.root) : j.list("Subnets", SUBNETS);
        boolean one = j.root.path("Subnet").isObject();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String p = one ? "Subnet" : bare ? "" : "Subnets[" + i + "]";
            String id = j.text(s, p, "SubnetId", true);
            if (id != null) {
                listedSubnetIds.add(id);
            }
            String vpc = j.text(s, p, "VpcId", true);
            String az = j.text(s, p, "AvailabilityZone", true);
            String region = regionOfZone(az);
            if (region != null) {
                regions.putIfAbsent(region, "AvailabilityZone " + az);
            }
            Long available = j.integer(s, p, "AvailableIpAddressCount", true, 0, Integer.MAX_VALUE);
            String cidr = j.text(s, p, "CidrBlock", false);
            boolean ipv6 = s.path("Ipv6Native").asBoolean(false) || s.path("Ipv6CidrBlockAssociationSet").size() > 0;
            if (cidr == null && ipv6) {
                if (id != null) {
                    ipv6OnlySubnets.put(id, vpc);
                }
                notes.add("subnet " + id + " is IPv6-only (no CidrBlock): left out, Lambda's Hyperplane ENIs need"
                        + " an IPv4 address here");
                continue;
            }
            if (cidr == null) {
                j.problem(CliJson.join(p, "CidrBlock"), "missing (expected the subnet's IPv4 CIDR, like 10.0.1.0/24)");
                continue;
            }
            int usable;
            try {
                Cidr c = Cidr.parse(cidr);
                if (c.prefix() < 16 || c.prefix() > 28) {
                    j.problem(CliJson.join(p, "CidrBlock"), "expected a prefix from /16 to /28 (the sizes AWS allows"
                            + " for a subnet), got " + cidr);
                    continue;
                }
                usable = c.usableAddresses();
            } catch (IllegalArgumentException e) {
                // host bits set at a prefix AWS refuses anyway: the prefix rule first, and no "did you mean" that
                // the prefix rule would refuse in turn (as the scenario loader says it)
                int prefix = e.getMessage().contains("host bits set") && cidr.matches(".*/[0-9]{1,3}")
                        ? Integer.parseInt(cidr.substring(cidr.lastIndexOf('/') + 1)) : 16;
                j.problem(CliJson.join(p, "CidrBlock"), prefix >= 16 && prefix <= 28 ? e.getMessage()
                        : "expected a prefix from /16 to /28 (the sizes AWS allows for a subnet), got " + cidr
                        + "; " + Problem.quote(cidr) + " also has host bits set");
                continue;
            }
            if (available != null && available > usable) {
                j.problem(CliJson.join(p, "AvailableIpAddressCount"), "expected at most the " + usable
                        + " usable addresses of " + cidr + " (AWS reserves 5 per subnet), got " + available);
                continue;
            }
            if (id != null && vpc != null && az != null && available != null) {
                Subnet now = new Subnet(id, vpc, cidr, az, available, usable, nameTag(s), j.file, j.at(p), ipv6Cidr(s),
                        textOrNull(s.get("OwnerId")));
                Subnet before = subnets.put(id, now);
                if (before != null) {
                    notes.add(described("subnet " + id, where(before.file(), before.path()), where(now.file(),
                            now.path()), differences(before, now)));
                }
            }
        }
    }

    /**
     * The note on a subnet or function described more than once. One rule for both: the later description (the
     * later file given, or later in its file) is used, as the newer save; the note says where both are and, when
     * their figures disagree, each differing field with both values (earlier vs later).
     */
    static String described(String what, String earlier, String later, List<String> differences) {
        return what + " is described more than once: the later description (" + later + ") is used, not the earlier ("
                + earlier + ")" + (differences.isEmpty() ? "; the two agree"
                : "; they differ (earlier vs later): " + String.join("; ", differences));
    }

    /** A description's file, and its JSON path when it is not the whole document. */
    static String where(Path file, String path) {
        return file + (path == null || path.isEmpty() ? "" : ", " + path);
    }

    /** A field whose two descriptions differ, {@code AvailableIpAddressCount 243 vs 200}, added to {@code out}. */
    static void differ(List<String> out, String field, Object earlier, Object later) {
        if (!java.util.Objects.equals(earlier, later)) {
            out.add(field + " " + (earlier == null ? "(none)" : earlier) + " vs " + (later == null ? "(none)" : later));
        }
    }

    /** The fields of describe-subnets the import uses that differ between two descriptions of one subnet. */
    static List<String> differences(Subnet x, Subnet y) {
        List<String> out = new ArrayList<>();
        differ(out, "VpcId", x.vpc(), y.vpc());
        differ(out, "CidrBlock", x.cidr(), y.cidr());
        differ(out, "AvailabilityZone", x.az(), y.az());
        differ(out, "AvailableIpAddressCount", x.availableIps(), y.availableIps());
        differ(out, "Ipv6CidrBlock", x.ipv6Cidr(), y.ipv6Cidr());
        differ(out, "OwnerId", x.owner(), y.owner());
        differ(out, "Name tag", x.name(), y.name());
        return out;
    }

    /**
     * Lambda's own interfaces from {@code describe-network-interfaces}; other interfaces are other tenants', and those
     * that share the VPC's Hyperplane ENI quota are kept in {@link #otherEnis}.
     */
    void readEnis(Path file) throws ScenarioException {
        pages(file, ENIS, this::readEnis);
    }

    /**
     * Per subnet, the IPv4 addresses each listed network interface (Lambda's or another's) holds there: its private
     * addresses (PrivateIpAddresses, else PrivateIpAddress: 1) and 16 per delegated /28 prefix (Ipv4Prefixes).
     */
    final Map<String, Map<String, Integer>> listedAddresses = new TreeMap<>();

    private void countAddresses(JsonNode n, int index) {
        String subnet = textOrNull(n.get("SubnetId"));
        if (subnet == null) {
            return;
        }
        JsonNode ips = n.get("PrivateIpAddresses");
        int count = ips != null && ips.isArray() && !ips.isEmpty() ? ips.size() : 1;
        JsonNode prefixes = n.get("Ipv4Prefixes");
        if (prefixes != null && prefixes.isArray()) {
            count += 16 * prefixes.size();
        }
        String id = textOrNull(n.get("NetworkInterfaceId"));
        listedAddresses.computeIfAbsent(subnet, k -> new TreeMap<>()).put(id != null ? id : "#" + index
                + " " + listedAddresses.size(), count);
    }

    private void readEnis(CliJson j) {
        // `--query NetworkInterfaces` prints an array of interface objects: each is a document of the file
        boolean bare = j.root.has("NetworkInterfaceId");
        List<JsonNode> list = bare ? List.of(j.root) : j.list("NetworkInterfaces", ENIS);
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = bare ? "" : "NetworkInterfaces[" + i + "]";
            if (n != null && n.isObject()) {
                countAddresses(n, i);
            }
            String type = j.text(n, p, "InterfaceType", false);
            String description = j.text(n, p, "Description", false);
            if (!"lambda".equals(type) && (description == null || !description.startsWith("AWS Lambda VPC ENI"))) {
                otherEni(n, type, description);
                continue;
            }
            String id = j.text(n, p, "NetworkInterfaceId", true);
            String subnet = j.text(n, p, "SubnetId", true);
            List<String> groups = new ArrayList<>();
            JsonNode g = n.get("Groups");
            if (g == null || !g.isArray()) {
                j.problem(CliJson.join(p, "Groups"), "expected a list of {GroupName, GroupId}, got " + g);
            } else {
                for (int k = 0; k < g.size(); k++) {
                    String gid = j.text(g.get(k), p + ".Groups[" + k + "]", "GroupId", true);
                    if (gid != null) {
                        groups.add(gid);
                    }
                }
            }
            if (id != null && subnet != null && description != null) {
                eniDescriptions.put(id, description);
            }
            if (id != null && subnet != null) {
                enis.put(id, new Eni(id, subnet, sorted(groups), textOrNull(n.get("VpcId")),
                        textOrNull(n.get("OwnerId"))));
            }
        }
    }

    /**
     * Another service's interface, read leniently (other tenants' interfaces are not checked): an EFS mount target
     * ({@code InterfaceType: efs}, or described {@code EFS mount target for fs-...}) is counted against the VPC's
     * Hyperplane ENI quota as AWS documents; another Hyperplane-managed interface (an InterfaceType of
     * {@link #HYPERPLANE_TYPES}, or an {@code Attachment.AttachmentId} {@code ela-attach-...}, the mark of a Hyperplane
     * attachment) is counted on that assumption; any other (EC2 instances', RDS's, ECS and EKS tasks', a user's) holds
     * an address only, which AvailableIpAddressCount already shows.
     */
    private void otherEni(JsonNode n, String type, String description) {
        String attachment = textOrNull(n.path("Attachment").path("AttachmentId"));
        String kind;
        boolean documented = false;
        if ("efs".equals(type) || description != null && description.startsWith("EFS mount target")) {
            kind = EFS;
            documented = true;
        } else if (type != null && HYPERPLANE_TYPES.contains(type)) {
            kind = type.equals("natGateway") ? "nat_gateway" : type;
        } else if (attachment != null && attachment.startsWith("ela-attach-")) {
            kind = (type == null ? "interface" : type) + " with a Hyperplane attachment (ela-attach-)";
        } else {
            String id = textOrNull(n.get("NetworkInterfaceId"));
            uncountedEnis.put(id != null ? id : "(no NetworkInterfaceId) " + uncountedEnis.size(), new OtherEni(id,
                    textOrNull(n.get("SubnetId")), textOrNull(n.get("VpcId")), type == null ? "interface" : type,
                    false));
            return;
        }
        String id = textOrNull(n.get("NetworkInterfaceId"));
        OtherEni e = new OtherEni(id, textOrNull(n.get("SubnetId")), textOrNull(n.get("VpcId")), kind, documented);
        otherEnis.put(id != null ? id : "(no NetworkInterfaceId) " + otherEnis.size(), e);
    }

    private static String textOrNull(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }

    void readSecurityGroups(Path file) throws ScenarioException {
        pages(file, GROUPS, this::readSecurityGroups);
    }

    private void readSecurityGroups(CliJson j) {
        boolean bare = j.root.has("GroupId"); // `--query SecurityGroups`: an array of group objects
        List<JsonNode> list = bare ? List.of(j.root) : j.list("SecurityGroups", GROUPS);
        for (int i = 0; i < list.size(); i++) {
            String p = bare ? "" : "SecurityGroups[" + i + "]";
            String id = j.text(list.get(i), p, "GroupId", true);
            String vpc = j.text(list.get(i), p, "VpcId", true);
            String name = j.text(list.get(i), p, "GroupName", false);
            if (id != null && vpc != null) {
                groupVpc.put(id, vpc);
                if (name != null) {
                    groupName.put(id, name);
                }
                String tag = nameTag(list.get(i));
                if (tag != null) {
                    groupNameTag.put(id, tag);
                }
            }
        }
    }

    void readVpcs(Path file) throws ScenarioException {
        pages(file, VPCS, this::readVpcs);
    }

    /** describe-vpcs output: each VPC's Name tag (its only use: the scenario's labels). */
    private void readVpcs(CliJson j) {
        boolean bare = j.root.has("VpcId"); // `--query 'Vpcs[0]'`: the VPC object alone
        List<JsonNode> list = bare ? List.of(j.root) : j.list("Vpcs", VPCS);
        for (int i = 0; i < list.size(); i++) {
            String p = bare ? "" : "Vpcs[" + i + "]";
            String id = j.text(list.get(i), p, "VpcId", true);
            String tag = nameTag(list.get(i));
            if (id != null && tag != null) {
                vpcName.put(id, tag);
            }
        }
    }

    /** The value of a resource's {@code Name} tag (a subnet's, a security group's), or null. */
    private static String nameTag(JsonNode resource) {
        for (JsonNode tag : resource.path("Tags")) {
            if ("Name".equals(tag.path("Key").asText(null)) && tag.path("Value").isTextual()) {
                return tag.get("Value").asText();
            }
        }
        return null;
    }

    static List<String> sorted(List<String> ids) {
        return ids.stream().distinct().sorted().toList();
    }

    /** The first associated IPv6 CIDR of a subnet (describe-subnets' Ipv6CidrBlockAssociationSet), or null. */
    private static String ipv6Cidr(JsonNode subnet) {
        for (JsonNode a : subnet.path("Ipv6CidrBlockAssociationSet")) {
            String state = a.path("Ipv6CidrBlockState").path("State").asText("associated");
            if (a.path("Ipv6CidrBlock").isTextual() && state.equals("associated")) {
                return a.path("Ipv6CidrBlock").asText();
            }
        }
        return null;
    }
}
