package org.warctrail.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The extractions a process began and did not finish, kept on disk beside the index so that they outlive the
 * process. Extraction runs under limits of time and memory, but a JVM killed meanwhile (by the kernel's OOM killer,
 * a SIGKILL, a crash) leaves the record's file unindexed from that record on, and the next command would extract
 * the same record and die again. A record whose extraction was started {@value #GIVE_UP_AFTER} times without
 * finishing is indexed without extraction, and stays so, for a reindex too (delete the directory to try again).
 *
 * <p>Each process appends to a journal of its own ({@code extractions-unfinished/<pid>-<start>-<n>.journal}) a line
 * when an extraction begins and one when it ends: two small appends per document, no file made or deleted per
 * document. Only the page cache has to keep them across a process's death, so nothing is synced. The first use in
 * a process reads the journals of processes that are no longer running, counts what they began and never ended
 * into {@code counts}, and deletes them; journals of running processes (another command on the same store) are
 * left to them. Thread-safe: threads extract different records.
 */
public final class UnfinishedExtractions implements AutoCloseable {
    /** Starts without a finish after which a record is no longer extracted. */
    public static final int GIVE_UP_AFTER = 2;
    /** The directory's name in the store. */
    public static final String DIRECTORY = "extractions-unfinished";
    private static final String COUNTS = "counts";
    private static final String JOURNAL = ".journal";
    /** Journals this process made: each instance writes its own (a reindex opens a second store beside the first). */
    private static final AtomicInteger JOURNALS = new AtomicInteger();

    /** Keeps nothing: every extraction is tried (an index without a store, tests). */
    public static final UnfinishedExtractions NONE = new UnfinishedExtractions(null);

    private final Path dir;
    /** Starts without a finish, by record, of the processes that died; read on first use. */
    private Map<String, Integer> counts;
    /** The records {@code counts} holds, as the file says. */
    private final java.util.Set<String> persisted = new java.util.HashSet<>();
    private boolean countsChanged;
    private FileChannel journal;
    private Path journalPath;
    private int open;
    private boolean broken;

    /** @param dir where the files go, created when first needed; null to keep nothing */
    public UnfinishedExtractions(Path dir) {
        this.dir = dir;
    }

    /** How many times the extraction of the record at {@code offset} of {@code file} was started and not finished. */
    public synchronized int starts(String file, long offset) {
        if (dir == null) return 0;
        return counts().getOrDefault(key(file, offset), 0);
    }

    /** Notes that the extraction of the record starts. */
    public synchronized void begin(String file, long offset) {
        if (dir == null) return;
        counts().merge(key(file, offset), 1, Integer::sum);
        append('B', file, offset);
        open++;
    }

    /** Notes that the extraction of the record finished (well or with an error it reported): its starts are cleared. */
    public synchronized void finish(String file, long offset) {
        if (dir == null) return;
        counts().remove(key(file, offset));
        if (persisted.remove(key(file, offset))) countsChanged = true;
        append('E', file, offset);
        open--;
    }

    /**
     * Deletes this process's journal when every extraction it began has ended, first writing the counts without the
     * records of earlier deaths it extracted to the end.
     */
    @Override
    public synchronized void close() {
        if (journal == null) return;
        try {
            journal.close();
            if (open == 0) {
                if (countsChanged) writeCounts(dir.resolve(COUNTS));
                Files.deleteIfExists(journalPath);
            }
        } catch (IOException e) {
            // left behind: the next process reads it, finds every start ended and clears what it cleared
        }
        journal = null;
    }

    private void append(char what, String file, long offset) {
        if (dir == null || broken) return;
        try {
            if (journal == null) openJournal();
            ByteBuffer line = ByteBuffer.wrap((what + "\t" + offset + "\t" + file + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) journal.write(line);
        } catch (IOException e) {
            // not being able to note it costs only the protection it gives: the extraction goes on
            broken = true;
        }
    }

    private void openJournal() throws IOException {
        counts(); // the dead processes' journals are counted before this one is made
        Files.createDirectories(dir);
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        journalPath = dir.resolve(self.pid() + "-" + started + "-" + JOURNALS.incrementAndGet() + JOURNAL);
        journal = FileChannel.open(journalPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private Map<String, Integer> counts() {
        if (counts != null) return counts;
        counts = new HashMap<>();
        if (!Files.isDirectory(dir)) return counts;
        try {
            Path countsFile = dir.resolve(COUNTS);
            if (Files.isRegularFile(countsFile)) {
                for (String line : Files.readAllLines(countsFile, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t", 3); // starts, offset, file
                    if (f.length == 3) counts.merge(f[2] + "\t" + f[1], parse(f[0]), Integer::sum);
                }
            }
            List<Path> dead = new java.util.ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + JOURNAL)) {
                for (Path journalFile : entries) {
                    if (running(journalFile.getFileName().toString())) continue;
                    countUnended(journalFile);
                    dead.add(journalFile);
                }
            }
            if (!dead.isEmpty()) {
                writeCounts(countsFile);
                for (Path journalFile : dead) Files.deleteIfExists(journalFile);
            }
            persisted.addAll(counts.keySet());
        } catch (IOException | RuntimeException e) {
            // unreadable: what was read counts, and every record is extracted as if nothing were noted
        }
        return counts;
    }

    /**
     * Adds a start for each record a dead process's journal began and did not end, and clears the records it
     * extracted to the end. A torn last line (the process died writing it) is skipped.
     */
    private void countUnended(Path journalFile) throws IOException {
        Map<String, Boolean> unended = new HashMap<>();
        for (String line : Files.readAllLines(journalFile, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 3);
            if (f.length < 3 || !(f[0].equals("B") || f[0].equals("E"))) continue;
            unended.put(f[2] + "\t" + f[1], f[0].equals("B"));
        }
        unended.forEach((key, begun) -> {
            if (begun) counts.merge(key, 1, Integer::sum);
            else counts.remove(key);
        });
    }

    private void writeCounts(Path countsFile) throws IOException {
        StringBuilder out = new StringBuilder();
        counts.forEach((key, n) -> {
            int tab = key.lastIndexOf('\t');
            out.append(n).append('\t').append(key, tab + 1, key.length()).append('\t').append(key, 0, tab).append('\n');
        });
        Path part = Files.createTempFile(dir, COUNTS, ".part");
        Files.writeString(part, out, StandardCharsets.UTF_8);
        try {
            Files.move(part, countsFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, countsFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether the journal's process still runs: its pid alive with the start time the name records. */
    private static boolean running(String name) {
        String[] parts = name.substring(0, name.length() - JOURNAL.length()).split("-");
        if (parts.length != 3) return false;
        try {
            long pid = Long.parseLong(parts[0]);
            long started = Long.parseLong(parts[1]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) return false;
            long actual = process.get().info().startInstant().map(Instant::toEpochMilli).orElse(started);
            return Math.abs(actual - started) < 2_000; // the same pid used again by a later process is not it
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int parse(String n) {
        try {
            return Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String key(String file, long offset) {
        return file + "\t" + offset;
    }
}
