package dev.enisim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A row's words, taken over part-way through a stream, draw the rest of that stream in place; rows do not mix. */
class RowStreamTest {

    @Test
    void rowsDrawTheirStreamsOnWhereTheyWereTakenOver() {
        Xoshiro256 a = new Xoshiro256(1);
        Xoshiro256 b = new Xoshiro256(2);
        for (int i = 0; i < 7; i++) {
            a.nextLong();
        }
        long[] rows = new long[10];
        a.copyWords(rows, 1);
        b.copyWords(rows, 6);
        Xoshiro256 aRest = new Xoshiro256(1);
        for (int i = 0; i < 7; i++) {
            aRest.nextLong();
        }
        Xoshiro256 bRest = new Xoshiro256(2);
        RowStream cursor = new RowStream();
        for (int i = 0; i < 1_000; i++) {
            int at = i % 3 == 0 ? 6 : 1;
            cursor.point(rows, at);
            if (at == 6) {
                assertEquals(bRest.nextDouble(), cursor.nextDouble());
            } else {
                assertEquals(aRest.nextLong(), cursor.nextLong());
                assertEquals(aRest.nextLong(), cursor.nextLong());
            }
        }
        assertEquals(0, rows[0]);
        assertEquals(0, rows[5]);
    }
    @Test
    void aCursorOverOneTableMovesBetweenItsRowsByOffset() {
        long[] rows = new long[12];
        new Xoshiro256(3).copyWords(rows, 0);
        new Xoshiro256(4).copyWords(rows, 7);
        Xoshiro256 first = new Xoshiro256(3);
        Xoshiro256 second = new Xoshiro256(4);
        RowStream cursor = new RowStream(rows);
        assertEquals(first.nextLong(), cursor.nextLong()); // pointed at the table's first words from the start
        for (int i = 0; i < 100; i++) {
            cursor.point(7);
            assertEquals(second.nextLong(), cursor.nextLong());
            assertEquals(second.nextDouble(), cursor.nextDouble());
            cursor.point(0);
            assertEquals(first.nextLong(), cursor.nextLong());
        }
        assertEquals(0, rows[4]);
        assertEquals(0, rows[11]);
    }
}
