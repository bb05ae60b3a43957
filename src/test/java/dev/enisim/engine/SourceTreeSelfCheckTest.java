package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceTree#checkNodes}, which the tree's properties call after every step, must notice a broken tree: each
 * test builds a sound tree, breaks one thing behind its back (a leaf, an inner node, the root's time) and expects the
 * check to throw naming it. Without this, a check that never throws would let every property pass whatever the tree
 * held.
 */
class SourceTreeSelfCheckTest {

    /** Three sources in four leaves: source 0 at 10, source 1 at 20 (key 2), source 2 at 5, leaf 3 unused. */
    private static SourceTree soundTree() {
        SourceTree tree = new SourceTree();
        for (int s = 0; s < 3; s++) {
            tree.add("e" + s);
        }
        tree.set(0, 10, 1, 0);
        tree.set(1, 20, 2, 0);
        tree.set(2, 5, 3, 0);
        tree.checkNodes();
        assertEquals(5, tree.firstTime());
        return tree;
    }

    @Test
    void aLeafThatDisagreesWithItsSourcesTimeIsNamed() {
        SourceTree tree = soundTree();
        long[] times = get(tree, "times", long[].class);
        times[0] = 11; // the leaf still says 10
        IllegalStateException e = assertThrows(IllegalStateException.class, tree::checkNodes);
        assertTrue(e.getMessage().startsWith("leaf of source 0:"), e.getMessage());
    }

    /**
     * A leaf past the last source must stay empty, even when what it holds is exactly what its (never set) time would
     * give: offset 0, source 3.
     */
    @Test
    void aLeafPastTheSourcesThatIsNotEmptyIsNamed() {
        SourceTree tree = soundTree();
        int[] nodes = get(tree, "nodes", int[].class);
        assertEquals(4, nodes.length / 2, "four leaves");
        assertEquals(Integer.MAX_VALUE, nodes[4 + 3], "the unused leaf is empty");
        nodes[4 + 3] = 3; // (0 << 2) | 3: what source 3's time 0 would give
        IllegalStateException e = assertThrows(IllegalStateException.class, tree::checkNodes);
        assertTrue(e.getMessage().startsWith("leaf of source 3:"), e.getMessage());
    }

    /** Every leaf right, but an inner node holding the later child: the node is named, with its children. */
    @Test
    void anInnerNodeThatIsNotTheFirstOfItsChildrenIsNamed() {
        SourceTree tree = soundTree();
        int[] nodes = get(tree, "nodes", int[].class);
        assertEquals(nodes[4], nodes[2], "node 2 holds source 0 (10), before source 1 (20)");
        nodes[2] = nodes[5];
        IllegalStateException e = assertThrows(IllegalStateException.class, tree::checkNodes);
        assertEquals("node 2: " + nodes[5] + ", children " + nodes[4] + " and " + nodes[5], e.getMessage());
    }

    /** The root holding the later of its children (the leaves and node 2 sound) is named too. */
    @Test
    void aRootThatIsNotTheFirstIsNamed() {
        SourceTree tree = soundTree();
        int[] nodes = get(tree, "nodes", int[].class);
        assertEquals(nodes[3], nodes[1], "the root is node 3's first, source 2 at 5");
        nodes[1] = nodes[2];
        IllegalStateException e = assertThrows(IllegalStateException.class, tree::checkNodes);
        assertTrue(e.getMessage().startsWith("node 1: "), e.getMessage());
    }

    /** The nodes all sound but the root's exact time stale: named with both times. */
    @Test
    void aStaleRootTimeIsNamed() {
        SourceTree tree = soundTree();
        set(tree, "first", 6L);
        IllegalStateException e = assertThrows(IllegalStateException.class, tree::checkNodes);
        assertEquals("root time 6, exact 5", e.getMessage());
        // and an empty tree's root time is the end of time
        SourceTree empty = new SourceTree();
        empty.add("e");
        empty.checkNodes();
        set(empty, "first", 0L);
        e = assertThrows(IllegalStateException.class, empty::checkNodes);
        assertEquals("root time 0, exact " + Long.MAX_VALUE, e.getMessage());
    }

    private static <T> T get(SourceTree tree, String name, Class<T> type) {
        try {
            Field f = SourceTree.class.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(tree));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void set(SourceTree tree, String name, long value) {
        try {
            Field f = SourceTree.class.getDeclaredField(name);
            f.setAccessible(true);
            f.setLong(tree, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
