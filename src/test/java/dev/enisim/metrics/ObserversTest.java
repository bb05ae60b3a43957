package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.WorldListener;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every notification of the model reaches the run's observers: a forgotten one would silently lose data. */
class ObserversTest {

    @Test
    void forwardsEveryNotification() {
        List<String> missing = new ArrayList<>();
        for (Method m : WorldListener.class.getDeclaredMethods()) {
            if (m.isDefault()) {
                try {
                    Observers.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    missing.add(m.getName());
                }
            }
        }
        assertTrue(missing.isEmpty(), "Observers does not forward " + missing);
    }
}
