package cloud.iotda.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Everything this JVM writes to stdout and stderr from {@link #start()} on, still written through, so that a test
 * can check what the service logged: the function logs (through Lambda's logger), the SDK's warnings, the local
 * API's request lines.
 */
public final class CapturedLogs {
    /** What a credential in a log would look like: a signature, a token or an Authorization header's value. */
    private static final Pattern CREDENTIAL_SHAPES = Pattern.compile(
            "(?i)(signature=|x-auth-token|authorization\\W|sdk-hmac-sha256|v11-hmac-sha256|secret_key)");
    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static boolean started;

    private CapturedLogs() {
    }

    public static synchronized void start() {
        if (!started) {
            System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8));
            started = true;
        }
    }

    public static synchronized String text() {
        return CAPTURED.toString(StandardCharsets.UTF_8);
    }

    /**
     * Asserts that the logs so far hold none of {@code secrets} (tokens, secret keys, signatures the test sent) and
     * nothing shaped like a credential.
     */
    public static void assertNoCredentials(Collection<String> secrets) {
        String logs = text();
        for (String secret : secrets) {
            assertFalse(logs.contains(secret), "a log line holds a credential: " + secret);
        }
        assertFalse(CREDENTIAL_SHAPES.matcher(logs).find(), "a log line holds something shaped like a credential: "
                + firstMatch(logs));
    }

    private static String firstMatch(String logs) {
        var matcher = CREDENTIAL_SHAPES.matcher(logs);
        if (!matcher.find()) {
            return "";
        }
        int start = logs.lastIndexOf('\n', matcher.start()) + 1;
        int end = logs.indexOf('\n', matcher.end());
        return logs.substring(start, end < 0 ? logs.length() : end);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream through;

        Tee(OutputStream through) {
            this.through = through;
        }

        @Override
        public void write(int b) {
            synchronized (CapturedLogs.class) {
                CAPTURED.write(b);
            }
            try {
                through.write(b);
            } catch (IOException e) {
                // the console is gone; the capture still holds it
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (CapturedLogs.class) {
                CAPTURED.write(bytes, offset, length);
            }
            try {
                through.write(bytes, offset, length);
            } catch (IOException e) {
                // the console is gone; the capture still holds it
            }
        }

        @Override
        public void flush() throws IOException {
            through.flush();
        }
    }
}
