package cloud.iotda.tests.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Lambda runs a function from: the function's own folder (/var/task, its jars in lib/) and the folders of its
 * layers, in the order the function lists them (each unpacked under /opt, a Java layer's jars in java/lib/).
 */
public record LambdaPackage(Path function, List<Path> layers) {

    public LambdaPackage {
        layers = List.copyOf(layers);
    }

    /** A package of its own folder alone (a reference build without layers). */
    public static LambdaPackage of(Path function) {
        return new LambdaPackage(function, List.of());
    }

    /** The class path Lambda's Java runtime gives the function: lib/*.jar of the task, then java/lib/*.jar of /opt. */
    public String classpath() {
        List<String> entries = new ArrayList<>();
        entries.add(function.resolve("lib") + File.separator + "*");
        for (Path layer : layers) {
            entries.add(layer.resolve("java").resolve("lib") + File.separator + "*");
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Every jar of the package, the function's and its layers'. */
    public List<Path> jars() throws IOException {
        List<Path> jars = new ArrayList<>(jarsIn(function.resolve("lib")));
        for (Path layer : layers) {
            jars.addAll(jarsIn(layer.resolve("java").resolve("lib")));
        }
        return jars;
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
