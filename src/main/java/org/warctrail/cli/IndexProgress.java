package org.warctrail.cli;

import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.warctrail.index.BadRecord;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportedFile;

/**
 * A progress bar by bytes over every file of an import or reindex, on a terminal only; bad records and
 * notices go to stderr as they come.
 */
final class IndexProgress implements ImportListener, AutoCloseable {
    private final String task;
    private final java.io.PrintWriter err;
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private long doneBefore;
    private long currentSize;

    IndexProgress(String task, java.io.PrintWriter err) {
        this.task = task;
        this.err = err;
    }

    @Override
    public void planned(int files, long bytes) {
        if (!terminal || bytes == 0) return;
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(bytes).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MB", 1 << 20).showSpeed().setConsumer(
                        new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void fileStarted(Path file, long size) {
        if (bar != null) {
            doneBefore = bar.getCurrent() + 0;
            bar.setExtraMessage(file.getFileName().toString());
        }
        currentSize = size;
    }

    @Override
    public void progress(long position) {
        if (bar != null) bar.stepTo(doneBefore + Math.min(position, currentSize));
    }

    @Override
    public void fileFinished(ImportedFile file) {
        if (bar != null) bar.stepTo(doneBefore + currentSize);
    }

    @Override
    public void badRecord(BadRecord bad) {
        say("warctrail: " + bad);
    }

    @Override
    public void notice(String message) {
        say("warctrail: " + message);
    }

    private void say(String line) {
        if (bar != null) {
            System.err.print("\r\033[K"); // clear the bar's line first
            System.err.flush();
        }
        err.println(line);
        err.flush();
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
