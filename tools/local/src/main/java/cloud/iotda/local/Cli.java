package cloud.iotda.local;

import cloud.iotda.Service;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Project;
import cloud.iotda.edge.ApiError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Command-line flags: {@code --name value} pairs; anything else is a usage error (exit code 2). */
final class Cli {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IP_LITERAL = Pattern.compile(
            OCTET + "(\\." + OCTET + "){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    static final String LOCAL_API_USAGE = """
            usage: local-api [--port 3000] [--dynamodb-port 8000] [--dynamodb-host 127.0.0.1] [--data DIR]
                             [--seed FILE] [--template template.yaml] [--region-id cn-north-4] [--check]
              --port           the API's port on 127.0.0.1 (0: a free one)
              --dynamodb-port  DynamoDB Local's port (0: a free one)
              --dynamodb-host  the one address DynamoDB Local listens on (default loopback; 0.0.0.0 is every
                               interface: it has no authentication and holds tokens and keys)
              --data           keep the database in DIR across restarts (default: in memory)
              --seed           the seed file (default: the built-in demo seed)
              --template       the SAM template whose routes and table are served
              --region-id      the cloud region the API answers as (default cn-north-4): instances'
                               region_id, the derived signing scope, the region of the projects it serves
              --check          start, print where it listens and stop: checks the setup (and lets
                               bin/lib.sh record what a start loads, so that later starts are faster)""";
    static final int DEFAULT_PORT = 3000;
    private static final Pattern SPAN = Pattern.compile("(\\d{1,6})([dhms])");
    static final int DEFAULT_DYNAMODB_PORT = 8000;

    private Cli() {
    }

    /** Splits {@code --flag value} pairs from positional words; unknown flags are refused. */
    static Map<String, String> flags(List<String> args, Set<String> known, List<String> positional) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            flags.put(name, args.get(++i));
        }
        return flags;
    }

    static int port(Map<String, String> flags, String name, int defaultValue) {
        String text = flags.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number 0..65535, not " + text);
        }
    }

    /** An address of this machine to listen on, given as an IP literal; loopback unless asked otherwise. */
    static String host(Map<String, String> flags, String name) {
        String text = flags.get(name);
        if (text == null) {
            return LocalDynamo.LOOPBACK;
        }
        if (!IP_LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("--" + name + " must be an IP address such as 127.0.0.1, "
                    + "172.17.0.1 or 0.0.0.0 (every interface), not " + text);
        }
        return text;
    }

    /**
     * A refusal as the tools say it: the field and rule of invalid input, otherwise the API's own message and code
     * for it (the one error table), so the CLI and the seed say what the API would.
     */
    static String describe(Rejected refused) {
        if (refused.reason() == Reason.INVALID_INPUT) {
            return refused.detail();
        }
        ApiError error = ApiError.of(refused.reason());
        return error.message(refused.facts()) + " (" + error.code() + ")";
    }

    /** A span of time as the tools take it: {@code 30d}, {@code 12h}, {@code 90m} or {@code 45s}. */
    static Duration duration(String text) {
        Matcher span = SPAN.matcher(text);
        if (!span.matches()) {
            throw new IllegalArgumentException("a span of time is a number and d, h, m or s, like 30d, not " + text);
        }
        long amount = Long.parseLong(span.group(1));
        return switch (span.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** A span of time as the tools print it, one word: {@code 30d2h0m}. */
    static String duration(Duration span) {
        return span.toDays() + "d" + span.toHoursPart() + "h" + span.toMinutesPart() + "m";
    }

    /** Whether the arguments ask for the usage ({@code -h}, {@code --help} or {@code help}). */
    static boolean helpAsked(String[] args) {
        return List.of(args).stream().anyMatch(arg -> arg.equals("-h") || arg.equals("--help"))
                || args.length > 0 && args[0].equals("help");
    }

    static LocalApi.Options localApiOptions(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> flags = flags(List.of(args),
                Set.of("port", "dynamodb-host", "dynamodb-port", "data", "seed", "template", "region-id"), positional);
        if (!positional.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + positional.get(0));
        }
        return new LocalApi.Options(
                port(flags, "port", DEFAULT_PORT),
                host(flags, "dynamodb-host"),
                port(flags, "dynamodb-port", DEFAULT_DYNAMODB_PORT),
                flags.containsKey("data") ? Path.of(flags.get("data")) : null,
                flags.containsKey("seed") ? Path.of(flags.get("seed")) : null,
                Path.of(flags.getOrDefault("template", "template.yaml")),
                regionId(flags.getOrDefault("region-id", Service.DEFAULT_REGION_ID)));
    }

    private static String regionId(String text) {
        if (!Project.isValidRegion(text)) {
            throw new IllegalArgumentException("--region-id must be " + Project.REGION_RULE + ", not " + text);
        }
        return text;
    }
}
