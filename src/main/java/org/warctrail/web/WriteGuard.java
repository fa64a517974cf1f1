package org.warctrail.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Runs before write actions ({@code POST /api/*} and other non-GET methods there): refuses requests from
 * other origins (including sandboxed archived pages, whose origin is "null"), and requires the token given to {@code serve --token} in an {@code X-Warctrail-Token} or
 * {@code Authorization: Bearer} header (or a {@code token} form field for plain HTML forms). Beyond loopback,
 * a server started without a token refuses writes altogether.
 */
final class WriteGuard {
    public static final String TOKEN_HEADER = "X-Warctrail-Token";

    private final ServeOptions options;
    private final boolean loopbackOnly;

    public WriteGuard(ServeOptions options) {
        this.options = options;
        this.loopbackOnly = options.loopbackOnly();
    }

    public void before(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) return;
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals(MementoHandler.origin(ctx))) {
            throw new ForbiddenResponse("write actions are refused from another origin: " + ArchivedHeaders.clean(origin));
        }
        if (options.token() == null) {
            if (loopbackOnly) return;
            throw new ForbiddenResponse("write actions are disabled: the server listens on " + options.bind()
                    + " without --token");
        }
        if (!matches(presented(ctx), options.token())) {
            throw new UnauthorizedResponse("write actions need the server's token (" + TOKEN_HEADER + " header)");
        }
    }

    private static String presented(Context ctx) {
        String header = ctx.header(TOKEN_HEADER);
        if (header != null) return header.trim();
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) return auth.substring(7).trim();
        return ctx.isFormUrlencoded() ? ctx.formParam("token") : null;
    }

    private static boolean matches(String presented, String token) {
        if (presented == null) return false;
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
