package org.paretowb.services.export;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.input.SettingsText;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.StringStringEntryProto;

/**
 * A model's settings (input shape, normalisation, class names) written into an exported file and read back, so
 * that the file is measured with no flags as its source was: an ONNX file's metadata_props (the keys of
 * {@link SettingsText}, which PyTorch users can also write with the onnx package), a block after a .pwb file's
 * weights ("PWBS", then the same keys as UTF-8 lines; readers of the weights stop before it, so older workbenches
 * still read the file, and older files without it read as stating nothing), and a {@value #DJL_ENTRY} entry in a
 * .djl archive.
 *
 * <p>The exporter itself stays as it is: this adds the metadata to the bytes it wrote (the hook to fold into
 * {@code OnnxExporter} later: {@code ModelProto.Builder.addMetadataProps}).
 */
public final class SettingsStamp {
    public static final String DJL_ENTRY = "settings.txt";
    private static final int PWB_SETTINGS = 0x50574253; // "PWBS"

    private SettingsStamp() {
    }

    /** The file's bytes with {@code settings} written in. */
    public static byte[] write(byte[] file, ModelFormat format, ModelSettings settings) {
        Map<String, String> entries = SettingsText.metadata(settings);
        return switch (format) {
            case ONNX -> onnx(file, entries);
            case PWB -> pwb(file, entries);
            case DJL -> djl(file, entries);
        };
    }

    /** The settings entries a file states; empty when it states none (or is not of {@code format}). */
    public static Map<String, String> read(byte[] file, ModelFormat format) {
        try {
            return switch (format) {
                case ONNX -> onnxEntries(file);
                case PWB -> pwbEntries(file);
                case DJL -> djlEntries(file);
            };
        } catch (IOException | WeightFileException e) {
            return Map.of();
        }
    }

    private static byte[] onnx(byte[] file, Map<String, String> entries) {
        try {
            ModelProto.Builder model = ModelProto.parseFrom(file).toBuilder();
            Map<String, String> kept = new LinkedHashMap<>();
            for (StringStringEntryProto e : model.getMetadataPropsList()) {
                if (!entries.containsKey(e.getKey())) {
                    kept.put(e.getKey(), e.getValue());
                }
            }
            kept.putAll(entries);
            model.clearMetadataProps();
            kept.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
            return model.build().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the exported bytes are not an ONNX model: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> onnxEntries(byte[] file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (StringStringEntryProto e : ModelProto.parseFrom(file).getMetadataPropsList()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static byte[] pwb(byte[] file, Map<String, String> entries) {
        try {
            int body = file.length - afterWeights(file).available();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(file, 0, body);
            DataOutputStream block = new DataOutputStream(out);
            byte[] text = lines(entries);
            block.writeInt(PWB_SETTINGS);
            block.writeInt(text.length);
            block.write(text);
            block.flush();
            return out.toByteArray();
        } catch (IOException | WeightFileException e) {
            throw new IllegalArgumentException("the exported bytes are not a PWB1 weight file: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> pwbEntries(byte[] file) throws IOException, WeightFileException {
        DataInputStream rest = new DataInputStream(afterWeights(file));
        if (rest.available() < 8 || rest.readInt() != PWB_SETTINGS) {
            return Map.of();
        }
        int length = rest.readInt();
        byte[] text = rest.readNBytes(Math.max(0, length));
        return text.length == length ? parse(text) : Map.of();
    }

    /** The stream positioned after the weights (what the weight reader reads). */
    private static ByteArrayInputStream afterWeights(byte[] file) throws WeightFileException {
        ByteArrayInputStream in = new ByteArrayInputStream(file);
        new WeightCodec().read(in, "the .pwb file");
        return in;
    }

    private static byte[] djl(byte[] file, Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals(DJL_ENTRY)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(in.readAllBytes());
                    out.closeEntry();
                }
            }
            out.putNextEntry(new ZipEntry(DJL_ENTRY));
            out.write(lines(entries));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the settings to the DJL archive: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> djlEntries(byte[] file) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(DJL_ENTRY)) {
                    return parse(in.readAllBytes());
                }
            }
        }
        return Map.of();
    }

    /** "key=value" lines (values hold no line breaks: class names are one per line in the dialog). */
    private static byte[] lines(Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(byte[] text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }
}
