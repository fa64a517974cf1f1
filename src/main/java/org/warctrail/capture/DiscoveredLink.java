package org.warctrail.capture;

import java.net.URI;

/** A URL found in a fetched payload, absolute, with the reason to fetch it. */
public record DiscoveredLink(URI url, LinkRole role) {
}
