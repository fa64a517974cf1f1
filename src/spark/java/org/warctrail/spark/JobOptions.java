package org.warctrail.spark;

import java.util.Locale;

/**
 * The job's command line: {@code --master M --input DIR --output DIR [--format parquet|json]}. {@code --master}
 * is optional under spark-submit, which sets it.
 */
record JobOptions(String master, String input, String output, String format, long splitBytes) {
    static final String USAGE = "usage: java -jar warctrail-spark.jar --master 'local[N]' --input DIR --output DIR "
            + "[--format parquet|json] [--split-bytes N]";

    static JobOptions parse(String[] args) {
        String master = null;
        String input = null;
        String output = null;
        String format = "parquet";
        long splitBytes = WarcSplits.SPLIT_BYTES;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value; " + USAGE);
            String value = args[++i];
            switch (name) {
                case "--master" -> master = value;
                case "--input" -> input = value;
                case "--output" -> output = value;
                case "--format" -> format = value.toLowerCase(Locale.ROOT);
                case "--split-bytes" -> splitBytes = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            }
        }
        if (input == null || output == null) throw new IllegalArgumentException(USAGE);
        if (!format.equals("parquet") && !format.equals("json")) {
            throw new IllegalArgumentException("--format is parquet or json, not " + format);
        }
        return new JobOptions(master, input, output, format, splitBytes);
    }
}
