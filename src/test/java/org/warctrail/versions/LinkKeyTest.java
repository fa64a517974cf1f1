package org.warctrail.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LinkKeyTest {
    @Test
    void trackingParametersFragmentsAndCaseDoNotMatter() {
        assertEquals(LinkKey.of("https://example.com/a?id=3"),
                LinkKey.of("HTTPS://Example.COM:443/a?utm_source=x&id=3&fbclid=abc#comments"));
        assertEquals("https://example.com/", LinkKey.of("https://example.com"));
    }

    @Test
    void realParametersMatter() {
        assertNotEquals(LinkKey.of("https://example.com/a?id=3"), LinkKey.of("https://example.com/a?id=4"));
    }

    @Test
    void unparseableUrlsStillCompare() {
        assertEquals("not a url", LinkKey.of("not a url#x"));
    }
}
