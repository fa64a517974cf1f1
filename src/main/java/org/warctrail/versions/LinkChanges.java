package org.warctrail.versions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;

/**
 * Links added and removed between two versions, compared by {@link LinkKey} so that a link re-tagged with
 * tracking parameters is the same link (counted in {@code retagged}).
 */
record LinkChanges(List<Link> added, List<Link> removed, int retagged) {

    static LinkChanges compare(List<Link> from, List<Link> to) {
        Map<String, Set<String>> fromUrls = byKey(from);
        Map<String, Set<String>> toUrls = byKey(to);
        List<Link> added = new ArrayList<>();
        List<Link> removed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Link link : to) {
            String key = LinkKey.of(link.url());
            if (!fromUrls.containsKey(key) && seen.add(key)) added.add(link);
        }
        seen.clear();
        for (Link link : from) {
            String key = LinkKey.of(link.url());
            if (!toUrls.containsKey(key) && seen.add(key)) removed.add(link);
        }
        int retagged = 0;
        for (Map.Entry<String, Set<String>> e : toUrls.entrySet()) {
            Set<String> old = fromUrls.get(e.getKey());
            if (old != null && !old.equals(e.getValue())) retagged++;
        }
        return new LinkChanges(added, removed, retagged);
    }

    /** A link in the article's own text (a source it cites), not an advert, menu or share button. */
    static boolean inArticle(Link link) {
        LinkPlace place = link.place() == null ? LinkPlace.OTHER : link.place();
        LinkKind kind = link.kind() == null ? LinkKind.LINK : link.kind();
        if (place != LinkPlace.MAIN && place != LinkPlace.CAPTION) return false;
        return switch (kind) {
            case ADVERT, NAVIGATION, SOCIAL, REQUISITE -> false;
            default -> true;
        };
    }

    static ChangedLink describe(Link link) {
        return new ChangedLink(link.url(), link.text(),
                link.kind() == null ? LinkKind.LINK.label() : link.kind().label(),
                link.place() == null ? LinkPlace.OTHER.label() : link.place().label());
    }

    private static Map<String, Set<String>> byKey(List<Link> links) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Link link : links) {
            out.computeIfAbsent(LinkKey.of(link.url()), k -> new LinkedHashSet<>()).add(link.url());
        }
        return out;
    }
}
