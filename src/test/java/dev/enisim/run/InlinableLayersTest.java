package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layers between the event loop's delivery and {@code Admission.admit} (an arrival) or {@code Admission.end} (a
 * completion) stay within 35 bytes of bytecode each, HotSpot's {@code C1MaxInlineSize}: C1 inlines a statically bound
 * callee that small into its caller's code, so that the layers are not hot methods of their own in C1's code, each
 * then compiled by C2 apart and called ("already compiled into a big method") from a unit compiled after it (HISTORY,
 * round 2, seventeenth pass). A change that makes one of them larger compiles and runs alike, only slower in some
 * JVMs: this test is what tells. The sizes are read from the compiled class files.
 */
class InlinableLayersTest {

    /** HotSpot's {@code C1MaxInlineSize} (and C2's {@code MaxInlineSize}): bytes of bytecode. */
    private static final int C1_MAX_INLINE_SIZE = 35;

    @Test
    void theArrivalsLayersAreSmallEnoughForC1ToInline() throws IOException {
        Map<String, Integer> simulation = codeSizes(Simulation.class.getName());
        assertSmall(simulation, "handleSource(IJ)V");
        assertSmall(simulation, "arrived(IJ)V");
        assertSmall(simulation, "schedule(IJ)V");
        Map<String, Integer> service = codeSizes("dev.enisim.model.LambdaService");
        assertSmall(service, "arrive(IJ)V");
        assertSmall(service, "invoke(IJ)V");
        Map<String, Integer> world = codeSizes("dev.enisim.model.World");
        assertSmall(world, "invoke(IJJ)Ldev/enisim/model/Outcome;");
    }

    @Test
    void theCompletionsLayersAreSmallEnoughForC1ToInline() throws IOException {
        assertSmall(codeSizes(Simulation.class.getName()), "handle(IJJ)V");
        assertSmall(codeSizes("dev.enisim.model.LambdaService"), "handle(IJJ)V");
        assertSmall(codeSizes("dev.enisim.model.World"), "handle(IJJ)V");
    }

    @Test
    void sizesAreReadFromTheClassFile() throws IOException {
        Map<String, Integer> sizes = codeSizes(Sample.class.getName());
        assertEquals(1, sizes.get("empty()V"), "return");
        assertEquals(4, sizes.get("one()I"), "iconst_1, istore_0, iload_0, ireturn");
        assertTrue(sizes.get("large(I)I") > C1_MAX_INLINE_SIZE, "the large sample: " + sizes.get("large(I)I"));
        assertThrows(AssertionError.class, () -> assertSmall(sizes, "large(I)I"));
        assertThrows(AssertionError.class, () -> assertSmall(sizes, "missing()V"));
    }

    private static void assertSmall(Map<String, Integer> sizes, String method) {
        Integer size = sizes.get(method);
        assertTrue(size != null, method + " is not in the class (its name or descriptor changed?): " + sizes.keySet());
        assertTrue(size <= C1_MAX_INLINE_SIZE, method + " is " + size + " bytes of bytecode, over "
                + C1_MAX_INLINE_SIZE + ": C1 no longer inlines it (move its rare turns into methods of their own)");
    }

    /** Each method's bytecode length (its Code attribute's), by name and descriptor. */
    static Map<String, Integer> codeSizes(String className) throws IOException {
        String resource = "/" + className.replace('.', '/') + ".class";
        try (InputStream raw = InlinableLayersTest.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IOException("no class file " + resource);
            }
            DataInputStream in = new DataInputStream(raw);
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // a long or double takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag + " in " + resource);
                }
            }
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            Map<String, Integer> sizes = new HashMap<>();
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort(); // access flags
                String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.readUnsignedShort(); // max stack
                        in.readUnsignedShort(); // max locals
                        int code = in.readInt();
                        sizes.put(name, code);
                        in.skipBytes(length - 8);
                    } else {
                        in.skipBytes(length);
                    }
                }
            }
            return sizes;
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }

    /** Methods of known sizes. */
    @SuppressWarnings("unused")
    private static final class Sample {

        static void empty() {
        }

        static int one() {
            int x = 1;
            return x;
        }

        static int large(int n) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += i * 31 + (i % 7 == 0 ? i * i : i - 3) + (i % 5 == 0 ? 2 * i : 7) + (i % 3 == 0 ? 11 : 13);
            }
            return sum;
        }
    }
}
