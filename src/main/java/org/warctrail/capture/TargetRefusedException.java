package org.warctrail.capture;

import java.io.IOException;

/** The target's address is refused by the {@link TargetPolicy}. */
final class TargetRefusedException extends IOException {
    TargetRefusedException(String message) {
        super(message);
    }
}
