package dev.enisim.iac;

/** The count / for_each plans of {@link TerraformInstanceKeysTest}, for the gate's tests. */
public final class TerraformInstanceKeysTestAccess {

    private TerraformInstanceKeysTestAccess() {
    }

    /** {@code n} functions with count, each referencing {@code aws_security_group.sg} by {@code iterator}. */
    public static String plan(int n, String iterator) {
        return TerraformInstanceKeysTest.plan(n, false, iterator);
    }
}
