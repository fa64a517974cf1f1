package org.warctrail.index;

import java.util.List;
import org.warctrail.extract.Link;

/** A capture (a revisit resolved to the response it stands for) and the links of its document, in page order. */
public record CapturedLinks(CaptureRow capture, List<Link> links) {
    public CapturedLinks {
        links = List.copyOf(links);
    }
}
