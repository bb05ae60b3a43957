package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * Removing the source just delivered ({@link SourceTree#takeFirst} only marks it) settles the mark first, as every
 * operation other than setting that source's next occurrence does: the delivered occurrence is counted out once, not
 * twice, and the next one is first.
 */
class SourceTreeRemoveAfterTakeTest {

    @Test
    void removingTheDeliveredSourceCountsItOutOnce() {
        SourceTree tree = new SourceTree();
        int a = tree.add("a");
        int b = tree.add("b");
        int c = tree.add("c");
        tree.set(a, 5, 1, 0);
        tree.set(b, 7, 2, 0);
        tree.set(c, 9, 3, 0);
        assertEquals(a, tree.takeFirst());
        assertEquals(2, tree.size(), "the delivered one is no longer pending");
        tree.remove(a); // nothing pending for it: a no-op
        assertEquals(2, tree.size());
        assertFalse(tree.pending(a));
        assertEquals(7, tree.firstTime());
        tree.checkNodes();
        assertEquals(b, tree.takeFirst());
        tree.remove(c);
        assertEquals(0, tree.size());
        assertEquals(Long.MAX_VALUE, tree.firstTime());
        tree.checkNodes();
    }
}
