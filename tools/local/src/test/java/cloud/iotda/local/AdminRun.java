package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the operator CLI in the test's JVM against a DynamoDB endpoint: its exit code and what it printed. */
record AdminRun(int code, String out, String err) {

    static AdminRun of(String dynamoEndpoint, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 2];
        full[0] = "--endpoint";
        full[1] = dynamoEndpoint;
        System.arraycopy(args, 0, full, 2, args.length);
        int code = Admin.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new AdminRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What a run that must succeed printed. */
    static String ok(String dynamoEndpoint, String... args) {
        AdminRun run = of(dynamoEndpoint, args);
        assertEquals(0, run.code(), String.join(" ", args) + ": " + run.err());
        return run.out();
    }
}
