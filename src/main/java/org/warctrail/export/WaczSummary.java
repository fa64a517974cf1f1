package org.warctrail.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export put in a WACZ package.
 *
 * @param file        the package written
 * @param warcs       names of its WARC files (under {@code archive/})
 * @param captures    captures in its CDXJ index
 * @param pages       entries in its pages list
 * @param bytes       size of the package
 * @param notArchived URLs asked for that the store has no capture of
 * @param notices     anything else worth telling (a damaged record skipped, a store file gone)
 */
public record WaczSummary(Path file, List<String> warcs, long captures, int pages, long bytes,
                          List<String> notArchived, List<String> notices) {
}
