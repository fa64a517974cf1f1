package org.warctrail.capture;

/** A URL the crawler did not capture, and why (network error, robots.txt, redirect loop, refused target...). */
public record CaptureFailure(String url, String reason) {
    /** Why a fetch failed, in words: the kind of failure, then what the exception says. */
    public static String reasonOf(Exception e) {
        String message = e.getMessage();
        String kind = e instanceof java.net.SocketTimeoutException ? "timed out"
                : e instanceof java.net.ConnectException ? "connection failed"
                : e instanceof java.net.UnknownHostException ? "unknown host"
                : e instanceof javax.net.ssl.SSLException ? "TLS error"
                : e instanceof TargetRefusedException ? "refused"
                : e.getClass().getSimpleName();
        if (message == null || message.startsWith(kind)) return message == null ? kind : message;
        return kind + ": " + message;
    }
}
