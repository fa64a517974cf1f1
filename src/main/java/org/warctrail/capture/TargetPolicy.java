package org.warctrail.capture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which resolved addresses the crawler may connect to. Checked after DNS resolution for every
 * connection, so every redirect hop is checked too. The web UI passes {@link #publicOnly()} so that a
 * capture requested over HTTP cannot reach the server's own network.
 */
@FunctionalInterface
public interface TargetPolicy {
    boolean allows(InetAddress address);

    /**
     * Whether a host that does not resolve locally may still be requested; that only happens through a
     * proxy, which resolves it itself, out of this policy's sight.
     */
    default boolean allowsUnresolvedHost() {
        return true;
    }

    /**
     * Whether every address is allowed, so that nothing needs checking: through a proxy the host is then not
     * resolved locally at all (the proxy resolves it, as with curl and wget), which saves a DNS lookup per
     * request, and a slow one wherever local DNS cannot answer for the names the proxy knows.
     */
    default boolean allowsAll() {
        return false;
    }

    /** Every address. */
    static TargetPolicy any() {
        return new TargetPolicy() {
            @Override
            public boolean allows(InetAddress address) {
                return true;
            }

            @Override
            public boolean allowsAll() {
                return true;
            }
        };
    }

    /**
     * Refuses loopback, private (RFC 1918, IPv6 unique-local), link-local, carrier-grade NAT, wildcard,
     * multicast, broadcast and reserved addresses, including IPv4 addresses mapped into IPv6.
     */
    static TargetPolicy publicOnly() {
        return new TargetPolicy() {
            @Override
            public boolean allows(InetAddress address) {
                return isPublic(address);
            }

            @Override
            public boolean allowsUnresolvedHost() {
                return false;
            }
        };
    }

    /**
     * Whether an address is routable on the public internet. An IPv6 address that carries an IPv4 address
     * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, SIIT {@code ::ffff:0:a.b.c.d}, NAT64
     * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}) is judged by the IPv4 address it
     * carries, since a translator or relay delivers it there: {@code [::127.0.0.1]} is loopback. Other IPv6
     * addresses must lie in global unicast space ({@code 2000::/3}) outside its documentation, benchmarking and
     * ORCHID blocks.
     */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return isPublicIpv6(b);
        }
        return address instanceof Inet4Address && isPublicIpv4(b);
    }

    private static boolean isPublicIpv6(byte[] b) {
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicIpv4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d IPv4-mapped
        }
        if (zeros(b, 0, 12)) {
            return isPublicIpv4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d IPv4-compatible (also ::, ::1)
        }
        if (zeros(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zeros(b, 10, 12)) {
            return isPublicIpv4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:0:a.b.c.d IPv4-translated (SIIT)
        }
        int w0 = word(b, 0);
        int w1 = word(b, 1);
        if (w0 == 0x0064 && w1 == 0xff9b) {
            // 64:ff9b::/96 well-known NAT64 prefix; 64:ff9b:1::/48 is for local NAT64 networks only
            return zeros(b, 4, 12) && isPublicIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if ((w0 & 0xe000) != 0x2000) {
            return false; // outside 2000::/3 global unicast: reserved, unique local, discard-only 100::/64 ...
        }
        if (w0 == 0x2002) {
            return isPublicIpv4(Arrays.copyOfRange(b, 2, 6)); // 6to4: 2002:a.b.c.d::/48
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            // Teredo: the client's IPv4 address is the last 32 bits, inverted; the server's follows the prefix
            byte[] client = new byte[4];
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~b[12 + i];
            }
            return isPublicIpv4(client) && isPublicIpv4(Arrays.copyOfRange(b, 4, 8));
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return false; // 2001:db8::/32 documentation
        }
        if (w0 == 0x2001 && w1 == 0x0002 && word(b, 2) == 0) {
            return false; // 2001:2::/48 benchmarking
        }
        if (w0 == 0x2001 && (w1 & 0xfff0) == 0x0010) {
            return false; // 2001:10::/28 ORCHID
        }
        return !(w0 == 0x3fff && (w1 & 0xf000) == 0); // 3fff::/20 documentation
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int word(byte[] b, int index) {
        return ((b[2 * index] & 0xff) << 8) | (b[2 * index + 1] & 0xff);
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 // "this" network
                || a0 == 10 || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113) // documentation
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || a0 >= 224); // multicast, reserved, broadcast
    }
}
