package dev.enisim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set PATH=VALUE}, shared by the commands that read scenarios (a picocli mixin). */
final class Overriding {

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = {"Override a scenario field before validation (repeatable), e.g.",
                "  --set functions[orders-api].memoryMb=512",
                "  --set 'vpcs[0].subnets[*].otherUsedIps=0'",
                "  --set assumptions=documented",
                "  --set traffic=10   (a factor on every arrival rate, as sweep --vary traffic)",
                "The outputs say so: summary.json's and plan.json's 'overrides', the page, the terminal",
                "(default: none)."})
    List<String> sets = new ArrayList<>();
}
