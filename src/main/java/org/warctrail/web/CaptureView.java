package org.warctrail.web;

/**
 * The capture page.
 *
 * @param tokenRequired whether write actions need the server's token (the form asks for it)
 * @param job           the job to follow, or null
 */
public record CaptureView(String url, int depth, int maxDepth, boolean tokenRequired, Long job) {
}
