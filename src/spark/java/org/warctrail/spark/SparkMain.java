package org.warctrail.spark;

import org.apache.spark.sql.SparkSession;

/** {@code java -jar warctrail-spark.jar --master 'local[N]' --input DIR --output DIR}, or the same under spark-submit. */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("warctrail-spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("warctrail");
        if (options.master() != null) builder.master(options.master());
        if (options.master() != null && options.master().startsWith("local")) {
            // 200 shuffle partitions (the default, for clusters) cost more than the work on one machine
            builder.config("spark.sql.shuffle.partitions", String.valueOf(4 * Runtime.getRuntime().availableProcessors()));
        }
        SparkSession spark = builder.getOrCreate();
        try {
            JobSummary summary = new WarctrailJob(spark, options).run();
            System.out.println(summary.line());
        } finally {
            spark.stop();
        }
    }
}
