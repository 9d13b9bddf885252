package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** local-api's flags: DynamoDB Local on loopback unless an address is given, help, refusals. */
class CliTest {
    @Test
    void dynamoDbListensOnLoopbackUnlessAnAddressIsGiven() {
        assertEquals("127.0.0.1", Cli.localApiOptions(new String[0]).dynamoHost());
        assertEquals("172.17.0.1", Cli.localApiOptions(new String[] {"--dynamodb-host", "172.17.0.1"}).dynamoHost());
        assertEquals("0.0.0.0", Cli.localApiOptions(new String[] {"--dynamodb-host", "0.0.0.0"}).dynamoHost());
    }

    @Test
    void refusesAHostThatIsNoAddress() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Cli.localApiOptions(new String[] {"--dynamodb-host", "example.com"}));
        assertTrue(refused.getMessage().startsWith("--dynamodb-host must be an IP address"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Cli.localApiOptions(new String[] {"--dynamodb-host", "256.0.0.1"}));
    }

    @Test
    void helpIsAskedWithDashHDoubleDashHelpOrHelp() {
        assertTrue(Cli.helpAsked(new String[] {"-h"}));
        assertTrue(Cli.helpAsked(new String[] {"--port", "0", "--help"}));
        assertTrue(Cli.helpAsked(new String[] {"help"}));
        assertFalse(Cli.helpAsked(new String[] {"--port", "0"}));
        assertTrue(Cli.LOCAL_API_USAGE.contains("--dynamodb-host"));
    }

    @Test
    void aSpanOfTimeIsANumberAndAUnitAndPrintsAsOneWord() {
        assertEquals(Duration.ofDays(30), Cli.duration("30d"));
        assertEquals(Duration.ofHours(12), Cli.duration("12h"));
        assertEquals(Duration.ofMinutes(90), Cli.duration("90m"));
        for (String wrong : new String[] {"", "30", "d", "-1d", "1.5d", "30 d", "1w", "1234567d"}) {
            assertThrows(IllegalArgumentException.class, () -> Cli.duration(wrong), wrong);
        }
        assertEquals("28d1h5m", Cli.duration(Duration.ofDays(28).plusHours(1).plusMinutes(5).plusSeconds(59)));
    }
}
