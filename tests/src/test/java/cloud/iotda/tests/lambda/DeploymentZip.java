package cloud.iotda.tests.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A build folder as {@code sam package} (and {@code sam deploy}) uploads it (SAM CLI's package utilities): a zip of
 * every file, each deflated at the default level (Python's zipfile with ZIP_DEFLATED, zlib's 6, as is Java's default
 * Deflater), with the file's modification time; and the object's name, the MD5 of the folder (each file's path and
 * the MD5 of its bytes, in path order), under which an unchanged folder is not uploaded again. Lambda's limits are on
 * the zip (50 MB) and on the unzipped files (250 MB, a function's with its layers').
 */
public final class DeploymentZip {
    private DeploymentZip() {
    }

    /** The zip's bytes. */
    public static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeZip(folder, bytes);
        return bytes.toByteArray();
    }

    /** Bytes of the zip of {@code folder}. */
    public static long bytes(Path folder) throws IOException {
        CountingStream counted = new CountingStream();
        writeZip(folder, counted);
        return counted.bytes;
    }

    private static void writeZip(Path folder, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files(folder)) {
                ZipEntry entry = new ZipEntry(folder.relativize(file).toString());
                FileTime modified = Files.getLastModifiedTime(file);
                entry.setLastModifiedTime(modified);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    /** The name {@code sam package} gives the folder's object: SAM CLI's dir_checksum, an MD5. */
    public static String checksum(Path folder) throws IOException {
        MessageDigest folderDigest = md5();
        for (Path file : files(folder)) {
            folderDigest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            MessageDigest fileDigest = md5();
            fileDigest.update(Files.readAllBytes(file));
            folderDigest.update(hex(fileDigest.digest()).getBytes(StandardCharsets.UTF_8));
        }
        return hex(folderDigest.digest());
    }

    /** Bytes of the files in {@code folder}, as Lambda unzips them. */
    public static long unzippedBytes(Path folder) throws IOException {
        long bytes = 0;
        for (Path file : files(folder)) {
            bytes += Files.size(file);
        }
        return bytes;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] digest) {
        return String.format("%032x", new BigInteger(1, digest));
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
