package id.narasiahli.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 15, item 4: X-Forwarded-For is read from the right, as many entries as there are trusted proxies. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("10.0.0.2", ClientAddress.of("6.6.6.6", "10.0.0.2", 0));
    }

    @Test
    void oneTrustedProxyGivesTheRightmostEntryWhateverTheClientPutLeftOfIt() {
        assertEquals("203.0.113.7", ClientAddress.of("6.6.6.6, 7.7.7.7,203.0.113.7", "10.0.0.2", 1));
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7", "10.0.0.2", 1));
    }

    @Test
    void twoTrustedProxiesGiveTheSecondEntryFromTheRight() {
        assertEquals("203.0.113.7", ClientAddress.of("6.6.6.6, 203.0.113.7, 10.1.0.5", "10.0.0.2", 2));
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7", "10.0.0.2", 2), "shorter than the chain: the farthest entry");
    }

    @Test
    void emptyOrOverlongEntriesAreBounded() {
        assertEquals("10.0.0.2", ClientAddress.of("1.1.1.1, ", "10.0.0.2", 1));
        assertEquals(64, ClientAddress.of("x".repeat(500), "10.0.0.2", 1).length());
    }
}
