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
import org.warctrail.index.CdxLines;
import org.warctrail.index.CdxQuery;
import org.warctrail.index.MatchType;

/**
 * {@code GET /cdx}: the pywb 2.x CDX server API. {@code url}, {@code matchType} (or the {@code example.com/*} and
 * {@code *.example.com} shorthands), {@code from}, {@code to}, {@code limit} (negative: the last N),
 * {@code sort=reverse|closest} with {@code closest=}, {@code fields} (or its old name {@code fl}), repeatable
 * {@code filter}, and {@code output=text} (CDX11 lines, the default here), {@code json} (one object per line),
 * {@code cdxj} (SURT, timestamp, JSON) or {@code link} (a Memento TimeMap in link format). Rows stream from the
 * index a page at a time, within the request's time budget.
 */
final class CdxApiHandler {
    private static final List<CdxField> CDX11 = List.of(CdxField.URLKEY, CdxField.TIMESTAMP, CdxField.URL,
            CdxField.MIME, CdxField.STATUS, CdxField.DIGEST, CdxField.REDIRECT, CdxField.ROBOTFLAGS,
            CdxField.LENGTH, CdxField.OFFSET, CdxField.FILENAME);
    /** pywb's JSON output of a row indexed by cdxj-indexer: its fields in the indexer's order. */
    private static final List<CdxField> JSON_DEFAULT = List.of(CdxField.URLKEY, CdxField.TIMESTAMP, CdxField.URL,
            CdxField.MIME, CdxField.STATUS, CdxField.DIGEST, CdxField.LENGTH, CdxField.OFFSET, CdxField.FILENAME,
            CdxField.REQUEST_BODY, CdxField.METHOD);
    private static final JsonFactory JSON = new JsonFactory();

    /** The output formats, by pywb's names, with the media types pywb answers with. */
    enum Output {
        TEXT("text/plain; charset=utf-8"), JSON("text/x-ndjson; charset=utf-8"), CDXJ("text/x-cdxj; charset=utf-8"),
        LINK("application/link-format; charset=utf-8");

        final String contentType;

        Output(String contentType) {
            this.contentType = contentType;
        }

        static Output parse(String name) {
            if (name == null || name.isBlank()) return TEXT;
            return switch (name.strip()) {
                case "text" -> TEXT;
                case "json" -> JSON;
                case "cdxj" -> CDXJ;
                case "link" -> LINK;
                default -> throw new IllegalArgumentException("output must be text, json, cdxj or link, not: " + name);
            };
        }
    }

    private final CaptureLookup index;

    public CdxApiHandler(CaptureLookup index) {
        this.index = index;
    }

