package org.warctrail.versions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiffTextTest {
    @Test
    void marksWordEditsAndListsNumbers() {
        Version a = Fixtures.version("20160918100000", "A", Fixtures.article().build());
        Version b = Fixtures.version("20160919100000", "B", Fixtures.article()
                .replace(Fixtures.P2, Fixtures.P2.replace("at least 70", "62")).build());
        String text = DiffText.render(new VersionDiffer().diff(a, b));
        assertTrue(text.contains("20160918100000 -> 20160919100000: 1 number changed"), text);
        assertTrue(text.contains("number: 70 -> 62"), text);
        assertTrue(text.contains("The military said [-at least 70-] {+62+} soldiers were killed"), text);
    }
}
