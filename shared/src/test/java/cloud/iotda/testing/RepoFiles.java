package cloud.iotda.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (template.yaml, events/) found from any module's tests. */
public final class RepoFiles {
    private RepoFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("iotda.repo.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + start);
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path events() {
        return root().resolve("events");
    }
}
