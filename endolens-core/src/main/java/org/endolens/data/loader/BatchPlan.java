package org.endolens.data.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which items go into which batch in one epoch, decided up front from the seed and epoch alone.
 *
 * @param items item indices, in batch order
 * @param groups for per-patient batches, each item's group slot in the batch (0, 1, ...); null otherwise
 */
record BatchPlan(int[] items, int[] groups) {
    static List<BatchPlan> of(ExampleSource source, LoaderConfig config, int epoch) {
        SplittableRandom random = SampleSeeds.forEpoch(config.seed(), epoch);
        return config.grouped() ? grouped(source, config, random) : plain(source.size(), config, random);
    }

    private static List<BatchPlan> plain(int size, LoaderConfig config, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (config.shuffle()) {
            shuffle(order, random);
        }
        List<BatchPlan> batches = new ArrayList<>();
        for (int start = 0; start < size; start += config.batchSize()) {
            int end = Math.min(size, start + config.batchSize());
            if (end - start < config.batchSize() && config.dropLast()) {
                break;
            }
            batches.add(new BatchPlan(Arrays.copyOfRange(order, start, end), null));
        }
        return batches;
    }

    private static List<BatchPlan> grouped(ExampleSource source, LoaderConfig config, SplittableRandom random) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < source.size(); i++) {
            byGroup.computeIfAbsent(source.group(i), g -> new ArrayList<>()).add(i);
        }
        List<int[]> groups = new ArrayList<>(byGroup.size());
        for (List<Integer> members : byGroup.values()) {
            int[] items = members.stream().mapToInt(Integer::intValue).toArray();
            if (items.length > config.framesPerGroup()) {
                if (config.shuffle()) {
                    shuffle(items, random);
                }
                items = Arrays.copyOf(items, config.framesPerGroup());
                // Keep a patient's frames in record (time) order within the batch.
                Arrays.sort(items);
            }
            groups.add(items);
        }
        if (config.shuffle()) {
            for (int i = groups.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                groups.set(i, groups.set(j, groups.get(i)));
            }
        }
        List<BatchPlan> batches = new ArrayList<>();
        for (int start = 0; start < groups.size(); start += config.batchSize()) {
            int end = Math.min(groups.size(), start + config.batchSize());
            if (end - start < config.batchSize() && config.dropLast()) {
                break;
            }
            List<int[]> chosen = groups.subList(start, end);
            int total = chosen.stream().mapToInt(g -> g.length).sum();
            int[] items = new int[total];
            int[] slots = new int[total];
            int n = 0;
            for (int slot = 0; slot < chosen.size(); slot++) {
                for (int item : chosen.get(slot)) {
                    items[n] = item;
                    slots[n++] = slot;
                }
            }
            batches.add(new BatchPlan(items, slots));
        }
        return batches;
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
