package org.warctrail.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.sql.SparkSession;
import org.warctrail.index.ReuseTables;
import org.warctrail.provenance.InMemoryReuseCandidates;
import org.warctrail.provenance.InMemoryReuseCorpus;
import org.warctrail.provenance.MatchText;
import org.warctrail.provenance.Passage;
import org.warctrail.provenance.Reuse;
import org.warctrail.provenance.ReuseDetector;
import org.warctrail.provenance.ReuseDocument;
import org.warctrail.provenance.ReuseSignature;

/**
 * Text reuse as the store finds it, without comparing all pairs: each document's LSH band keys
 * ({@link ReuseSignature}), documents grouped by key into buckets, pairs counted by the keys they share, and those
 * {@link ReuseDetector#worthAligning} aligned with the store's {@link ReuseDetector#reuse}.
 *
 * <p>A bucket holds at most {@link ReuseTables#BUCKET_LIMIT} documents: a larger one (a key a whole site's
 * boilerplate or a common phrase makes) keeps its lowest ids only, as the store's lookup reads at most that many
 * per key, and is counted. Pairs per bucket are thus at most 64 × 63 / 2, and the work grows with the number of
 * keys, not with the square of the documents. Each document is aligned with at most 24 candidates (those sharing
 * the most keys), as in the store. Only the first capture of each URL takes part (later ones are its versions).
 * One difference: the store blanks out a same-site passage that 3 pages of the site carry (boilerplate); a pair
 * here knows only its two documents, so same-site pairs rely on the 6 shared keys they need instead.
 */
final class ReuseStage {
    static final int MAX_CANDIDATES = 24;
    static final StructType PASSAGE = new StructType()
            .add("sourceStart", DataTypes.IntegerType)
            .add("sourceEnd", DataTypes.IntegerType)
            .add("targetStart", DataTypes.IntegerType)
            .add("targetEnd", DataTypes.IntegerType)
            .add("words", DataTypes.IntegerType);
    static final StructType REUSE = new StructType()
            .add("sourceId", DataTypes.LongType)
            .add("sourceUrl", DataTypes.StringType)
            .add("targetId", DataTypes.LongType)
            .add("targetUrl", DataTypes.StringType)
            .add("words", DataTypes.IntegerType)
            .add("sourceShare", DataTypes.DoubleType)
            .add("targetShare", DataTypes.DoubleType)
            .add("sharedKeys", DataTypes.IntegerType)
            .add("passages", DataTypes.createArrayType(PASSAGE));
    private static final StructType KEY = new StructType()
            .add("key", DataTypes.LongType)
            .add("documentId", DataTypes.LongType);
    private static final StructType PAIR = new StructType()
            .add("a", DataTypes.LongType)
            .add("b", DataTypes.LongType);

    record Result(Dataset<Row> pairs, LongAccumulator oversizedBuckets) {
    }

