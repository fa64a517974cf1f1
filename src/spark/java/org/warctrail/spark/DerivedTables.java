package org.warctrail.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The tables the job writes, as projections of {@link RecordRows}: captures (revisits resolved to the response
 * they repeat), documents, links, quotes, and per file its counts and bad records.
 */
final class DerivedTables {
    private DerivedTables() {
    }

    static Dataset<Row> captures(Dataset<Row> records) {
        Dataset<Row> all = records.where(col("badReason").isNull());
        Dataset<Row> responses = all.where(col("recordType").notEqual("revisit"))
                .select(col("url").as("o_url"), col("digest").as("o_digest"), col("timestamp").as("o_timestamp"),
                        col("file").as("originalFile"), col("offset").as("originalOffset"));
        // A revisit stands for the response with its payload digest, at the URL and date it refers to when it says
        // them, else the latest before it.
        Column target = coalesce(col("refersToUrl"), col("url"));
        Dataset<Row> revisits = all.where(col("recordType").equalTo("revisit"))
                .select(col("file").as("r_file"), col("offset").as("r_offset"), target.as("r_url"),
                        col("digest").as("r_digest"), col("timestamp").as("r_timestamp"),
                        col("refersToTimestamp").as("r_refers"));
        Dataset<Row> joined = revisits.join(responses, col("r_url").equalTo(col("o_url"))
                .and(col("r_digest").equalTo(col("o_digest")))
                .and(col("o_timestamp").leq(col("r_timestamp"))));
        Dataset<Row> resolved = joined.withColumn("rank", row_number().over(Window.partitionBy("r_file", "r_offset")
                        .orderBy(when(col("o_timestamp").equalTo(col("r_refers")), 0).otherwise(1),
                                col("o_timestamp").desc())))
                .where(col("rank").equalTo(1))
                .select(col("r_file"), col("r_offset"), col("originalFile"), col("originalOffset"));
        return all.join(resolved, all.col("file").equalTo(resolved.col("r_file"))
                        .and(all.col("offset").equalTo(resolved.col("r_offset"))), "left")
                .select(col("file"), col("offset"), col("length"), col("url"), col("surt"), col("timestamp"),
                        col("status"), col("mime"), col("digest"), col("recordType"), col("recordId"),
                        col("redirect"), col("refersToUrl"), col("refersToTimestamp"), col("method"),
                        col("requestBody"), col("documentId"), col("originalFile"), col("originalOffset"));
    }

    static Dataset<Row> documents(Dataset<Row> records) {
        return records.where(col("documentId").isNotNull())
                .select(col("documentId"), col("file"), col("offset"), col("url"), col("surt"), col("timestamp"),
                        col("title"), col("text"), col("published"), col("modified"), col("authors"), col("lang"),
                        col("canonical"), col("siteName"), col("description"), col("contentType"), col("error"));
    }

    static Dataset<Row> links(Dataset<Row> records) {
        return records.where(col("documentId").isNotNull())
                .select(col("documentId"), col("url").as("from"), explode(col("links")).as("l"))
                .select(col("documentId"), col("from"), col("l.url").as("url"), col("l.text").as("text"),
                        col("l.context").as("context"), col("l.kind").as("kind"), col("l.place").as("place"));
    }

    static Dataset<Row> quotes(Dataset<Row> records) {
        return records.where(col("documentId").isNotNull())
                .select(col("documentId"), col("url"), col("timestamp"), col("published"),
                        explode(col("quotes")).as("q"))
                .select(col("documentId"), col("url"), col("timestamp"), col("published"), col("q.text").as("text"),
                        col("q.speaker").as("speaker"), col("q.start").as("start"), col("q.end").as("end"));
    }

    static Dataset<Row> errors(Dataset<Row> records) {
        return records.where(col("badReason").isNotNull())
                .select(col("file"), col("offset"), col("badReason").as("reason"));
    }

    /** Per file: captures, documents, extraction errors and bad records (as import's summary). */
    static Dataset<Row> files(Dataset<Row> records) {
        return records.groupBy("file").agg(
                sum(when(col("badReason").isNull(), 1).otherwise(0)).as("captures"),
                sum(when(col("documentId").isNotNull(), 1).otherwise(0)).as("documents"),
                sum(when(col("error").isNotNull(), 1).otherwise(0)).as("extractionErrors"),
                sum(when(col("badReason").isNotNull(), 1).otherwise(0)).as("badRecords"));
    }
}
