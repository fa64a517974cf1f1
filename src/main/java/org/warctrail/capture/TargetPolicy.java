package org.warctrail.capture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

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

    /** Every address. */
    static TargetPolicy any() {
        return address -> true;
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

    /** Whether an address is routable on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 old site-local
            }
            boolean mapped = true; // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            return true;
        }
        return address instanceof Inet4Address && isPublicIpv4(b);
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
