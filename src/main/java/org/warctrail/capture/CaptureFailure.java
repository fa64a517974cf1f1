package org.warctrail.capture;

/** A URL the crawler did not capture, and why (network error, robots.txt, redirect loop, refused target...). */
public record CaptureFailure(String url, String reason) {
}
