package org.warctrail.web;

/**
 * The page for something the archive does not hold.
 *
 * @param url the URL asked for when the miss is an unarchived URL, else null
 */
public record NotFoundView(String heading, String message, String url) {
}
