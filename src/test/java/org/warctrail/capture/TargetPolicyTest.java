package org.warctrail.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spelling of an address is judged by where it leads: an IPv6 address carrying IPv4 by the IPv4. */
class TargetPolicyTest {
    @ParameterizedTest(name = "{0} public: {1}")
    @CsvSource({
            // IPv4
            "127.0.0.1, false", "10.1.2.3, false", "172.16.0.1, false", "192.168.1.1, false",
            "169.254.169.254, false", "100.64.0.1, false", "0.0.0.0, false", "224.0.0.1, false",
            "255.255.255.255, false", "192.0.2.1, false", "93.184.216.34, true", "8.8.8.8, true",
            // IPv6 proper
            "::1, false", "::, false", "fe80::1, false", "fd00::1, false", "fec0::1, false", "ff02::1, false",
            "100::1, false", "2001:db8::1, false", "2001:2::1, false", "2001:10::1, false", "3fff::1, false",
            "2606:4700:4700::1111, true", "2a00:1450:4001::200e, true",
            // IPv4-mapped and IPv4-compatible
            "::ffff:127.0.0.1, false", "::ffff:10.0.0.1, false", "::ffff:8.8.8.8, true",
            "::127.0.0.1, false", "::7f00:1, false", "::10.0.0.7, false", "::169.254.169.254, false",
            "::8.8.8.8, true",
            // SIIT IPv4-translated
            "::ffff:0:127.0.0.1, false", "::ffff:0:8.8.8.8, true",
            // NAT64
            "64:ff9b::7f00:1, false", "64:ff9b::127.0.0.1, false", "64:ff9b::a9fe:a9fe, false",
            "64:ff9b::808:808, true", "64:ff9b:1::808:808, false",
            // 6to4
            "2002:7f00:1::, false", "2002:a00:1::1, false", "2002:c0a8:101::1, false", "2002:808:808::1, true",
            // Teredo: server 65.54.227.120, client IPv4 inverted in the last 32 bits
            "2001:0:4136:e378:8000:63bf:80ff:fffe, false", // client 127.0.0.1
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7, true", // client 8.8.8.8
            "2001:0:a00:1:8000:63bf:f7f7:f7f7, false" // server 10.0.0.1
    })
    void addressesAreJudgedByWhereTheyLead(String address, boolean isPublic) throws Exception {
        InetAddress resolved = InetAddress.getByName(address);
        assertEquals(isPublic, TargetPolicy.publicOnly().allows(resolved), address + " as " + resolved);
    }

    @ParameterizedTest
    @CsvSource({"http://[::127.0.0.1]:8080/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
            "https://[::ffff:127.0.0.1]/"})
    @Timeout(30)
    void aCrawlRefusesUrlsSpellingLoopbackInIpv6(String url, @TempDir Path dir) throws Exception {
        FixtureCrawl crawl = FixtureCrawl.run(CrawlConfig.builder(URI.create(url)).delayMillis(0)
                .timeout(Duration.ofSeconds(2)).allowTarget(TargetPolicy.publicOnly()).build(), dir, PayloadHistory.NONE);
        assertEquals(0, crawl.summary.pages());
        String reason = crawl.summary.failures().get(0).reason();
        assertTrue(reason.contains("not allowed"), reason);
    }
}
