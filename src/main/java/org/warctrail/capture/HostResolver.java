package org.warctrail.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into addresses. The crawler resolves once, checks the addresses against the
 * {@link TargetPolicy} and connects to exactly the address it checked, so a DNS answer that changes
 * between check and connect (rebinding) cannot slip past the policy.
 */
@FunctionalInterface
interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The system resolver. */
    HostResolver SYSTEM = InetAddress::getAllByName;
}
