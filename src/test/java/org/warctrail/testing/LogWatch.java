package org.warctrail.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that logged a warning, an error or a stack trace it did not declare with {@link ExpectedLog}: a
 * test that prints an exception and passes hides a bug. Registered for every test by JUnit's extension
 * auto-detection ({@code META-INF/services}); it watches {@code System.err}, where slf4j-simple writes.
 */
public final class LogWatch implements BeforeEachCallback, AfterEachCallback {
    /** slf4j-simple's WARN/ERROR lines, a stack frame, and the JVM's report of a thread that died. */
    private static final Pattern UNEXPECTED = Pattern.compile(
            "(?m)^(?:(?:WARN|ERROR) [\\w.$]+ - .*|\\s+at [\\w.$/]+\\(.*\\)|Exception in thread .*)$");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LogWatch.class);

    private record Watch(PrintStream original, ByteArrayOutputStream seen) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        PrintStream original = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(original, seen), true, StandardCharsets.UTF_8));
        context.getStore(NAMESPACE).put(Watch.class, new Watch(original, seen));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Watch watch = context.getStore(NAMESPACE).remove(Watch.class, Watch.class);
        if (watch == null) return;
        System.err.flush();
        System.setErr(watch.original());
        if (expected(context)) return;
        String text;
        synchronized (watch.seen()) {
            text = watch.seen().toString(StandardCharsets.UTF_8);
        }
        List<String> lines = UNEXPECTED.matcher(text).results().map(m -> m.group()).limit(12).toList();
        if (!lines.isEmpty()) {
            throw new AssertionError("the test logged what it did not expect (declare it with @ExpectedLog "
                    + "if it is the point of the test):\n" + String.join("\n", lines));
        }
    }

    private static boolean expected(ExtensionContext context) {
        if (context.getRequiredTestMethod().isAnnotationPresent(ExpectedLog.class)) return true;
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(ExpectedLog.class)) return true;
        }
        return false;
    }

    /** Writes to the console as before and keeps a copy to scan. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                console.write(b);
            } catch (java.io.IOException e) {
                // the console is gone; the copy is what matters here
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console is gone; the copy is what matters here
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            console.flush();
        }
    }
}
