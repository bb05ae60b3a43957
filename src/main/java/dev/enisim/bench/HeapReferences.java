package dev.enisim.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * How this JVM holds object references, which moves the simulator's rate by several per cent (README, Tips): with
 * compressed references and a heap that ends below 4 GiB, a reference is a plain 32-bit address; up to 32 GiB it is
 * shifted by the object alignment's bits each time it is loaded ("zero-based"); beyond, a base is added too; without
 * compressed references it is a 64-bit address. The bench prints the mode beside the max heap, so that two figures
 * are compared under the same one.
 *
 * <p>The mode is HotSpot's rule applied to this JVM's options (it places the heap from {@code HeapBaseMinAddress}, 2
 * GiB on Linux x86-64, so a max heap of 2 GiB or less is 32-bit): what HotSpot picks when it can reserve the heap at
 * the address it asks for, which is the usual case ({@code -Xlog:gc+heap+coops=debug} prints the one it took;
 * {@code HeapReferencesTest} checks the rule against it).
 */
public final class HeapReferences {

    private static final long GIB = 1L << 30;

    private HeapReferences() {
    }

    /** This JVM's mode, from its options; "unknown" on a JVM that is not HotSpot. */
    public static String mode() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return mode(Boolean.parseBoolean(vm.getVMOption("UseCompressedOops").getValue()),
                    Long.parseLong(vm.getVMOption("MaxHeapSize").getValue()),
                    Long.parseLong(vm.getVMOption("HeapBaseMinAddress").getValue()),
                    Integer.parseInt(vm.getVMOption("ObjectAlignmentInBytes").getValue()));
        } catch (RuntimeException | LinkageError notHotSpot) {
            return "unknown";
        }
    }

    /**
     * The mode of a heap of {@code maxHeap} bytes placed from {@code heapBase} with objects aligned to
     * {@code alignment} bytes: "32-bit", "zero-based, shift N", "heap-based, shift N" or "uncompressed".
     */
    static String mode(boolean compressed, long maxHeap, long heapBase, int alignment) {
        if (!compressed) {
            return "uncompressed";
        }
        int shift = Integer.numberOfTrailingZeros(alignment);
        if (heapBase + maxHeap <= 4 * GIB) {
            return "32-bit";
        }
        // a shifted 32-bit reference reaches 4 GiB x the alignment (32 GiB with 8-byte alignment) from address 0
        return (maxHeap <= (4 * GIB) << shift ? "zero-based" : "heap-based") + ", shift " + shift;
    }
}
