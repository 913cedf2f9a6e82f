package org.endolens.nn;

/** Architecture of a CLIP-style causal text tower pooled at the end-of-text token. */
public record TextConfig(
        int contextLength,
        int vocabSize,
        long width,
        int depth,
        int heads,
        long mlpDim,
        Activation activation,
        float normEps,
        long embedDim) {

    public TextConfig {
        VisionConfig.require(contextLength > 0 && vocabSize > 0, "contextLength and vocabSize must be positive");
        VisionConfig.require(depth > 0 && embedDim > 0, "depth and embedDim must be positive");
        if (activation == null) {
            activation = Activation.GELU;
        }
    }

    public TransformerSpec block() {
        return new TransformerSpec(width, heads, mlpDim, activation, normEps, true);
    }

    public TextConfig withHeads(int newHeads) {
        return new TextConfig(contextLength, vocabSize, width, depth, newHeads, mlpDim, activation, normEps, embedDim);
    }

    public TextConfig withActivation(Activation newActivation) {
        return new TextConfig(contextLength, vocabSize, width, depth, heads, mlpDim, newActivation, normEps, embedDim);
    }
}
