package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest;
import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 55 (h2): {@code gate --stack-name STACK} saw a removed function only when CloudFormation had named it
 * {@code STACK-LogicalId-SUFFIX}; one with an explicit {@code FunctionName} was never known as the stack's. Lambda
 * functions CloudFormation creates carry its tags {@code aws:cloudformation:stack-name} and {@code
 * aws:cloudformation:logical-id} (get-function's {@code Tags}): {@code enisim import} keeps them under {@code
 * functions[*].tags} (session 56; {@code x-enisim-tags} before, still read) and the gate takes a function tagged with the stack, that the template no longer defines, as
 * removed. Fixtures in the shapes the AWS CLI prints (get-function: Code, Configuration, Tags) and SAM writes.
 */
class GateStackTagsTest {

    @TempDir
    Path dir;

    private static final String SUBNETS = """
            {
                "Subnets": [
                    {
                        "AvailabilityZone": "eu-west-1a",
                        "AvailabilityZoneId": "euw1-az1",
                        "AvailableIpAddressCount": 240,
                        "CidrBlock": "10.30.1.0/24",
                        "DefaultForAz": false,
                        "MapPublicIpOnLaunch": false,
                        "State": "available",
                        "SubnetId": "subnet-0a1b2c3d4e5f60001",
                        "VpcId": "vpc-0a1b2c3d4e5f60001",
                        "OwnerId": "123456789012",
                        "Tags": [{"Key": "Name", "Value": "private-a"}]
                    }
                ]
            }
            """;

    /** {@code aws lambda get-function --function-name NAME}, with the Tags given (none: no Tags member). */
    private static String getFunction(String name, String tags) {
        return """
                {
                    "Configuration": {
                        "FunctionName": "%s",
                        "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:%s",
                        "Runtime": "python3.12",
                        "Role": "arn:aws:iam::123456789012:role/shop-FunctionRole-1ABCDEF",
                        "Handler": "app.handler",
                        "CodeSize": 2048,
                        "Timeout": 30,
                        "MemorySize": 512,
                        "LastModified": "2026-11-20T07:59:12.000+0000",
                        "Version": "$LATEST",
                        "VpcConfig": {
                            "SubnetIds": ["subnet-0a1b2c3d4e5f60001"],
                            "SecurityGroupIds": ["sg-0a1b2c3d4e5f60001"],
                            "VpcId": "vpc-0a1b2c3d4e5f60001"
                        },
                        "State": "Active",
                        "LastUpdateStatus": "Successful",
                        "PackageType": "Zip",
                        "Architectures": ["x86_64"]
                    },
                    "Code": {
                        "RepositoryType": "S3",
                        "Location": "https://awslambda-eu-west-1-tasks.s3.eu-west-1.amazonaws.com/snapshots/123456789012/%s"
                    }%s
                }
                """.formatted(name, name, name, tags == null ? "" : ",\n    \"Tags\": " + tags);
    }

    private static String cfnTags(String stack, String logicalId) {
        return "{\"team\": \"shop\", \"aws:cloudformation:stack-name\": \"" + stack + "\", \"aws:cloudformation:"
                + "logical-id\": \"" + logicalId + "\", \"aws:cloudformation:stack-id\": \"arn:aws:cloudformation:"
                + "eu-west-1:123456789012:stack/" + stack + "/1b2c3d40-a1b2-11ef-9c3d-0a1b2c3d4e5f\"}";
    }

