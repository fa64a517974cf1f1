package org.warctrail.index;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.warctrail.capture.RenderedRecords;

/**
 * A browser capture's page has two versions of its HTML: the response as the server sent it, and the DOM as the
 * browser rendered it ({@code urn:rendered-dom:URL}, written right after the response and linked to it by
 * WARC-Concurrent-To). The page's document (its text, title, links, quotes, and so its search, trace, reuse and
 * diffs) is extracted from the rendered DOM; the response row keeps the raw payload for replay and {@code id_}.
 */
public final class RenderedDocuments {
    private RenderedDocuments() {
    }

    static boolean isRenderedDom(WarcRecord record) {
        return record instanceof WarcResource resource && resource.target().startsWith(RenderedRecords.DOM_PREFIX);
    }

    /** The page a {@code urn:rendered-dom:} URL was rendered from, else null. */
    static String pageOf(String url) {
        return url.startsWith(RenderedRecords.DOM_PREFIX) ? url.substring(RenderedRecords.DOM_PREFIX.length()) : null;
    }

    /** Whether a capture of the page's rendered DOM exists at its timestamp: parameters surt, timestamp, url. */
    static final String EXISTS_SQL = "SELECT 1 FROM captures WHERE surt = ? AND timestamp = ? AND url = ? LIMIT 1";

    /** Whether the document of the page captured at {@code timestamp} came from its rendered DOM. */
    static boolean exists(PreparedStatement existsSql, String pageUrl, String timestamp) throws SQLException {
        String dom = RenderedRecords.DOM_PREFIX + pageUrl;
        existsSql.setString(1, SurtKey.of(dom));
        existsSql.setString(2, timestamp);
        existsSql.setString(3, dom);
        try (ResultSet rs = existsSql.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * The capture as a version of its page is compared: a browser capture by its rendered DOM's digest, since its
     * raw response (a script's shell, say) may stay byte for byte the same while what it renders changes; any other
     * capture as it is. The row is otherwise unchanged (its id, file and offset are the response's).
     */
    static CaptureRow asVersion(Connection c, CaptureRow row) throws SQLException {
        if (row.recordType() != RecordType.RESPONSE) return row;
        String dom = RenderedRecords.DOM_PREFIX + row.url();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT digest FROM captures WHERE surt = ? AND timestamp = ? AND url = ? LIMIT 1")) {
            st.setString(1, SurtKey.of(dom));
            st.setString(2, row.timestamp());
            st.setString(3, dom);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return row;
                return new CaptureRow(row.id(), row.surt(), row.timestamp(), row.url(), row.status(), row.mime(),
                        "rendered:" + rs.getString(1), row.recordType(), row.offset(), row.length(), row.file(),
                        row.recordId(), row.redirect(), row.refersToUrl(), row.refersToTimestamp(), row.method(),
                        row.requestBody());
            }
        }
    }

    /** {@link #asVersion(Connection, CaptureRow)} on a connection of the index. */
    public static CaptureRow asVersion(CaptureIndex index, CaptureRow row) {
        try {
            return index.connections().read(c -> asVersion(c, row));
        } catch (SQLException e) {
            throw new IndexException("reading the rendered DOM of " + row.url() + " at " + row.timestamp() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Gives the rendered DOM's document to the response it renders, when that response is among the last rows of the
     * batch (its writer puts it just before); the DOM's own row keeps no document. A DOM with no such response
     * next to it (a file reordered by another tool) is indexed without a document: there is no telling which
     * capture it renders.
     */
    static QueuedCapture moveToPage(WarcRecord dom, QueuedCapture domCapture, List<QueuedCapture> batch) {
        List<String> renders = ((WarcResource) dom).concurrentTo().stream().map(URI::toString).toList();
        for (int i = batch.size() - 1; i >= Math.max(0, batch.size() - 2); i--) {
            QueuedCapture page = batch.get(i);
            if (page.row().recordType() == RecordType.RESPONSE && renders.contains(page.row().recordId())) {
                batch.set(i, new QueuedCapture(page.row(), domCapture.document(),
                        page.payloadBytes() + domCapture.payloadBytes()));
                break;
            }
        }
        return new QueuedCapture(domCapture.row(), null, 0);
    }
}
