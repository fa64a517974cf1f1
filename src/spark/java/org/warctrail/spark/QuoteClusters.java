package org.warctrail.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.warctrail.index.ReuseTables;
import org.warctrail.provenance.MatchText;
import org.warctrail.provenance.QuoteMatcher;
import org.warctrail.provenance.TimeOrder;

/**
 * The same quote's variants across documents, earliest first. Quotes are blocked by runs of 4 normalised words
 * ({@link MatchText}: case, punctuation and quotation marks never matter), each block bounded as the reuse buckets
 * are; two quotes of a block are the same quote when the shorter one is found in the longer by the
 * {@link QuoteMatcher} that {@code trace} uses (small edits and typos tolerated). A quote's cluster is its earliest
 * match (published date, else capture time): the origin {@code trace} would name. Quotes under 4 words, too short
 * to tell apart, are left out; clusters with quotes from one document only are not written.
 */
final class QuoteClusters {
    static final int BLOCK_WORDS = 4;
    /** Blocks per quote: its first runs, enough to meet a variant that changed a word or two. */
    static final int BLOCKS_PER_QUOTE = 12;

    private static final StructType QUOTE = new StructType()
            .add("quoteId", DataTypes.LongType)
            .add("documentId", DataTypes.LongType)
            .add("url", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("speaker", DataTypes.StringType)
            .add("time", DataTypes.StringType)
            .add("millis", DataTypes.LongType);
    private static final StructType BLOCK = new StructType()
            .add("block", DataTypes.LongType)
            .add("quoteId", DataTypes.LongType);
    private static final StructType EDGE = new StructType()
            .add("quoteId", DataTypes.LongType)
            .add("clusterId", DataTypes.LongType);

    private QuoteClusters() {
    }

    static Dataset<Row> of(Dataset<Row> quotes) {
        Dataset<Row> q = quotes.map((MapFunction<Row, Row>) QuoteClusters::quote, Encoders.row(QUOTE));
        Dataset<Row> blocks = q.flatMap((FlatMapFunction<Row, Row>) QuoteClusters::blocks, Encoders.row(BLOCK));
        int limit = ReuseTables.BUCKET_LIMIT;
        Dataset<Row> pairs = blocks.groupBy("block").agg(sort_array(collect_list(col("quoteId"))).as("ids"))
                .where(size(col("ids")).gt(1))
                .flatMap((FlatMapFunction<Row, Row>) block -> {
                    List<Long> ids = block.getList(1);
                    int n = Math.min(ids.size(), limit);
                    List<Row> out = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) out.add(RowFactory.create(ids.get(i), ids.get(j)));
                    }
                    return out.iterator();
                }, Encoders.row(new StructType().add("a", DataTypes.LongType).add("b", DataTypes.LongType)))
                .distinct();
        Dataset<Row> a = q.select(col("quoteId").as("a"), col("text").as("aText"), col("millis").as("aMillis"));
        Dataset<Row> b = q.select(col("quoteId").as("b"), col("text").as("bText"), col("millis").as("bMillis"));
        // each verified pair points the later quote at the earlier; every quote also points at itself
        Dataset<Row> edges = pairs.join(a, "a").join(b, "b")
                .flatMap((FlatMapFunction<Row, Row>) QuoteClusters::verified, Encoders.row(EDGE))
                .union(q.select(col("quoteId"), col("quoteId").as("clusterId")));
        Dataset<Row> earliest = edges.join(q.select(col("quoteId").as("clusterId"), col("millis").as("cMillis")),
                        "clusterId")
                .withColumn("n", row_number().over(Window.partitionBy("quoteId")
                        .orderBy(col("cMillis"), col("clusterId"))))
                .where(col("n").equalTo(1)).select("quoteId", "clusterId");
        Dataset<Row> clustered = q.join(earliest, "quoteId");
        Dataset<Row> spanning = clustered.groupBy("clusterId").agg(countDistinct("documentId").as("documents"))
                .where(col("documents").gt(1)).select("clusterId");
        return clustered.join(spanning, "clusterId")
                .withColumn("rank", row_number().over(Window.partitionBy("clusterId")
                        .orderBy(col("millis"), col("quoteId"))))
                .select("clusterId", "rank", "quoteId", "documentId", "url", "text", "speaker", "time");
    }

    private static Row quote(Row r) {
        long documentId = r.getLong(r.fieldIndex("documentId"));
        int start = r.getInt(r.fieldIndex("start"));
        String published = r.getString(r.fieldIndex("published"));
        String timestamp = r.getString(r.fieldIndex("timestamp"));
        Instant when = TimeOrder.instant(published);
        String time = published;
        if (when == null) {
            when = TimeOrder.instant(timestamp);
            time = timestamp;
        }
        return RowFactory.create(RecordRows.documentId(Long.toString(documentId), start), documentId,
                r.getString(r.fieldIndex("url")), r.getString(r.fieldIndex("text")),
                r.getString(r.fieldIndex("speaker")), time, when == null ? Long.MAX_VALUE : when.toEpochMilli());
    }

    private static java.util.Iterator<Row> blocks(Row quote) {
        List<String> words = MatchText.of(quote.getString(3)).words();
        Set<Long> seen = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i + BLOCK_WORDS <= words.size() && seen.size() < BLOCKS_PER_QUOTE; i++) {
            long h = String.join(" ", words.subList(i, i + BLOCK_WORDS)).hashCode();
            if (seen.add(h)) out.add(RowFactory.create(h, quote.getLong(0)));
        }
        return out.iterator();
    }

    private static java.util.Iterator<Row> verified(Row r) {
        String aText = r.getString(r.fieldIndex("aText"));
        String bText = r.getString(r.fieldIndex("bText"));
        boolean aShorter = MatchText.of(aText).size() <= MatchText.of(bText).size();
        QuoteMatcher matcher = new QuoteMatcher();
        if (matcher.find(aShorter ? aText : bText, aShorter ? bText : aText).isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        long a = r.getLong(r.fieldIndex("a"));
        long b = r.getLong(r.fieldIndex("b"));
        long aMillis = r.getLong(r.fieldIndex("aMillis"));
        long bMillis = r.getLong(r.fieldIndex("bMillis"));
        boolean aFirst = aMillis < bMillis || (aMillis == bMillis && a < b);
        return List.of(aFirst ? RowFactory.create(b, a) : RowFactory.create(a, b)).iterator();
    }
}