    Result run(Dataset<Row> documents) {
        SparkSession spark = documents.sparkSession();
        LongAccumulator oversized = spark.sparkContext().longAccumulator("oversized band buckets");
        Dataset<Row> firsts = documents.where(col("error").isNull().and(length(col("text")).gt(0)))
                .withColumn("n", row_number().over(org.apache.spark.sql.expressions.Window.partitionBy("url")
                        .orderBy(col("timestamp"), col("documentId"))))
                .where(col("n").equalTo(1))
                .select(col("documentId"), col("url"), col("published"), col("timestamp"), col("text"));
        Dataset<Row> keys = firsts.flatMap((FlatMapFunction<Row, Row>) ReuseStage::keys, Encoders.row(KEY));
        int limit = ReuseTables.BUCKET_LIMIT;
        Dataset<Row> buckets = keys.groupBy("key").agg(sort_array(collect_list(col("documentId"))).as("ids"))
                .where(size(col("ids")).gt(1));
        Dataset<Row> pairs = buckets.flatMap((FlatMapFunction<Row, Row>) bucket -> {
                    List<Long> ids = bucket.getList(1);
                    if (ids.size() > limit) oversized.add(1);
                    int n = Math.min(ids.size(), limit);
                    List<Row> out = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) out.add(RowFactory.create(ids.get(i), ids.get(j)));
                    }
                    return out.iterator();
                }, Encoders.row(PAIR))
                .groupBy("a", "b").agg(count(lit(1)).cast("int").as("sharedKeys"))
                .where(col("sharedKeys").geq(2));
        Dataset<Row> a = firsts.select(col("documentId").as("a"), col("url").as("aUrl"),
                col("published").as("aPublished"), col("timestamp").as("aTimestamp"), col("text").as("aText"));
        Dataset<Row> b = firsts.select(col("documentId").as("b"), col("url").as("bUrl"),
                col("published").as("bPublished"), col("timestamp").as("bTimestamp"), col("text").as("bText"));
        Dataset<Row> candidates = pairs.join(a.select("a", "aUrl"), "a").join(b.select("b", "bUrl"), "b")
                .filter((org.apache.spark.api.java.function.FilterFunction<Row>) r -> ReuseDetector.worthAligning(
                        r.getInt(r.fieldIndex("sharedKeys")), r.getString(r.fieldIndex("aUrl")),
                        r.getString(r.fieldIndex("bUrl"))))
                .withColumn("rankA", row_number().over(org.apache.spark.sql.expressions.Window.partitionBy("a")
                        .orderBy(col("sharedKeys").desc(), col("b"))))
                .withColumn("rankB", row_number().over(org.apache.spark.sql.expressions.Window.partitionBy("b")
                        .orderBy(col("sharedKeys").desc(), col("a"))))
                .where(col("rankA").leq(MAX_CANDIDATES).or(col("rankB").leq(MAX_CANDIDATES)))
                .select("a", "b", "sharedKeys");
        Dataset<Row> withTexts = candidates.join(a, "a").join(b, "b");
        Dataset<Row> reuse = withTexts.flatMap((FlatMapFunction<Row, Row>) ReuseStage::align,
                Encoders.row(REUSE));
        return new Result(reuse, oversized);
    }

    private static java.util.Iterator<Row> keys(Row document) {
        long id = document.getLong(0);
        long[] keys = ReuseSignature.bandKeys(MatchText.of(document.getString(4)));
        List<Row> out = new ArrayList<>(keys.length);
        for (long k : keys) out.add(RowFactory.create(k, id));
        return out.iterator();
    }

    private static java.util.Iterator<Row> align(Row r) {
        ReuseDocument a = new ReuseDocument(r.getLong(r.fieldIndex("a")), r.getString(r.fieldIndex("aUrl")),
                r.getString(r.fieldIndex("aPublished")), r.getString(r.fieldIndex("aTimestamp")),
                r.getString(r.fieldIndex("aText")));
        ReuseDocument b = new ReuseDocument(r.getLong(r.fieldIndex("b")), r.getString(r.fieldIndex("bUrl")),
                r.getString(r.fieldIndex("bPublished")), r.getString(r.fieldIndex("bTimestamp")),
                r.getString(r.fieldIndex("bText")));
        InMemoryReuseCorpus corpus = new InMemoryReuseCorpus();
        corpus.add(a);
        corpus.add(b);
        ReuseDetector detector = new ReuseDetector(new InMemoryReuseCandidates(), corpus);
        Optional<Reuse> found = detector.reuse(a, MatchText.of(a.text()), b);
        if (found.isEmpty()) return java.util.Collections.emptyIterator();
        Reuse reuse = found.get();
        List<Row> passages = new ArrayList<>();
        for (Passage p : reuse.passages()) {
            passages.add(RowFactory.create(p.sourceStart(), p.sourceEnd(), p.targetStart(), p.targetEnd(), p.words()));
        }
        return List.of(RowFactory.create(reuse.sourceId(), reuse.sourceUrl(), reuse.targetId(), reuse.targetUrl(),
                reuse.words(), reuse.sourceShare(), reuse.targetShare(), r.getInt(r.fieldIndex("sharedKeys")),
                passages.toArray(new Row[0]))).iterator();
    }
}
