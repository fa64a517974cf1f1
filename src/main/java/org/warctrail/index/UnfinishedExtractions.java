package org.warctrail.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The extractions a process began and did not finish, kept on disk beside the index so that they outlive the
 * process: one small file per record ({@code extractions-unfinished/<hash of file and offset>}) counting the
 * starts, written before the extractor runs and deleted when it returns. Extraction runs under limits of time and
 * memory, but a JVM killed meanwhile (by the kernel's OOM killer, a SIGKILL, a crash) leaves the record's file
 * unindexed from that record on, and the next command would extract the same record and die again. A record
 * whose extraction was started {@value #GIVE_UP_AFTER} times without finishing is indexed without extraction; its
 * file stays, so a reindex does not try it again either (delete the directory to try again).
 *
 * <p>Only the page cache has to keep the file across a process's death, so nothing is synced: the cost is a small
 * write and a delete per extracted document. Thread-safe: threads extract different records.
 */
public final class UnfinishedExtractions {
    /** Starts without a finish after which a record is no longer extracted. */
    public static final int GIVE_UP_AFTER = 2;
    /** The directory's name in the store. */
    public static final String DIRECTORY = "extractions-unfinished";

    /** Keeps nothing: every extraction is tried (an index without a store, tests). */
    public static final UnfinishedExtractions NONE = new UnfinishedExtractions(null);

    private final Path dir;
    private volatile boolean dirMade;

    /** @param dir where the files go, created when first needed; null to keep nothing */
    public UnfinishedExtractions(Path dir) {
        this.dir = dir;
    }

    /** How many times the extraction of the record at {@code offset} of {@code file} was started and not finished. */
    public int starts(String file, long offset) {
        if (dir == null) return 0;
        Path path = path(file, offset);
        if (!Files.exists(path)) return 0; // the common case, without the cost of an exception
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            return Integer.parseInt((end < 0 ? content : content.substring(0, end)).strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | RuntimeException e) {
            return 1; // a file cut short by the death it records: started at least once
        }
    }

    /** Notes that the extraction of the record starts, its {@code starts}-th start without a finish. */
    public void begin(String file, long offset, int starts) {
        if (dir == null) return;
        String content = starts + "\n" + file + "\n" + offset + "\n";
        try {
            if (!dirMade) {
                Files.createDirectories(dir);
                dirMade = true;
            }
            try {
                Files.writeString(path(file, offset), content, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                Files.createDirectories(dir); // deleted meanwhile (to retry what was given up)
                Files.writeString(path(file, offset), content, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // not being able to note it costs only the protection it gives: the extraction goes on
        }
    }

    /** Notes that the extraction of the record finished (well or with an error it reported). */
    public void finish(String file, long offset) {
        if (dir == null) return;
        try {
            Files.deleteIfExists(path(file, offset));
        } catch (IOException e) {
            // left behind, it counts one start too many for this record: it is extracted once more at most
        }
    }

    private Path path(String file, long offset) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest((file + "\n" + offset).getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
