package org.warctrail.provenance;

/** One hop of a path from a match to the origin: a link of a kind, a redirect, or reuse. */
public record TraceHop(String from, String to, String kind) {
}
