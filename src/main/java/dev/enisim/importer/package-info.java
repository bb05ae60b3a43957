/**
 * {@code enisim import}: builds a scenario from what the AWS CLI prints about an account (subnets, functions,
 * Lambda's network interfaces, security groups, CloudWatch invocation counts and durations). {@code CliJson}
 * reads one file with JSON paths for errors, {@code Account} and {@code CloudWatch} parse, {@code Importer}
 * cross-checks and derives, {@code ScenarioWriter} writes sorted, commented YAML. Whatever those files cannot tell
 * becomes a marked placeholder with a default, listed at the top of the generated file.
 *
 * <p>May import: {@code scenario} (problems), {@code model.network} (CIDR arithmetic), Jackson.
 */
package dev.enisim.importer;
