package org.warctrail.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.CdxQuery;
import org.warctrail.index.MatchType;

/**
 * {@code GET /cdx}: the pywb CDX server API. {@code url}, {@code matchType} (or the {@code example.com/*} and
 * {@code *.example.com} shorthands), {@code from}, {@code to}, {@code limit} (negative: the last N),
 * {@code sort=reverse|closest} with {@code closest=}, {@code fl}, repeatable {@code filter}, and
 * {@code output=json} (one object per line) or text (CDX11 lines). Rows stream from the index to the client.
 */
public final class CdxApiHandler {
    private static final List<CdxField> CDX11 = List.of(CdxField.URLKEY, CdxField.TIMESTAMP, CdxField.URL,
            CdxField.MIME, CdxField.STATUS, CdxField.DIGEST, CdxField.REDIRECT, CdxField.ROBOTFLAGS,
            CdxField.LENGTH, CdxField.OFFSET, CdxField.FILENAME);
    private static final List<CdxField> JSON_DEFAULT = List.of(CdxField.URLKEY, CdxField.TIMESTAMP, CdxField.URL,
            CdxField.MIME, CdxField.STATUS, CdxField.DIGEST, CdxField.LENGTH, CdxField.OFFSET, CdxField.FILENAME);
    private static final JsonFactory JSON = new JsonFactory();

    private final CaptureLookup index;

    public CdxApiHandler(CaptureLookup index) {
        this.index = index;
    }

    /** A parsed request. */
    record Request(CdxQuery query, List<CdxFilter> filters, List<CdxField> fields, boolean json, int limit,
                   String closest) {
    }

    static Request parse(Context ctx) {
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) throw new IllegalArgumentException("/cdx needs url=");
        url = url.strip();
        String matchParam = ctx.queryParam("matchType");
        MatchType match = matchParam != null && !matchParam.isBlank() ? MatchType.parse(matchParam) : null;
        if (url.endsWith("*")) {
            url = url.substring(0, url.length() - 1);
            if (match == null) match = MatchType.PREFIX;
        }
        if (url.startsWith("*.")) {
            url = url.substring(2);
            if (match == null) match = MatchType.DOMAIN;
        }
        if (match == null) match = MatchType.EXACT;
        String from = timestampParam(ctx, "from");
        String to = timestampParam(ctx, "to");
        int limit = 0;
        String limitParam = ctx.queryParam("limit");
        if (limitParam != null && !limitParam.isBlank()) {
            try {
                limit = Integer.parseInt(limitParam.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit must be an integer, not: " + limitParam);
            }
        }
        String sort = ctx.queryParam("sort");
        boolean reverse = false;
        String closest = null;
        if (sort != null && !sort.isBlank()) {
            switch (sort) {
                case "reverse" -> reverse = true;
                case "closest" -> {
                    closest = timestampParam(ctx, "closest");
                    if (closest == null) throw new IllegalArgumentException("sort=closest needs closest=TIMESTAMP");
                    if (match != MatchType.EXACT) throw new IllegalArgumentException("sort=closest needs matchType=exact");
                    closest = CaptureTime.padDown(closest);
                }
                default -> throw new IllegalArgumentException("sort must be reverse or closest, not: " + sort);
            }
        }
        List<CdxFilter> filters = ctx.queryParams("filter").stream().filter(f -> !f.isEmpty()).map(CdxFilter::parse).toList();
        boolean json = "json".equals(ctx.queryParam("output"));
        String fl = ctx.queryParam("fl");
        List<CdxField> fields = fl == null || fl.isBlank() ? (json ? JSON_DEFAULT : CDX11)
                : java.util.Arrays.stream(fl.split(",")).filter(s -> !s.isBlank()).map(CdxField::parse).toList();
        // The index applies a positive limit itself only when nothing is dropped or reordered after it.
        int queryLimit = limit > 0 && filters.isEmpty() && closest == null ? limit : 0;
        CdxQuery query = new CdxQuery(url, match, from, to, queryLimit, reverse);
        return new Request(query, filters, fields, json, limit, closest);
    }

