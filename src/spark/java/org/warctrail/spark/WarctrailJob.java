package org.warctrail.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The job: WARC splits → records (extracted as import extracts them) → the tables captures, documents, links,
 * quotes, reuse and quote_clusters, plus files (counts per file) and errors (each bad record), one folder each
 * under the output, Parquet or JSON Lines.
 */
final class WarctrailJob {
    private final SparkSession spark;
    private final JobOptions options;

    WarctrailJob(SparkSession spark, JobOptions options) {
        this.spark = spark;
        this.options = options;
    }

    JobSummary run() {
        long started = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<WarcSplit> splits;
        try {
            splits = WarcSplits.of(options.input(), hadoop, options.splitBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the WARC files under " + options.input(), e);
        }
        if (splits.isEmpty()) throw new IllegalArgumentException("no WARC or ARC files under " + options.input());
        Map<String, String> conf = new HashMap<>();
        hadoop.forEach(e -> conf.put(e.getKey(), e.getValue()));
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = context.parallelize(splits, splits.size()).mapPartitions(part -> read(part, conf));
        Dataset<Row> records = spark.createDataFrame(rows, RecordRows.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            write("captures", DerivedTables.captures(records));
            Dataset<Row> documents = DerivedTables.documents(records);
            write("documents", documents);
            write("links", DerivedTables.links(records));
            write("quotes", DerivedTables.quotes(records));
            write("errors", DerivedTables.errors(records));
            Dataset<Row> files = DerivedTables.files(records);
            write("files", files);
            long tablesDone = System.nanoTime();
            ReuseStage.Result reuse = new ReuseStage().run(documents);
            write("reuse", reuse.pairs());
            long reuseDone = System.nanoTime();
            Dataset<Row> clusters = QuoteClusters.of(DerivedTables.quotes(records));
            write("quote_clusters", clusters);
            long clustersDone = System.nanoTime();
            List<Row> perFile = files.collectAsList();
            long captures = 0;
            long documentCount = 0;
            long bad = 0;
            for (Row f : perFile) {
                captures += f.getLong(f.fieldIndex("captures"));
                documentCount += f.getLong(f.fieldIndex("documents"));
                bad += f.getLong(f.fieldIndex("badRecords"));
            }
            return new JobSummary(perFile.size(), captures, documentCount, DerivedTables.links(records).count(),
                    DerivedTables.quotes(records).count(), read("reuse").count(),
                    read("quote_clusters").select("clusterId").distinct().count(), bad, reuse.oversizedBuckets().value(),
                    new JobSummary.Seconds((tablesDone - started) / 1e9, (reuseDone - tablesDone) / 1e9,
                            (clustersDone - reuseDone) / 1e9));
        } finally {
            records.unpersist();
        }
    }

    private static Iterator<Row> read(Iterator<WarcSplit> splits, Map<String, String> conf) {
        Configuration hadoop = new Configuration(false);
        conf.forEach(hadoop::set);
        List<WarcSplit> mine = new ArrayList<>();
        splits.forEachRemaining(mine::add);
        Iterator<WarcSplit> next = mine.iterator();
        return new Iterator<>() {
            private SplitReader current;

            @Override
            public boolean hasNext() {
                while ((current == null || !current.hasNext()) && next.hasNext()) {
                    current = new SplitReader(next.next(), hadoop);
                }
                return current != null && current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return current.next();
            }
        };
    }

    private void write(String table, Dataset<Row> rows) {
        rows.write().mode(SaveMode.Overwrite).format(options.format()).save(path(table));
    }

    private Dataset<Row> read(String table) {
        return spark.read().format(options.format()).load(path(table));
    }

    private String path(String table) {
        return options.output().replaceAll("/+$", "") + "/" + table;
    }
}
