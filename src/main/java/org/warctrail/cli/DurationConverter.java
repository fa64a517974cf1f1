package org.warctrail.cli;

import java.time.Duration;
import org.warctrail.versions.WatchInterval;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration as people write it: 90s, 15m, 1h, 1d, 1h30m, or ISO 8601 (PT1H); see {@link WatchInterval}. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        try {
            return WatchInterval.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
