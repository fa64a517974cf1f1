package org.warctrail.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.warctrail.store.RecordBoundaryScanner;

/** Lists the WARC and ARC files under the job's input (any Hadoop file system) and cuts them into splits. */
final class WarcSplits {
    /** Local gzip files larger than this are read by several tasks, each from a gzip member boundary. */
    static final long SPLIT_BYTES = 256L << 20;

    private WarcSplits() {
    }

    static List<WarcSplit> of(String input, Configuration hadoop, long splitBytes) throws IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(input);
        FileSystem fs = root.getFileSystem(hadoop);
        List<WarcSplit> splits = new ArrayList<>();
        RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(root, true);
        List<FileStatus> found = new ArrayList<>();
        while (files.hasNext()) {
            FileStatus f = files.next();
            if (f.isFile() && isWarc(f.getPath().getName())) found.add(f);
        }
        found.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
        for (FileStatus f : found) {
            URI uri = f.getPath().toUri();
            boolean local = "file".equals(uri.getScheme());
            boolean gzip = f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".gz");
            if (!local || !gzip || f.getLen() <= splitBytes
                    || RecordBoundaryScanner.framing(Path.of(uri)) != RecordBoundaryScanner.Framing.GZIP) {
                splits.add(new WarcSplit(uri.toString(), 0, Long.MAX_VALUE));
                continue;
            }
            for (long from = 0; from < f.getLen(); from += splitBytes) {
                long to = from + splitBytes >= f.getLen() ? Long.MAX_VALUE : from + splitBytes;
                splits.add(new WarcSplit(uri.toString(), from, to));
            }
        }
        return splits;
    }

    static boolean isWarc(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".warc") || n.endsWith(".warc.gz") || n.endsWith(".warc.zst") || n.endsWith(".arc")
                || n.endsWith(".arc.gz");
    }
}
