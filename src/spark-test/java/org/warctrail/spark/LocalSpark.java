package org.warctrail.spark;

import org.apache.spark.sql.SparkSession;

/** A local Spark for tests: two cores, few shuffle partitions (the inputs are small), no web UI. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder().appName("warctrail-test").master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
