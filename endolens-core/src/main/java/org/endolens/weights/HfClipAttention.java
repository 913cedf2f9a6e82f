package org.endolens.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugging Face CLIP keeps q, k and v as three Linear layers; EndoLens (like open_clip and timm) packs them
 * into one {@code qkv} whose rows are q|k|v. This merges and splits them under a synthetic {@code qkv_proj} key.
 */
final class HfClipAttention {
    private static final Pattern Q = Pattern.compile("(.*\\.self_attn\\.)q_proj\\.(weight|bias)");

    private HfClipAttention() {}

    static Map<String, NDArray> merge(Map<String, NDArray> tensors) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            String key = e.getKey();
            Matcher m = Q.matcher(key);
            if (m.matches()) {
                String base = m.group(1);
                String kind = m.group(2);
                NDArray k = tensors.get(base + "k_proj." + kind);
                NDArray v = tensors.get(base + "v_proj." + kind);
                if (k != null && v != null) {
                    out.put(base + "qkv_proj." + kind, NDArrays.concat(new NDList(e.getValue(), k, v), 0));
                    continue;
                }
            }
            if (isMergedAway(key, tensors)) {
                continue;
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    private static boolean isMergedAway(String key, Map<String, NDArray> tensors) {
        for (String part : new String[] {"k_proj.", "v_proj."}) {
            int at = key.indexOf(".self_attn." + part);
            if (at >= 0) {
                String q = key.substring(0, at) + ".self_attn.q_proj." + key.substring(at + 11 + part.length());
                return tensors.containsKey(q);
            }
        }
        return false;
    }

    static Map<String, NDArray> split(Map<String, NDArray> tensors) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            String key = e.getKey();
            int at = key.indexOf(".self_attn.qkv_proj.");
            if (at < 0) {
                out.put(key, e.getValue());
                continue;
            }
            String base = key.substring(0, at) + ".self_attn.";
            String kind = key.substring(at + ".self_attn.qkv_proj.".length());
            NDList parts = e.getValue().split(3, 0);
            out.put(base + "q_proj." + kind, parts.get(0));
            out.put(base + "k_proj." + kind, parts.get(1));
            out.put(base + "v_proj." + kind, parts.get(2));
        }
        return out;
    }
}
