package org.warctrail.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 load client for {@code bench/replay.sh}: {@code CONCURRENCY} threads send {@code REQUESTS} GETs
 * in all, cycling through a list of request targets, each on a new connection as {@code ab -c N} does (ab itself
 * takes one URL per run, and cannot be used against {@code jwarc serve}: without {@code -k} it waits for a close
 * that jwarc never sends, and jwarc answers a second request on a kept-alive connection with a 404). With
 * {@code -Dload.keepAlive=true} each thread keeps one connection (for warctrail alone). Prints one line:
 * requests, seconds, requests/s, latency p50 and p99 in ms, failures (a status other than 200, or an I/O error),
 * bytes of bodies.
 *
 * <p>Usage: LoadClient HOST:PORT TARGETS_FILE REQUESTS CONCURRENCY [HEADER: value ...]
 */
public final class LoadClient {
    private static final boolean KEEP_ALIVE = Boolean.getBoolean("load.keepAlive");

    public static void main(String[] args) throws Exception {
        String host = args[0].substring(0, args[0].lastIndexOf(':'));
        int port = Integer.parseInt(args[0].substring(args[0].lastIndexOf(':') + 1));
        List<String> targets = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        int requests = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        StringBuilder extra = new StringBuilder();
        for (int i = 4; i < args.length; i++) extra.append(args[i]).append("\r\n");
        if (!KEEP_ALIVE) extra.append("Connection: close\r\n");

        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        List<String> firstFailure = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                Connection connection = null;
                for (int n; (n = next.getAndIncrement()) < requests; ) {
                    String target = targets.get(n % targets.size());
                    long t0 = System.nanoTime();
                    try {
                        if (connection == null) connection = new Connection(new Socket(host, port));
                        int status = connection.get(target, host + ":" + port, extra, bytes);
                        if (status != 200) fail(failures, firstFailure, "HTTP " + status + " for " + target);
                        if (connection.closed) connection = null;
                    } catch (IOException e) {
                        fail(failures, firstFailure, e + " for " + target);
                        connection = null;
                    }
                    latencies[n] = System.nanoTime() - t0;
                }
            }, "load-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "requests %d seconds %.2f rps %.1f p50_ms %.2f p99_ms %.2f failures %d bytes %d%n",
                requests, seconds, requests / seconds, latencies[requests / 2] / 1e6,
                latencies[(int) (requests * 0.99)] / 1e6, failures.get(), bytes.get());
        if (!firstFailure.isEmpty()) System.err.println("first failure: " + firstFailure.get(0));
    }

    private static void fail(AtomicInteger failures, List<String> first, String what) {
        failures.incrementAndGet();
        synchronized (first) {
            if (first.isEmpty()) first.add(what);
        }
    }

    /** One kept-alive connection: a GET, then its response read whole by Content-Length, chunks or close. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        boolean closed;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }

        int get(String target, String hostHeader, CharSequence extra, AtomicLong bytes) throws IOException {
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + extra + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            if (statusLine == null) throw new IOException("connection closed before a response");
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            for (String header; !(header = requireLine()).isEmpty(); ) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                if (name.equals("content-length")) length = Long.parseLong(value);
                if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
                if (name.equals("connection") && value.equalsIgnoreCase("close")) closed = true;
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(requireLine().split(";")[0].trim(), 16)) > 0; requireLine()) {
                    bytes.addAndGet(skip(size));
                }
                while (!requireLine().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                bytes.addAndGet(skip(length));
            } else {
                bytes.addAndGet(in.transferTo(OutputStream.nullOutputStream()));
                closed = true;
            }
            if (closed || !KEEP_ALIVE) {
                closed = true;
                socket.close();
            }
            return status;
        }

        private long skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) throw new IOException("body ended " + left + " bytes short");
                    skipped = 1;
                }
                left -= skipped;
            }
            return n;
        }

        private String requireLine() throws IOException {
            String line = line();
            if (line == null) throw new IOException("connection closed inside a response");
            return line;
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    if (b.size() == 0) return null;
                    throw new IOException("connection closed inside a header line");
                }
                if (c != '\r') b.write(c);
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
