package org.warctrail.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Reads one HTTP/1.x response: the head, then the body as framed by Content-Length, chunked transfer
 * coding, or the end of the connection. The raw bytes go to the record (via {@link RecordingInput});
 * the entity body with the chunked framing removed, but content coding kept, goes to the payload digest,
 * which is what jwarc and warcio compute for {@code WARC-Payload-Digest}.
 */
final class ResponseReader {
    private static final int MAX_HEAD_BYTES = 256 * 1024;
    private static final int MAX_LINE = 64 * 1024;

    private final RecordingInput in;
    private final MessageDigest payloadDigest;
    private final ByteArrayOutputStream payloadCopy;
    private final long payloadCopyLimit;
    private long payloadLength;
    private boolean delimited;

    /**
     * @param payloadCopy where to copy the payload for link extraction, or null
     */
    ResponseReader(RecordingInput in, MessageDigest payloadDigest, ByteArrayOutputStream payloadCopy, long payloadCopyLimit) {
        this.in = in;
        this.payloadDigest = payloadDigest;
        this.payloadCopy = payloadCopy;
        this.payloadCopyLimit = payloadCopyLimit;
    }

    /** Reads the status line and headers; throws if the server did not send a complete, parseable head. */
    ResponseHead readHead() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("no response (connection closed or timed out before the status line)");
        }
        if (!statusLine.startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + abbreviate(statusLine));
        }
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts.length > 1 ? parts[1].trim() : "");
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line: " + abbreviate(statusLine));
        }
        String reason = parts.length > 2 ? parts[2] : "";
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("response headers cut off after " + in.consumed() + " bytes");
            }
            if (line.isEmpty()) {
                break;
            }
            if (in.consumed() > MAX_HEAD_BYTES) {
                throw new IOException("response headers larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                Map.Entry<String, String> last = headers.remove(headers.size() - 1); // obsolete line folding
                headers.add(new AbstractMap.SimpleImmutableEntry<>(last.getKey(), last.getValue() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // tolerated, as browsers do; the raw bytes are kept in the record anyway
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return new ResponseHead(status, reason, List.copyOf(headers), (int) in.consumed(), parts[0].trim());
    }

    /** Reads the body as the head frames it. */
    void readBody(ResponseHead head, boolean headRequest) throws IOException {
        int status = head.status();
        if (headRequest || (status >= 100 && status < 200) || status == 204 || status == 304) {
            delimited = true;
            return;
        }
        if (head.chunked()) {
            delimited = true;
            readChunked();
        } else if (head.contentLength() >= 0) {
            delimited = true;
            readLength(head.contentLength());
        } else {
            readToEnd();
        }
    }

    /**
     * Whether the response ended where its framing said (no body, Content-Length or the last chunk), so the next
     * byte on the connection belongs to the next response; a body read to the end of the connection does not.
     * Whether it was cut short is the input's {@link RecordingInput#truncation()}.
     */
    boolean delimited() {
        return delimited;
    }

    long payloadLength() {
        return payloadLength;
    }

    private void readLength(long length) throws IOException {
        byte[] buf = new byte[65536];
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0) {
                in.markTruncated(WarcTruncationReason.DISCONNECT);
                return;
            }
            payload(buf, n);
            remaining -= n;
        }
    }

    private void readToEnd() throws IOException {
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            payload(buf, n);
        }
    }

    private void readChunked() throws IOException {
        byte[] buf = new byte[65536];
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                in.markTruncated(WarcTruncationReason.DISCONNECT);
                return;
            }
            int semi = sizeLine.indexOf(';');
            String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                // Not chunked after all: keep what the server sent, marked as cut short for an unnamed reason.
                in.markTruncated(WarcTruncationReason.UNSPECIFIED);
                return;
            }
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine();
                } while (trailer != null && !trailer.isEmpty());
                return;
            }
            long remaining = size;
            while (remaining > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    in.markTruncated(WarcTruncationReason.DISCONNECT);
                    return;
                }
                payload(buf, n);
                remaining -= n;
            }
            String end = readLine();
            if (end == null) {
                in.markTruncated(WarcTruncationReason.DISCONNECT);
                return;
            }
        }
    }

    private void payload(byte[] buf, int n) {
        payloadDigest.update(buf, 0, n);
        payloadLength += n;
        if (payloadCopy != null && payloadCopy.size() < payloadCopyLimit) {
            payloadCopy.write(buf, 0, (int) Math.min(n, payloadCopyLimit - payloadCopy.size()));
        }
    }

    /** A line without its CR LF (a bare LF is accepted too), ISO-8859-1, or null at end of input. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes in response");
            }
            line.append((char) b);
        }
    }

    private static String abbreviate(String s) {
        String printable = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII);
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
