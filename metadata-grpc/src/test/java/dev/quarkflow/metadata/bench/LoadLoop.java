package dev.quarkflow.metadata.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A bounded closed-loop load: each client thread calls as fast as it can, warm-up first, then timed calls. */
final class LoadLoop {

    /** One call of the measured operation; {@code thread} and {@code call} let it vary its request. */
    @FunctionalInterface
    interface Call {
        void run(int thread, long call) throws Exception;
    }

    record Result(String name, int threads, int itemsPerCall, long calls, double seconds, double p50Millis,
            double p99Millis) {

        double callsPerSecond() {
            return calls / seconds;
        }
    }

    private final Duration warmUp;
    private final Duration measure;

    LoadLoop(Duration warmUp, Duration measure) {
        this.warmUp = warmUp;
        this.measure = measure;
    }

    Result run(String name, int threads, int itemsPerCall, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long warmUpEnd = System.nanoTime() + warmUp.toNanos();
            long measureEnd = warmUpEnd + measure.toNanos();
            List<Future<long[]>> latencies = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                latencies.add(pool.submit(() -> drive(call, thread, warmUpEnd, measureEnd)));
            }
            long[] all = new long[0];
            for (Future<long[]> future : latencies) {
                all = concat(all, future.get());
            }
            Arrays.sort(all);
            return new Result(name, threads, itemsPerCall, all.length, measure.toNanos() / 1e9,
                    percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] drive(Call call, int thread, long warmUpEnd, long measureEnd) throws Exception {
        long n = 0;
        while (System.nanoTime() < warmUpEnd) {
            call.run(thread, n++);
        }
        long[] latencies = new long[1024];
        int count = 0;
        while (true) {
            long start = System.nanoTime();
            if (start >= measureEnd) {
                return Arrays.copyOf(latencies, count);
            }
            call.run(thread, n++);
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - start;
        }
    }

    static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static long[] concat(long[] a, long[] b) {
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
