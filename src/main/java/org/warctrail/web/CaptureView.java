package org.warctrail.web;

/**
 * The capture page.
 *
 * @param tokenRequired whether write actions need the server's token (the form asks for it)
 * @param job           the job to follow, or null
 * @param back          the page of this server the capture was asked from (the trace page's "Capture it"), to go
 *                      back to once it is done; null when none
 */
public record CaptureView(String url, int depth, int maxDepth, boolean tokenRequired, Long job, String back) {
}
