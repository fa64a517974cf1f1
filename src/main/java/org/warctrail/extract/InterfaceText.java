package org.warctrail.extract;

import java.util.Set;

/**
 * Lines that are page furniture whatever element holds them ("Advertisement", "Share this article",
 * "Text size"): a paragraph made only of one of these is not article text. Keys are
 * {@link TitleText#key} forms; add other languages' equivalents here.
 */
final class InterfaceText {

    private static final Set<String> LINES = Set.of(
            "advertisement", "advert", "ad", "ads", "sponsored", "sponsored content", "paid content", "promoted",
            "story continues below advertisement", "article continues below advertisement",
            "continue reading below", "scroll to continue with content", "skip advert", "text size",
            "tags", "topics", "share", "share this", "share this article", "share this story", "share on facebook",
            "share on twitter", "comments", "comment", "leave a comment", "related", "related articles",
            "related stories", "related content", "recommended", "you may also like", "you might also like",
            "most popular", "most read", "read more", "print", "email", "listen to this article",
            "anzeige", "werbung", "publicidade", "publicidad", "publicité", "pubblicità", "реклама");

    private InterfaceText() {}

    static boolean isInterfaceLine(String paragraph) {
        return paragraph.length() <= 40 && LINES.contains(TitleText.key(paragraph));
    }
}
