package dev.enisim.run;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary's {@code dualStack} section. In a dual-stack subnet (one with an IPv6 /64 as well) every Hyperplane
 * ENI takes an IPv6 address besides its IPv4 one [assumed: AWS documents only that Ipv6AllowedForDualStack "allows
 * outbound IPv6 traffic on VPC functions that are connected to dual-stack subnets"
 * (https://docs.aws.amazon.com/lambda/latest/dg/API_VpcConfig.html)]: IPv4 addresses are consumed exactly as in an
 * IPv4-only subnet, and the /64 never runs out.
 */
final class DualStack {

    /** Usable addresses of a /64: 2^64 minus the first four and the last, which AWS reserves. */
    static final String USABLE_IN_A_64 = "18446744073709551611";

    private DualStack() {
    }

    /** Per dual-stack subnet; empty when the scenario has none (the section is then left out). */
    static Optional<Map<String, RunSummary.DualStackSubnet>> summary(Scenario scenario, WorldSnapshot end) {
        Map<String, RunSummary.DualStackSubnet> out = new LinkedHashMap<>();
        for (Scenario.Vpc v : scenario.vpcs()) {
            for (Scenario.Subnet s : v.subnets()) {
                if (!s.dualStack()) {
                    continue;
                }
                int index = subnetIndex(end, s.id());
                Map<String, String> addresses = new LinkedHashMap<>();
                List<long[]> spans = new ArrayList<>();
                for (WorldSnapshot.EniView e : end.enis()) {
                    if (e.id().subnet() == index) {
                        addresses.put(e.id().name(), address(s.ipv6Cidr(), 4 + addresses.size()));
                        spans.add(new long[] {e.createdMicros(), e.endedMicros().orElse(Long.MAX_VALUE)});
                    }
                }
                List<String> allowing = new ArrayList<>();
                for (Scenario.Function f : scenario.functions()) {
                    if (f.vpcConfig().ipv6AllowedForDualStack() && f.vpcConfig().subnetIds().contains(s.id())) {
                        allowing.add(f.name());
                    }
                }
                long peak = peak(spans);
                out.put(s.id(), new RunSummary.DualStackSubnet(s.ipv6Cidr(), USABLE_IN_A_64, peak, peak, allowing,
                        addresses));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static int subnetIndex(WorldSnapshot end, String id) {
        for (WorldSnapshot.SubnetView v : end.subnets()) {
            if (v.id().equals(id)) {
                return v.index();
            }
        }
        return -1;
    }

    /** The most spans [start, end) open at once. */
    static long peak(List<long[]> spans) {
        List<long[]> points = new ArrayList<>();
        for (long[] s : spans) {
            points.add(new long[] {s[0], 1});
            points.add(new long[] {s[1], -1});
        }
        points.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long open = 0;
        long peak = 0;
        for (long[] p : points) {
            open += p[1];
            peak = Math.max(peak, open);
        }
        return peak;
    }

    /** Host {@code n} of a /64, written as its first four groups then {@code ::n} in hex. */
    static String address(String cidr, int n) {
        try {
            byte[] b = java.net.InetAddress.getByName(cidr.substring(0, cidr.indexOf('/'))).getAddress();
            StringBuilder s = new StringBuilder();
            for (int g = 0; g < 4; g++) {
                s.append(Integer.toHexString((b[2 * g] & 0xff) << 8 | (b[2 * g + 1] & 0xff))).append(':');
            }
            return s.append(':').append(Integer.toHexString(n)).toString();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("validated IPv6 CIDR " + cidr, e);
        }
    }
}