    /**
     * A parsed request.
     *
     * @param fields the fields asked for, or null for the output's own (CDX11, pywb's JSON fields, a whole CDXJ line)
     */
    record Request(CdxQuery query, List<CdxFilter> filters, List<CdxField> fields, Output output, int limit,
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
        Output output = Output.parse(ctx.queryParam("output"));
        // pywb 2.x reads fields= and, under its old name, fl=
        String names = ctx.queryParam("fields");
        if (names == null || names.isBlank()) names = ctx.queryParam("fl");
        List<CdxField> fields = names == null || names.isBlank() ? null
                : java.util.Arrays.stream(names.split(",")).filter(s -> !s.isBlank()).map(CdxField::parse).toList();
        // The index applies a positive limit itself only when nothing is dropped or reordered after it.
        int queryLimit = limit > 0 && filters.isEmpty() && closest == null ? limit : 0;
        CdxQuery query = new CdxQuery(url, match, from, to, queryLimit, reverse);
        return new Request(query, filters, fields, output, limit, closest);
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
        ctx.contentType(request.output().contentType);
        if (ctx.method().name().equals("HEAD")) return;
        RequestBudget.Deadline deadline = RequestBudget.of(ctx);
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        RowWriter writer = new RowWriter(out, request);
        try {
            if (request.closest() != null) {
                writeClosest(request, deadline, writer);
            } else if (request.limit() < 0) {
                writeLast(request, deadline, writer);
            } else {
                writeInOrder(request, deadline, writer);
            }
            writer.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private void writeInOrder(Request request, RequestBudget.Deadline deadline, RowWriter writer) {
        int limit = request.limit();
        int[] written = {0};
        try {
            index.cdx(request.query(), row -> {
                deadline.check();
                if (!accepted(request, row)) return;
                writer.accept(row);
                if (limit > 0 && ++written[0] >= limit) throw Enough.INSTANCE;
            });
        } catch (RuntimeException e) {
            if (!Enough.in(e)) throw e;
        }
    }

    /** limit=-N: the last N rows, held in a ring of N. */
    private void writeLast(Request request, RequestBudget.Deadline deadline, RowWriter writer) {
        int n = -request.limit();
        ArrayDeque<CaptureRow> last = new ArrayDeque<>(Math.min(n, 1024));
        index.cdx(request.query(), row -> {
            deadline.check();
            if (!accepted(request, row)) return;
            if (last.size() == n) last.removeFirst();
            last.addLast(row);
        });
        last.forEach(writer);
    }

    /** sort=closest: one URL's captures (exact match only), nearest first. */
    private void writeClosest(Request request, RequestBudget.Deadline deadline, RowWriter writer) {
        List<CaptureRow> rows = new ArrayList<>();
        index.cdx(request.query(), row -> {
            deadline.check();
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

    /** Writes rows in the request's output format. */
    private static final class RowWriter implements Consumer<CaptureRow> {
        private final Writer out;
        private final Output output;
        private final List<CdxField> fields;
        private final boolean explicitFields;
        /** Link format separates entries with ",\n" and ends the last with "\n". */
        private boolean wroteLink;

        RowWriter(Writer out, Request request) {
            this.out = out;
            this.output = request.output();
            this.fields = request.fields() != null ? request.fields() : output == Output.JSON ? JSON_DEFAULT : CDX11;
            this.explicitFields = request.fields() != null;
        }

        @Override
        public void accept(CaptureRow row) {
            try {
                switch (output) {
                    case JSON -> json(row);
                    case CDXJ -> out.write(explicitFields ? cdxj(row) : CdxLines.cdxj(row));
                    case LINK -> {
                        if (wroteLink) out.write(",\n");
                        out.write(link(row));
                        wroteLink = true;
                        return;
                    }
                    case TEXT -> {
                        for (int i = 0; i < fields.size(); i++) {
                            if (i > 0) out.write(' ');
                            String value = fields.get(i).value(row);
                            out.write(value.isEmpty() ? "-" : value.replace(" ", "%20").replace("\n", "%0A"));
                        }
                    }
                }
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() {
            try {
                if (wroteLink) out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void json(CaptureRow row) throws IOException {
            JsonGenerator g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            for (CdxField f : fields) {
                if (f.in(row)) g.writeStringField(f.key(), f.value(row));
            }
            g.writeEndObject();
            g.close();
        }

        /** pywb's to_cdxj(fields): key and timestamp, then the chosen fields (of the rest) that have a value. */
        private String cdxj(CaptureRow row) {
            StringBuilder line = new StringBuilder(128).append(row.surt()).append(' ').append(row.timestamp()).append(" {");
            for (CdxField f : fields) {
                if (f == CdxField.URLKEY || f == CdxField.TIMESTAMP || !f.in(row)) continue;
                String value = f.value(row);
                if (value.equals("-")) continue;
                if (line.charAt(line.length() - 1) != '{') line.append(", ");
                CdxLines.json(line, f.key());
                line.append(": ");
                CdxLines.json(line, value);
            }
            return line.append('}').toString();
        }

        /** pywb's make_timemap_memento_link: the original URL with rel and the capture's HTTP date. */
        private static String link(CaptureRow row) {
            return "<" + row.url() + ">; rel=\"memento\"; datetime=\"" + CaptureTime.httpDate(row.timestamp()) + "\"";
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
