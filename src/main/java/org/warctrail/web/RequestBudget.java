package org.warctrail.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time every request may take. Set before the handler runs; work that loops over rows the client chose (a
 * CDX scan with filters that match nothing, a long stream) checks it and stops. A network write that blocks on a
 * client that does not read is bounded separately by the connector's idle timeout.
 */
final class RequestBudget {
    public static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final String ATTRIBUTE = "warctrail.deadline";

    private final Duration budget;
    private final LongSupplier nanoTime;

    public RequestBudget(Duration budget, LongSupplier nanoTime) {
        if (budget.isNegative() || budget.isZero()) throw new IllegalArgumentException("a request budget must be positive");
        this.budget = budget;
        this.nanoTime = nanoTime;
    }

    public Duration budget() {
        return budget;
    }

    void start(Context ctx) {
        ctx.attribute(ATTRIBUTE, new Deadline(nanoTime.getAsLong() + budget.toNanos(), budget, nanoTime));
    }

    /** The request's deadline (one that never passes outside a request, e.g. in a unit test of a handler). */
    static Deadline of(Context ctx) {
        Deadline d = ctx.attribute(ATTRIBUTE);
        return d != null ? d : Deadline.NONE;
    }

    /** When a request must be done. */
    record Deadline(long atNanos, Duration budget, LongSupplier nanoTime) {
        static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO, () -> 0L);

        /** Throws {@link Exceeded} once the budget is spent. */
        void check() {
            if (this != NONE && nanoTime.getAsLong() - atNanos > 0) throw new Exceeded(budget);
        }
    }

    /** A request ran out of time; answered 503 when nothing was sent yet, else the response ends there. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(Duration budget) {
            super("this request took longer than the server's " + budget.toSeconds() + " s budget per request; "
                    + "ask for less (a narrower url, from=/to=, limit=)", null, false, false);
        }
    }
}
