package org.paretowb.services.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** Which device ONNX Runtime can run on here: the CUDA device asked for when it opens, else the CPU with the reason. */
final class OrtDevices {
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private OrtDevices() {
    }

    /** @param gpu the CUDA device asked for, or -1 for the CPU */
    static ComputeDevice open(int gpu) {
        if (gpu < 0) {
            return ComputeDevice.CPU;
        }
        return open(gpu, available(), OrtDevices::tryCuda);
    }

    /** The choice, given the providers this ONNX Runtime build has and a way to try opening a CUDA device. */
    static ComputeDevice open(int gpu, Set<OrtProvider> providers, CudaProbe probe) {
        if (!providers.contains(OrtProvider.CUDA)) {
            return ComputeDevice.cpuBecause("this ONNX Runtime is a CPU build (build the workbench with -Pgpu for"
                    + " the CUDA one)");
        }
        String refused = probe.tryOpen(gpu);
        return refused == null ? ComputeDevice.cuda(gpu) : ComputeDevice.cpuBecause("CUDA device " + gpu
                + " cannot be opened (" + refused + ")");
    }

    /** Opens a CUDA device; null when it opened, else ONNX Runtime's reason. */
    @FunctionalInterface
    interface CudaProbe {
        String tryOpen(int device);
    }

    private static Set<OrtProvider> available() {
        try {
            return OrtEnvironment.getAvailableProviders();
        } catch (RuntimeException | LinkageError e) {
            return EnumSet.of(OrtProvider.CPU);
        }
    }

    private static String tryCuda(int device) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addCUDA(device);
            return null;
        } catch (OrtException | RuntimeException | LinkageError e) {
            return reason(String.valueOf(e.getMessage()));
        }
    }

    /** ONNX Runtime's words without its source location ("Failed to load library ...: libcublasLt.so.12: ..."). */
    static String reason(String message) {
        String line = message.lines().findFirst().orElse(message);
        int fail = line.lastIndexOf("FAIL : ");
        String said = fail >= 0 ? line.substring(fail + 7) : line;
        return said.length() > 240 ? said.substring(0, 240) + "…" : said;
    }

    static void tellOnce(ComputeDevice device) {
        if (TOLD.compareAndSet(false, true)) {
            System.err.println("paretowb: " + device.message());
        }
    }
}
