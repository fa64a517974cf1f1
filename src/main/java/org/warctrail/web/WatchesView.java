package org.warctrail.web;

import java.util.List;

/**
 * The watches page: the stored watches, next due first, and the add form.
 *
 * @param running       whether this server runs them ({@code serve --watch})
 * @param url           the URL the add form starts with (from {@code /watches?url=}), or empty
 * @param tokenRequired whether the forms must carry the server's token
 */
public record WatchesView(List<Row> watches, boolean running, String url, int maxDepth, boolean tokenRequired) {

    /**
     * One watch, for people: dates as "2016-03-01 12:00:00 UTC", absent ones as empty strings.
     *
     * @param nextRun "due now" when it has never run or is overdue
     */
    public record Row(String url, String timelineHref, String every, int depth, boolean allChanges, String lastRun,
                      String lastError, String nextRun, int failures) {
    }
}
