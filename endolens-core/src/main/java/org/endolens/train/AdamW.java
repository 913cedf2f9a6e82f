package org.endolens.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov & Hutter 2019) exactly as {@code torch.optim.AdamW}: decoupled decay {@code w -= lr * wd * w},
 * then the bias-corrected Adam step. Written on engine ops (no Java loops over elements) and with its moment
 * tensors exposed by name, so a run can be checkpointed and resumed exactly (DJL's optimisers keep their state private).
 */
public final class AdamW {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final NDManager stateManager;
    private final Map<String, NDArray> firstMoment = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoment = new LinkedHashMap<>();
    private long step;

    /** Moment tensors live on {@code stateManager} (the model's manager), so they outlive every step. */
    public AdamW(NDManager stateManager, double beta1, double beta2, double eps) {
        this.stateManager = stateManager;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    public AdamW(NDManager stateManager) {
        this(stateManager, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
    }

    /** Starts a new optimisation step (bias correction counts steps, not parameter updates). */
    public void beginStep() {
        step++;
    }

    public long step() {
        return step;
    }

    /**
     * Updates {@code weight} in place from {@code grad}; call with autograd recording off. {@code grad} must live on
     * the step's manager: every temporary is moved there too and freed when the step closes.
     */
    public void update(String name, NDArray weight, NDArray grad, double lr, double weightDecay) {
        if (step == 0) {
            throw new IllegalStateException("call beginStep() before update()");
        }
        NDManager scratch = grad.getManager();
        NDArray m = firstMoment.computeIfAbsent(name, k -> zerosLike(weight));
        NDArray v = secondMoment.computeIfAbsent(name, k -> zerosLike(weight));
        if (weightDecay != 0) {
            weight.muli(1 - lr * weightDecay);
        }
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.square().muli(1 - beta2));
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        NDArray denominator = v.sqrt();
        denominator.attach(scratch);
        denominator.divi(Math.sqrt(correction2)).addi(eps);
        NDArray delta = m.div(denominator);
        delta.attach(scratch);
        weight.subi(delta.muli(lr / correction1));
    }

    private NDArray zerosLike(NDArray weight) {
        return stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    }

    /** Optimiser state by name ({@code exp_avg.<param>}, {@code exp_avg_sq.<param>}), torch's names. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        firstMoment.forEach((k, v) -> out.put("exp_avg." + k, v));
        secondMoment.forEach((k, v) -> out.put("exp_avg_sq." + k, v));
        return out;
    }

    /** Restores state saved by {@link #state()} at step {@code savedStep}; arrays are copied onto the state manager. */
    public void restore(Map<String, NDArray> saved, long savedStep) {
        firstMoment.clear();
        secondMoment.clear();
        saved.forEach((k, v) -> {
            NDArray copy = v.duplicate();
            copy.attach(stateManager);
            if (k.startsWith("exp_avg_sq.")) {
                secondMoment.put(k.substring("exp_avg_sq.".length()), copy);
            } else if (k.startsWith("exp_avg.")) {
                firstMoment.put(k.substring("exp_avg.".length()), copy);
            } else {
                throw new IllegalArgumentException("unknown optimiser state entry '" + k + "'");
            }
        });
        this.step = savedStep;
    }
}