    /** The stack as the pull request leaves it: OrdersFn (FunctionName shop-orders) kept, RefundsFn removed. */
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: the shop stack; this change removes RefundsFn (FunctionName shop-refunds)
            Globals:
              Function:
                Runtime: python3.12
                MemorySize: 512
                Timeout: 30
                VpcConfig:
                  SubnetIds: [subnet-0a1b2c3d4e5f60001]
                  SecurityGroupIds: [sg-0a1b2c3d4e5f60001]
            Resources:
              OrdersFn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: shop-orders
                  Handler: app.handler
                  CodeUri: src/
            """;

    /** The account imported from get-function outputs (every function's tags), or list-functions for one. */
    private Path account(boolean allTagged) throws Exception {
        Files.writeString(dir.resolve("subnets.json"), SUBNETS);
        Files.writeString(dir.resolve("orders.json"), getFunction("shop-orders", cfnTags("shop", "OrdersFn")));
        Files.writeString(dir.resolve("refunds.json"), getFunction("shop-refunds", cfnTags("shop", "RefundsFn")));
        // another stack's function, and one named as if the shop stack had named it but tagged with another stack
        Files.writeString(dir.resolve("export.json"), getFunction("billing-export", cfnTags("billing", "ExportFn")));
        Files.writeString(dir.resolve("cron.json"), getFunction("shop-Cron-1A2B3C4D5E6F",
                cfnTags("shop-Cron", "Fn")));
        // a function made by hand: get-function prints no Tags member
        Files.writeString(dir.resolve("manual.json"), getFunction("manual-fn", null));
        Path out = dir.resolve("account.yaml");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("import", "--name", "shop",
                "--subnets", dir.resolve("subnets.json").toString(), "--functions",
                dir.resolve("orders.json").toString(), dir.resolve("refunds.json").toString(),
                dir.resolve("export.json").toString(), dir.resolve("cron.json").toString(),
                dir.resolve("manual.json").toString()));
        if (!allTagged) {
            Files.writeString(dir.resolve("list.json"), "{\"Functions\": [{\"FunctionName\": \"listed-only\","
                    + " \"MemorySize\": 128, \"Timeout\": 3, \"Version\": \"$LATEST\"}]}");
            args.add(dir.resolve("list.json").toString());
        }
        args.addAll(java.util.List.of("-o", out.toString()));
        Result r = ImportCommandTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        return out;
    }

    private Result gate(Path account, String out, String... more) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, TEMPLATE);
        return GateCommandTest.gate(account, template, dir.resolve(out), more);
    }

    @Test
    void importKeepsGetFunctionsTagsAsTheFunctionsTags() throws Exception {
        String yaml = Files.readString(account(true));
        assertTrue(yaml.contains("  - name: billing-export\n"), yaml);
        assertTrue(yaml.matches("(?s).*\n    tags: \\{ \"aws:cloudformation:logical-id\": RefundsFn,"
                + " \"aws:cloudformation:stack-id\": \"arn:aws:cloudformation:eu-west-1:123456789012:stack/shop/"
                + "1b2c3d40-a1b2-11ef-9c3d-0a1b2c3d4e5f\", \"aws:cloudformation:stack-name\": shop, team: shop \\}"
                + "   # [^\n]*refunds.json\n.*"), yaml);
        assertTrue(yaml.matches("(?s).*\n    tags: \\{\\}   # [^\n]*manual.json: no Tags\n.*"), yaml);
        assertFalse(yaml.contains("x-enisim-tags"), "the old form is not written: " + yaml);
        assertFalse(yaml.matches("(?s).*- name: listed-only\n(    [^\n]*\n)*    tags:.*"), yaml);
    }

    @Test
    void anAccountImportedWithTheOldFormIsStillReadByTheGate() throws Exception {
        String yaml = Files.readString(account(true));
        // the form enisim import wrote before functions[*].tags: a top-level map of each function's two tags
        String old = yaml.replaceAll("\n    tags: [^\n]*", "") + """
                x-enisim-tags:
                  billing-export: { "aws:cloudformation:logical-id": ExportFn, "aws:cloudformation:stack-name": billing }
                  manual-fn: {}
                  shop-Cron-1A2B3C4D5E6F: { "aws:cloudformation:logical-id": Fn, "aws:cloudformation:stack-name": shop-Cron }
                  shop-orders: { "aws:cloudformation:logical-id": OrdersFn, "aws:cloudformation:stack-name": shop }
                  shop-refunds: { "aws:cloudformation:logical-id": RefundsFn, "aws:cloudformation:stack-name": shop }
                """;
        Path edited = dir.resolve("old-form.yaml");
        Files.writeString(edited, old);
        Result r = gate(edited, "old", "--stack-name", "shop");
        assertEquals(1, r.code(), r.out() + r.err());
        String md = Files.readString(dir.resolve("old/gate.md"));
        assertTrue(md.contains("| shop-refunds | delete | Deleted |"), md);
        assertFalse(md.contains("| manual-fn | delete"), md);
        assertFalse(md.contains("removed functions"), "every function's tags known: " + md);
    }

    @Test
    void aFunctionsTagsInBothFormsAreRefused() throws Exception {
        String yaml = Files.readString(account(true));
        Path edited = dir.resolve("both.yaml");
        Files.writeString(edited, yaml + "x-enisim-tags:\n  manual-fn: {}\n");
        Result r = gate(edited, "both", "--stack-name", "shop");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("x-enisim-tags.manual-fn: function manual-fn has tags under functions[*].tags"
                + " too"), r.err());
    }

    @Test
    void tagsOfAnotherShapeAreRefusedByEveryCommandAllAtOnce() throws Exception {
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(account(true)));
        int seen = 0; // functions sorted by name: billing-export, manual-fn, shop-Cron-..., shop-orders, shop-refunds
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("    tags: ")) {
                seen++;
                if (seen == 2) {
                    lines.set(i, "    tags: { version: 2, \"\": x, owner: [a, b] }");
                } else if (seen == 4) {
                    lines.set(i, "    tags: shop");
                }
            }
        }
        Path edited = dir.resolve("bad-tags.yaml");
        Files.write(edited, lines);
        Result r = dev.enisim.importer.ImportCommandTest.run("validate", edited.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("functions[1].tags.version: expected a string (a tag value; quote it: \"2\")"),
                r.err());
        assertTrue(r.err().contains("functions[1].tags.: expected a tag key of 1 to 128 characters"), r.err());
        assertTrue(r.err().contains("functions[1].tags.owner: expected a string"), r.err());
        assertTrue(r.err().contains("functions[3].tags: expected an object"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aFunctionTaggedWithTheStackThatTheTemplateLeavesOutIsDeleted() throws Exception {
        Result r = gate(account(true), "tagged", "--stack-name", "shop");
        assertEquals(1, r.code(), r.out() + r.err());
        String md = Files.readString(dir.resolve("tagged/gate.md"));
        assertTrue(md.contains("| shop-refunds | delete | Deleted |"), md);
        assertFalse(md.contains("| billing-export | delete"), "another stack's: " + md);
        assertFalse(md.contains("| manual-fn | delete"), "no stack's: " + md);
        assertFalse(md.contains("| shop-Cron-1A2B3C4D5E6F | delete"), "its tags name stack shop-Cron: " + md);
        assertFalse(md.contains("| shop-orders | delete"), md);
        assertFalse(md.contains("removed functions"), "every function's tags imported: nothing unseen: " + md);
    }

    @Test
    void functionsWhoseTagsWereNotImportedAreSaidUnseen() throws Exception {
        Result r = gate(account(false), "untagged", "--stack-name", "shop");
        assertEquals(1, r.code(), r.out() + r.err());
        String md = Files.readString(dir.resolve("untagged/gate.md"));
        assertTrue(md.contains("| shop-refunds | delete | Deleted |"), md);
        assertTrue(md.contains("removed functions with a FunctionName cannot be seen without --base-template among"
                + " the 1 of the account's 6 functions whose CloudFormation tags were not imported"), md);
    }

    @Test
    void withoutTheStackNameTheTagsSayNothing() throws Exception {
        Result r = gate(account(true), "none");
        assertEquals(0, r.code(), r.out() + r.err());
        String md = Files.readString(dir.resolve("none/gate.md"));
        assertFalse(md.contains("| shop-refunds | delete"), md);
        assertTrue(md.contains("removed functions cannot be seen without --base-template or --stack-name"), md);
    }

    @Test
    void aMalformedTagsEntryIsBadInputWithItsPath() throws Exception {
        Path account = account(true);
        String yaml = Files.readString(account);
        Path edited = dir.resolve("edited.yaml");
        Files.writeString(edited, yaml.replaceAll("\n    tags: [^\n]*", "") + "x-enisim-tags:\n  manual-fn: shop\n"
                + "  gone-fn: {}\n");
        Result r = gate(edited, "bad", "--stack-name", "shop");
        assertEquals(2, r.code(), r.out() + r.err());
        int line = Files.readAllLines(edited).indexOf("  manual-fn: shop") + 1; // where each problem is, named
        assertTrue(r.err().contains(edited + ":" + line + ": x-enisim-tags.manual-fn: expected a map"), r.err());
        assertTrue(r.err().contains(edited + ":" + (line + 1) + ": x-enisim-tags.gone-fn: no function gone-fn in the"
                + " scenario"), r.err());
    }

    @Test
    void getFunctionTagsOfAnotherShapeAreAnInputProblem() throws Exception {
        Files.writeString(dir.resolve("subnets.json"), SUBNETS);
        Path list = dir.resolve("orders.json");
        Files.writeString(list, getFunction("shop-orders", "[{\"Key\": \"aws:cloudformation:stack-name\","
                + " \"Value\": \"shop\"}]"));
        Path blank = dir.resolve("refunds.json");
        Files.writeString(blank, getFunction("shop-refunds", "{\"aws:cloudformation:stack-name\": \"\"}"));
        Result r = ImportCommandTest.run("import", "--subnets", dir.resolve("subnets.json").toString(), "--functions",
                list.toString(), blank.toString(), "-o", dir.resolve("a.yaml").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().matches("(?s).*" + java.util.regex.Pattern.quote(list.toString()) + ":\\d+: Tags: expected"
                + " an object of tag keys and values.*"), r.err());
        assertTrue(r.err().matches("(?s).*" + java.util.regex.Pattern.quote(blank.toString()) + ":\\d+:"
                + " Tags.aws:cloudformation:stack-name: expected a tag value.*"), r.err());
    }
}
