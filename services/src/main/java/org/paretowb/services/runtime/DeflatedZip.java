package org.paretowb.services.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip file (a TorchScript {@code .pt} is one, its entries stored uncompressed) with every entry
 * deflated. libtorch reads deflated entries, so the file still loads as it is; zeros left by pruning and the
 * few distinct values of quantized weights then take less room, as they would in a user's deployment archive.
 */
public final class DeflatedZip {
    private DeflatedZip() {
    }

    /** Rewrites {@code file} in place (through a temporary file moved over it); its new length. */
    public static long deflate(Path file) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".deflating-", ".zip");
        try {
            try (ZipFile in = new ZipFile(file.toFile());
                 OutputStream raw = Files.newOutputStream(temporary);
                 ZipOutputStream out = new ZipOutputStream(raw)) {
                out.setLevel(Deflater.BEST_COMPRESSION);
                Enumeration<? extends ZipEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream body = in.getInputStream(entry)) {
                        body.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
