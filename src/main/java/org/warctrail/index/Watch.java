package org.warctrail.index;

/**
 * A URL recaptured on a schedule ({@code watch --add}, the UI), run by {@code serve --watch}.
 *
 * @param everySeconds interval between successful captures
 * @param depth        capture depth (0: the page and its requisites)
 * @param allChanges   report minor changes too, not only substantive ones
 * @param added        when the watch was added, ISO 8601
 * @param lastAttempt  14-digit timestamp of the last attempt, or null
 * @param lastSuccess  14-digit timestamp of the last capture that did not fail, or null
 * @param lastError    why the last attempt failed (timeout, DNS, 5xx), null after a success
 * @param failures     failed attempts in a row
 * @param nextRun      14-digit timestamp when it is due, or null (due now)
 */
public record Watch(String url, long everySeconds, int depth, boolean allChanges, String added, String lastAttempt,
                    String lastSuccess, String lastError, int failures, String nextRun) {
}
