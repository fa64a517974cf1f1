package org.warctrail.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times pages of the UI as served over loopback (request sent to last byte received: an upper bound of the
 * server's render time), best and median of several requests after one warm-up, appended to
 * target/render-times.txt. A log, not an assertion.
 */
final class RenderTimes {
    static final Path LOG = Path.of("target", "render-times.txt");
    private static final HttpClient client = HttpClient.newHttpClient();

    static String time(String base, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
        int status = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        String line = String.format(Locale.ROOT, "%-60s status %d  best %.1f ms  median %.1f ms%n",
                path.length() > 60 ? path.substring(0, 57) + "..." : path, status, ms[0], ms[ms.length / 2]);
        Files.createDirectories(LOG.getParent());
        Files.writeString(LOG, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return line;
    }
}
