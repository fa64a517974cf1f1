package org.warctrail.provenance;

/** The main text of one capture of a page. @param timestamp 14-digit capture time */
public record TextVersion(String timestamp, String text) {
}
