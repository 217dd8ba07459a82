package org.paretowb.services.usecase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file beside it and a rename, so that a failed or interrupted write
 * leaves the previous file whole and never a half-written one.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Fills the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    /** Refuses, in one line, a target whose folder does not exist or cannot be written. */
    public static void requireWritableFolder(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new UserError("cannot write " + target + ": its folder does not exist or is not writable");
        }
    }

    /** A temporary file is private (rw-------); the file it becomes is readable by others, as any file written is. */
    private static void shareable(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    public static void write(Path target, Content content) throws IOException {
        requireWritableFolder(target);
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(),
                ".part");
        try {
            content.writeTo(temporary);
            shareable(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