    private static String timestampParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        v = v.trim();
        if (!CaptureTime.isTimestamp(v)) throw new IllegalArgumentException(name + " must be 1 to 14 digits, not: " + v);
        return v;
    }

    public void handle(Context ctx) throws IOException {
        Request request = parse(ctx);
        ctx.contentType(request.json() ? "text/x-ndjson; charset=utf-8" : "text/plain; charset=utf-8");
        if (ctx.method().name().equals("HEAD")) return;
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        RowWriter writer = new RowWriter(out, request.fields(), request.json());
        try {
            if (request.closest() != null) {
                writeClosest(request, writer);
            } else if (request.limit() < 0) {
                writeLast(request, writer);
            } else {
                writeInOrder(request, writer);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private void writeInOrder(Request request, RowWriter writer) {
        int limit = request.limit();
        int[] written = {0};
        try {
            index.cdx(request.query(), row -> {
                if (!accepted(request, row)) return;
                writer.accept(row);
                if (limit > 0 && ++written[0] >= limit) throw Enough.INSTANCE;
            });
        } catch (RuntimeException e) {
            if (!Enough.in(e)) throw e;
        }
    }

    /** limit=-N: the last N rows, held in a ring of N. */
    private void writeLast(Request request, RowWriter writer) {
        int n = -request.limit();
        ArrayDeque<CaptureRow> last = new ArrayDeque<>(Math.min(n, 1024));
        index.cdx(request.query(), row -> {
            if (!accepted(request, row)) return;
            if (last.size() == n) last.removeFirst();
            last.addLast(row);
        });
        last.forEach(writer);
    }

    /** sort=closest: one URL's captures (exact match only), nearest first. */
    private void writeClosest(Request request, RowWriter writer) {
        List<CaptureRow> rows = new ArrayList<>();
        index.cdx(request.query(), row -> {
            if (accepted(request, row)) rows.add(row);
        });
        String target = request.closest();
        rows.sort(Comparator.comparingLong((CaptureRow r) -> CaptureTime.distance(r.timestamp(), target))
                .thenComparing(CaptureRow::timestamp));
        int limit = request.limit();
        List<CaptureRow> chosen = limit > 0 ? rows.subList(0, Math.min(limit, rows.size()))
                : limit < 0 ? rows.subList(Math.max(0, rows.size() + limit), rows.size()) : rows;
        chosen.forEach(writer);
    }

    private static boolean accepted(Request request, CaptureRow row) {
        for (CdxFilter f : request.filters()) {
            if (!f.test(row)) return false;
        }
        return true;
    }

    /** Writes rows as CDX text or JSON lines. */
    private static final class RowWriter implements Consumer<CaptureRow> {
        private final Writer out;
        private final List<CdxField> fields;
        private final boolean json;

        RowWriter(Writer out, List<CdxField> fields, boolean json) {
            this.out = out;
            this.fields = fields;
            this.json = json;
        }

        @Override
        public void accept(CaptureRow row) {
            try {
                if (json) {
                    JsonGenerator g = JSON.createGenerator(out);
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.writeStartObject();
                    for (CdxField f : fields) g.writeStringField(f.key(), f.value(row));
                    g.writeEndObject();
                    g.close();
                } else {
                    for (int i = 0; i < fields.size(); i++) {
                        if (i > 0) out.write(' ');
                        out.write(fields.get(i).value(row).replace(" ", "%20").replace("\n", "%0A"));
                    }
                }
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Ends a scan early once the limit is written (the index streams to a consumer that cannot say stop). */
    private static final class Enough extends RuntimeException {
        static final Enough INSTANCE = new Enough();

        private Enough() {
            super("limit reached", null, false, false);
        }

        static boolean in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t == INSTANCE) return true;
            }
            return false;
        }
    }
}
