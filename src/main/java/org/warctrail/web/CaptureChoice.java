package org.warctrail.web;

import java.util.List;
import org.warctrail.index.CaptureRow;

/** Picks the capture a memento URL or a TimeGate request means, from a URL's captures (oldest first). */
final class CaptureChoice {
    private CaptureChoice() {
    }

    /** The capture at exactly this 14-digit timestamp, preferring one whose URL is spelled as requested. */
    public static CaptureRow exact(List<CaptureRow> captures, String timestamp, String url) {
        if (timestamp.length() != 14) return null;
        CaptureRow found = null;
        for (CaptureRow c : captures) {
            if (!c.timestamp().equals(timestamp)) continue;
            if (c.url().equals(url)) return c;
            if (found == null) found = c;
        }
        return found;
    }

    /**
     * The capture nearest a (possibly partial) timestamp: for a partial one, a capture inside the period it
     * names wins ("2016" means a 2016 capture when there is one); ties go to the earlier capture.
     */
    public static CaptureRow nearest(List<CaptureRow> captures, String timestamp) {
        String target = CaptureTime.padDown(timestamp);
        boolean anyInPeriod = timestamp.length() < 14
                && captures.stream().anyMatch(c -> c.timestamp().startsWith(timestamp));
        CaptureRow best = null;
        long bestDistance = Long.MAX_VALUE;
        for (CaptureRow c : captures) {
            if (anyInPeriod && !c.timestamp().startsWith(timestamp)) continue;
            long d = CaptureTime.distance(c.timestamp(), target);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }
}
