package dev.enisim.model.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Subnet sizes a capacity planner counts on: a block holds 2^(32 - prefix) addresses and AWS reserves five of
 * each subnet (network address, VPC router, DNS, future use, broadcast), so a /28 has 11 usable, a /24 251.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
class CidrTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.1.0/28, 16, 11",
        "10.0.2.0/24, 256, 251",
        "10.2.16.0/22, 1024, 1019",
        "10.0.0.0/16, 65536, 65531",
        "10.0.0.0/8, 16777216, 16777211",
        "10.0.0.4/30, 4, 0",
        "10.0.0.7/32, 1, 0",
        "0.0.0.0/0, 4294967296, 4294967291"})
    void sizeAndUsableAddresses(String text, long size, long usable) {
        Cidr c = Cidr.parse(text);
        assertEquals(size, c.size());
        assertEquals(Math.min(usable, Integer.MAX_VALUE), c.usableAddresses());
        assertEquals(text, c.toString(), "formats back as written");
    }

    @Test
    void usableAddressesSkipTheFourReservedAtTheStartAndTheBroadcast() {
        Cidr c = Cidr.parse("10.0.1.0/28");
        assertEquals("10.0.1.4", Cidr.format(c.usableAddress(0)));
        assertEquals("10.0.1.14", Cidr.format(c.usableAddress(10)), "the last before the broadcast .15");
        assertThrows(IndexOutOfBoundsException.class, () -> c.usableAddress(11));
        assertThrows(IndexOutOfBoundsException.class, () -> c.usableAddress(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> Cidr.parse("10.0.0.4/30").usableAddress(0));
    }

    @Test
    void formatsEveryOctetUnsigned() {
        assertEquals("255.254.1.0", Cidr.format(0xFFFE0100));
        assertEquals("192.168.200.7", Cidr.format((192 << 24) | (168 << 16) | (200 << 8) | 7));
        assertEquals(new Cidr((172 << 24) | (31 << 16), 16), Cidr.parse("172.31.0.0/16"));
    }

    @Test
    void hostBitsAreRefusedWithTheBlockMeant() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.1.5/24"));
        assertTrue(e.getMessage().contains("did you mean 10.0.1.0/24?"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.1.16/27"));
        assertTrue(e.getMessage().contains("did you mean 10.0.1.0/27?"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Cidr(1, 31));
        assertEquals(31, new Cidr(2, 31).prefix());
        assertThrows(IllegalArgumentException.class, () -> new Cidr(0, 33));
        assertThrows(IllegalArgumentException.class, () -> new Cidr(0, -1));
        assertEquals(0, new Cidr(0, 0).prefix());
        // a /0 has no network bits: any address but 0.0.0.0 sets host bits
        assertThrows(IllegalArgumentException.class, () -> new Cidr(1 << 24, 0));
        e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/0"));
        assertTrue(e.getMessage().contains("did you mean 0.0.0.0/0?"), e.getMessage());
        assertEquals(32, new Cidr(-1, 32).prefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.1.0", "10.0.1/24", "10.0.1.0.0/24", "10.0.256.0/24", "10.0.1.0/33", "10.0.1.0/",
        "/24", "10.0..0/24", "10.0.1.0/-1", "1000.0.1.0/24", "10.0.1.a/24", "10.0.1.0/2 4", "0010.0.0.0/8"})
    void malformedBlocksAreRefusedSayingWhatWasExpected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
        assertTrue(e.getMessage().contains("expected an IPv4 CIDR block like 10.0.1.0/24, got '" + text + "'"),
                e.getMessage());
    }

    @Test
    void theLargestOctetAndPrefixAreAccepted() {
        assertEquals(32, Cidr.parse("255.255.255.255/32").prefix());
        assertEquals("255.255.255.255", Cidr.format(Cidr.parse("255.255.255.255/32").network()));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(null));
    }
}
