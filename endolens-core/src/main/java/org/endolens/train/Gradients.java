package org.endolens.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient bookkeeping around DJL's PyTorch engine: fetching gradients into a step scope (each
 * {@code getGradient()} call creates a new handle that would otherwise accumulate on the model's manager),
 * global-norm clipping as {@code torch.nn.utils.clip_grad_norm_}, and zeroing.
 */
public final class Gradients {
    private Gradients() {}

    /** The gradient of every parameter that has one, as arrays attached to {@code step}. */
    public static Map<String, NDArray> collect(Map<String, Parameter> parameters, NDManager step) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            NDArray weight = p.getArray();
            if (weight.hasGradient()) {
                NDArray grad = weight.getGradient();
                grad.attach(step);
                grads.put(name, grad);
            }
        });
        return grads;
    }

    /** Scales all gradients so their global L2 norm is at most {@code maxNorm}; returns the norm before clipping. */
    public static double clipByGlobalNorm(Map<String, NDArray> grads, double maxNorm) {
        double sumOfSquares = 0;
        for (NDArray g : grads.values()) {
            sumOfSquares += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sumOfSquares);
        if (maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            grads.values().forEach(g -> g.muli(scale));
        }
        return norm;
    }

    /** The parameter whose gradient has the largest absolute element (NaN counts as largest), with that value. */
    public static String largest(Map<String, NDArray> grads) {
        String name = null;
        double largest = -1;
        for (Map.Entry<String, NDArray> e : grads.entrySet()) {
            double value = e.getValue().abs().max().getFloat();
            if (Double.isNaN(value) || value > largest) {
                name = e.getKey();
                largest = Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
                if (Double.isNaN(value)) {
                    return name + " (NaN)";
                }
            }
        }
        return name + " (" + largest + ")";
    }

    /** Sets every parameter's gradient to zero (PyTorch engine: in place, NaN-safe). */
    public static void zero(Map<String, Parameter> parameters) {
        parameters.values().forEach(p -> {
            NDArray weight = p.getArray();
            if (weight.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) weight);
            }
        });
    }
}
