package org.warctrail.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a capture started from the UI is: waiting for the worker, crawling, or ended (done or failed). */
public enum CaptureJobState {
    QUEUED, RUNNING, DONE, FAILED;

    /** The name the JSON API and the events use: {@code queued}, {@code running}, {@code done}, {@code failed}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == DONE || this == FAILED;
    }

    @Override
    public String toString() {
        return wireName();
    }
}
