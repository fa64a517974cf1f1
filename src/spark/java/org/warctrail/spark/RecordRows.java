package org.warctrail.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.warctrail.extract.Document;
import org.warctrail.extract.Link;
import org.warctrail.extract.Quote;
import org.warctrail.index.CaptureRow;

/**
 * The job's first, wide table: one row per capture read (its CDX fields, its document with links and quotes, if
 * any) or per bad record (file, offset and {@code badReason} only). The output tables are projections of it.
 * Field names are those of the commands' {@code --json}.
 */
final class RecordRows {
    static final StructType LINK = new StructType()
            .add("url", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("context", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("place", DataTypes.StringType);
    static final StructType QUOTE = new StructType()
            .add("text", DataTypes.StringType)
            .add("speaker", DataTypes.StringType)
            .add("start", DataTypes.IntegerType)
            .add("end", DataTypes.IntegerType);
    static final StructType SCHEMA = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("offset", DataTypes.LongType, false)
            .add("length", DataTypes.LongType)
            .add("url", DataTypes.StringType)
            .add("surt", DataTypes.StringType)
            .add("timestamp", DataTypes.StringType)
            .add("status", DataTypes.IntegerType)
            .add("mime", DataTypes.StringType)
            .add("digest", DataTypes.StringType)
            .add("recordType", DataTypes.StringType)
            .add("recordId", DataTypes.StringType)
            .add("redirect", DataTypes.StringType)
            .add("refersToUrl", DataTypes.StringType)
            .add("refersToTimestamp", DataTypes.StringType)
            .add("method", DataTypes.StringType)
            .add("requestBody", DataTypes.StringType)
            .add("documentId", DataTypes.LongType)
            .add("title", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("published", DataTypes.StringType)
            .add("modified", DataTypes.StringType)
            .add("authors", DataTypes.createArrayType(DataTypes.StringType))
            .add("lang", DataTypes.StringType)
            .add("canonical", DataTypes.StringType)
            .add("siteName", DataTypes.StringType)
            .add("description", DataTypes.StringType)
            .add("contentType", DataTypes.StringType)
            .add("error", DataTypes.StringType)
            .add("links", DataTypes.createArrayType(LINK))
            .add("quotes", DataTypes.createArrayType(QUOTE))
            .add("badReason", DataTypes.StringType);

    private RecordRows() {
    }

    /** A document's id in every table: a pure function of where its record lies, so reruns agree. */
    static long documentId(String file, long offset) {
        return UUID.nameUUIDFromBytes((file + "@" + offset).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits() & Long.MAX_VALUE;
    }

    static Row capture(CaptureRow r, Document d) {
        Object[] v = new Object[SCHEMA.size()];
        v[0] = r.file();
        v[1] = r.offset();
        v[2] = r.length();
        v[3] = r.url();
        v[4] = r.surt();
        v[5] = r.timestamp();
        v[6] = r.status();
        v[7] = r.mime();
        v[8] = r.digest();
        v[9] = r.recordType().wireName();
        v[10] = r.recordId();
        v[11] = r.redirect();
        v[12] = r.refersToUrl();
        v[13] = r.refersToTimestamp();
        v[14] = r.method();
        v[15] = r.requestBody();
        if (d != null) {
            v[16] = documentId(r.file(), r.offset());
            v[17] = d.title();
            v[18] = d.text();
            v[19] = d.published();
            v[20] = d.modified();
            v[21] = d.authors().toArray(new String[0]);
            v[22] = d.lang();
            v[23] = d.canonical();
            v[24] = d.siteName();
            v[25] = d.description();
            v[26] = d.contentType();
            v[27] = d.error();
            List<Row> links = new ArrayList<>();
            for (Link l : d.links()) {
                links.add(RowFactory.create(l.url(), l.text(), l.context(), l.kind().label(), l.place().label()));
            }
            v[28] = links.toArray(new Row[0]);
            List<Row> quotes = new ArrayList<>();
            for (Quote q : d.quotes()) quotes.add(RowFactory.create(q.text(), q.speaker(), q.start(), q.end()));
            v[29] = quotes.toArray(new Row[0]);
        }
        return RowFactory.create(v);
    }

    static Row bad(String file, long offset, String reason) {
        Object[] v = new Object[SCHEMA.size()];
        v[0] = file;
        v[1] = offset;
        v[30] = reason;
        return RowFactory.create(v);
    }
}
