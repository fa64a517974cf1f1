package org.warctrail.capture;

import crawlercommons.robots.BaseRobotRules;

/**
 * What robots.txt says about a host: its rules, or why it could not be read (in which case nothing on
 * the host is fetched in this run, as a server error on robots.txt may mean "stay away").
 */
record RobotsVerdict(BaseRobotRules rules, String unavailable) {
    boolean allows(String url) {
        return unavailable == null && rules.isAllowed(url);
    }

    /** The Crawl-delay in milliseconds, or -1 when none is set. */
    long crawlDelayMillis() {
        return rules == null || rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? -1 : rules.getCrawlDelay();
    }
}
