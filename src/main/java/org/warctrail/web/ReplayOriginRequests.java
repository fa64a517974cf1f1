package org.warctrail.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jsoup.internal.StringUtil;

/**
 * What the replay origin ({@link ReplayOrigin}) answers besides the archive itself. Archived pages run there, so
 * a path outside {@code /web/} asked by one of them — a root-relative {@code fetch('/api/story.json')} that
 * replay-urls.js did not map, a module import, a CSS {@code url()} set by script — is the archived site's own
 * path: GET and HEAD are redirected into the archive at the page's timestamp (pywb's referrer fallback), anything
 * else is refused. None of the UI's routes answer on this origin, and no archived page may install a service
 * worker there (it would answer for every archived page after it).
 */
final class ReplayOriginRequests {
    private final ReplayOrigin origin;

    ReplayOriginRequests(ReplayOrigin origin) {
        this.origin = origin;
    }

    /** What the replay origin serves besides the archive: the replay's scripts, the stylesheet of its notices. */
    static boolean servedBesidesTheArchive(String path) {
        return path.equals(HtmlRewriter.URLS_SCRIPT) || path.equals(HtmlRewriter.GUARD_SCRIPT)
                || path.equals("/static/warctrail.css");
    }

    public void before(Context ctx) {
        if (!origin.serves(ctx)) return;
        if (ctx.header("Service-Worker") != null) {
            throw new ForbiddenResponse("archived pages cannot install service workers");
        }
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new ForbiddenResponse("the archive is read-only: an archived page cannot send " + method + " requests");
        }
        String path = ctx.path();
        if (path.startsWith("/web/") || servedBesidesTheArchive(path)) return;
        ArchivePath page = replayedReferrer(ctx);
        String query = ctx.queryString();
        String target = page == null ? null : StringUtil.resolve(page.url(), path + (query == null ? "" : "?" + query));
        if (target == null || !target.toLowerCase(Locale.ROOT).matches("https?://.*")) {
            throw new NotFoundResponse(path + " is not in the archive: this origin replays archived pages only (/web/...)");
        }
        // 307, not 302: a HEAD stays a HEAD.
        ctx.header("Location", ArchiveUrls.replay(page.timestamp(), ReplayMode.REWRITTEN, target));
        ctx.status(HttpStatus.TEMPORARY_REDIRECT);
        ctx.skipRemainingHandlers();
    }

    /** The replayed page ({@code /web/{ts}mp_/{url}} on this origin) that sent the request, or null. */
    private static ArchivePath replayedReferrer(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null || !referer.contains("mp_/")) return null;
        URI uri;
        try {
            uri = new URI(referer);
        } catch (URISyntaxException e) {
            return null;
        }
        String host = ctx.header("Host");
        if (uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(host)) return null;
        String rawPath = uri.getRawPath();
        if (rawPath == null || !rawPath.startsWith("/web/")) return null;
        ArchivePath parsed;
        try {
            parsed = ArchivePath.parse(rawPath.substring(5), uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return parsed.kind() == ArchivePath.Kind.MEMENTO && parsed.mode() == ReplayMode.REWRITTEN ? parsed : null;
    }
}
