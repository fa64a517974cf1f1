package org.warctrail.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * JSON on a command's output, written with jackson-core's generator: databind's ObjectMapper loads ~400 classes when
 * made, a tenth of a second of a one-shot command. Closing the generator flushes it and leaves the output open.
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {
    }

    static JsonGenerator generator(PrintWriter out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
