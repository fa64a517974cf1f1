package org.warctrail.index;

/**
 * The last verification of one WARC file: when it ran and what it found.
 *
 * @param file         as index rows name it (relative to warcs/, or absolute for a file indexed in place)
 * @param verified     ISO 8601 instant the check of the file ended
 * @param records      records read back (damaged stretches included)
 * @param damaged      records that failed a check, or whose index rows did not match them
 * @param bytes        bytes of the file read
 * @param firstProblem the first damage found, as {@code verify} printed it, or null when the file is intact
 */
public record FileVerification(String file, String verified, long records, long damaged, long bytes,
                               String firstProblem) {
    public boolean intact() {
        return damaged == 0;
    }
}
