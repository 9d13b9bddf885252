package cloud.iotda.tests.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The deployment package as {@code sam deploy} makes it of a function's build folder before uploading it: a zip of
 * every file, each deflated at the default level (SAM CLI's make_zip: Python's zipfile with ZIP_DEFLATED, whose
 * default level is zlib's 6, as is Java's default Deflater). Lambda's limits are on this zip (50 MB) and on the
 * unzipped files (250 MB).
 */
public final class DeploymentZip {
    private DeploymentZip() {
    }

    /** Bytes of the zip of {@code artifacts}. */
    public static long bytes(Path artifacts) throws IOException {
        CountingStream counted = new CountingStream();
        try (ZipOutputStream zip = new ZipOutputStream(counted); Stream<Path> files = Files.walk(artifacts)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(artifacts.relativize(file).toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return counted.bytes;
    }

    /** Bytes of the files in {@code artifacts}, as Lambda unzips them. */
    public static long unzippedBytes(Path artifacts) throws IOException {
        try (Stream<Path> files = Files.walk(artifacts)) {
            long bytes = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    /** An output stream that only counts. */
    private static final class CountingStream extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
