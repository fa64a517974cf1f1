package org.warctrail.capture;

/**
 * Receives the events of a crawl as they happen, on the crawling thread; keep handlers quick.
 * The CLI prints a progress line from them, the web UI streams them as server-sent events.
 */
public interface CaptureListener {
    /** A response or revisit was written. */
    default void fetched(CapturedResource resource) {
    }

    /** A URL could not be captured. */
    default void failed(CaptureFailure failure) {
    }

    /** Sent after every fetch attempt. */
    default void progress(CrawlProgress progress) {
    }

    CaptureListener NONE = new CaptureListener() {
    };
}
