package cloud.iotda.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line flags: {@code --name value} pairs; anything else is a usage error (exit code 2). */
final class Cli {
    static final int DEFAULT_PORT = 3000;
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

    static LocalApi.Options localApiOptions(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> flags = flags(List.of(args), Set.of("port", "dynamodb-port", "data", "seed", "template"),
                positional);
        if (!positional.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + positional.get(0));
        }
        return new LocalApi.Options(
                port(flags, "port", DEFAULT_PORT),
                port(flags, "dynamodb-port", DEFAULT_DYNAMODB_PORT),
                flags.containsKey("data") ? Path.of(flags.get("data")) : null,
                flags.containsKey("seed") ? Path.of(flags.get("seed")) : null,
                Path.of(flags.getOrDefault("template", "template.yaml")));
    }
}
