package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** iotda-admin's usage: asked for, it is printed on stdout with exit code 0, and no database is reached. */
class AdminUsageTest {
    private record Run(int code, String out, String err) {
    }

    private static Run admin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Admin.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help", "help"})
    void printsTheWholeUsageWithExitCode0(String flag) {
        // --endpoint names a port nothing listens on: help must not need the database.
        Run run = admin("--endpoint", "http://127.0.0.1:9", flag);
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("usage: iotda-admin "), run.out());
        for (String command : new String[] {"instances create", "tokens issue", "keys revoke", "orders pay",
                                            "orders process-now", "flavors set-status"}) {
            assertTrue(run.out().contains("  " + command), command + " in " + run.out());
        }
    }

    @Test
    void aCommandsHelpPrintsOnlyThatCommandsUsage() {
        Run group = admin("orders", "--help");
        assertEquals(0, group.code());
        assertTrue(group.out().contains("orders pay ORDER_ID") && group.out().contains("orders process-now"),
                group.out());
        assertFalse(group.out().contains("tokens issue"), group.out());

        Run one = admin("--table", "t", "tokens", "issue", "-h");
        assertEquals(0, one.code());
        assertTrue(one.out().contains("tokens issue --project P"), one.out());
        assertFalse(one.out().contains("tokens revoke"), one.out());
    }

    @Test
    void helpOfAnUnknownCommandPrintsTheWholeUsage() {
        Run run = admin("bogus", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("instances create") && run.out().contains("orders cancel"), run.out());
    }

    @Test
    void anUnknownOptionIsStillAUsageErrorWithExitCode2() {
        Run run = admin("--bogus", "x", "orders", "list");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("iotda-admin: unknown option --bogus"), run.err());
    }
}
