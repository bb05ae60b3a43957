package dev.enisim.iac;

/** CloudFormation template text for tests: one Lambda function resource (under {@code Resources:}). */
public final class Templates {

    private Templates() {
    }

    /** A function resource {@code id} named {@code name}, then {@code more} properties (six spaces in), if any. */
    public static String function(String id, String name, String more) {
        return "  " + id + ":\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: " + name + "\n"
                + "      Runtime: python3.12\n      Handler: app.handler\n"
                + "      Role: arn:aws:iam::123456789012:role/r\n      Code: { ZipFile: \"x\" }\n" + more;
    }
}
