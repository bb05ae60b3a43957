package dev.enisim.pit;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * PIT's JUnit 5 plugin finds a test class's tests by running them (JUnit 5 has no discovery apart from execution):
 * in the coverage minion that run is the coverage, but every mutation minion does it again when it starts, for every
 * test class covering its mutants, and again after each time-out, which restarts it. For the planner's row that was a
 * whole run of its tests (about 2 minutes on a loaded host) per start, most of the row's time. Inside a mutation
 * minion's discovery this extension skips the bodies of test methods and of their set-up and tear-down methods: each
 * test is still started (so found, under the same id), and the mutants then run the tests whole.
 *
 * <p>Only PIT loads it: the {@code pit} profile turns on JUnit's extension auto-detection in the minions
 * ({@code junit.jupiter.extensions.autodetection.enabled}), and src/test/resources/META-INF/services names it;
 * surefire leaves auto-detection off. Test factories run as they are (their dynamic tests exist only when they do).
 */
public final class MinionDiscoveryOnly implements InvocationInterceptor {

    private static final String FINDER = "org.pitest.junit5.JUnit5TestUnitFinder";
    private static final String MUTATION_MINION = "org.pitest.mutationtest.execute.MutationTestMinion";

    /** True when called from a PIT mutation minion's test discovery (not from its runs of a mutant's tests). */
    static boolean inMutationMinionDiscovery() {
        return StackWalker.getInstance().walk(frames -> discovering(frames.map(StackWalker.StackFrame::getClassName)));
    }

    /** Whether a call stack of these classes is a mutation minion's discovery: PIT's JUnit 5 finder under it. */
    static boolean discovering(Stream<String> stackClasses) {
        Set<String> seen = stackClasses.collect(Collectors.toSet());
        return seen.contains(FINDER) && seen.contains(MUTATION_MINION);
    }

    private static <T> T skipOrProceed(Invocation<T> invocation) throws Throwable {
        if (inMutationMinionDiscovery()) {
            invocation.skip();
            return null;
        }
        return invocation.proceed();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
            ExtensionContext extensionContext) throws Throwable {
        skipOrProceed(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
            ExtensionContext extensionContext) throws Throwable {
        skipOrProceed(invocation);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
            ExtensionContext extensionContext) throws Throwable {
        skipOrProceed(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
            ExtensionContext extensionContext) throws Throwable {
        skipOrProceed(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
            ExtensionContext extensionContext) throws Throwable {
        skipOrProceed(invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
            ExtensionContext extensionContext) throws Throwable {
        skipOrProceed(invocation);
    }
}
