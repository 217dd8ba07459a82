package org.paretowb.services.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;

/**
 * SHA-256 content hashes: of a model's weights (as the workbench serializes them), of a model file taken as it
 * is (a TorchScript file), and of labelled images.
 */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(WeightSet weights) {
        return hex(digest().digest(new WeightCodec().encode(weights)));
    }

    /** The hash of a file's bytes. */
    public static String ofFile(java.nio.file.Path file) throws java.io.IOException {
        return hex(digest().digest(java.nio.file.Files.readAllBytes(file)));
    }

    public static String of(LabeledImages images) {
        MessageDigest digest = digest();
        digest.update(images.pixels());
        digest.update(images.labels());
        digest.update(new byte[] {(byte) images.rows(), (byte) images.cols()});
        // grey idx-like images hash as they always did, so stored points keep their context
        if (images.channels() != 1 || !images.normalisation().isNone()) {
            digest.update(("channels " + images.channels() + ", " + images.normalisation().describe())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!images.isImages()) {
            java.nio.ByteBuffer features = java.nio.ByteBuffer.allocate(images.features().length * 4);
            features.asFloatBuffer().put(images.features());
            digest.update(features.array());
        }
        return hex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
